/**
 * @module Heartbeats workers report over HTTP: record a beat for a key rina.yml configures (stamped with the
 * server's clock), and list every key with its last beat, its age and whether each probe reading it is stale.
 * Beats are observations kept in the store, like probe samples; a health flip they cause is what gets journaled.
 */
import { parseDuration } from '../domain/duration.ts'
import { redactText } from '../domain/redact.ts'
import { RinaError } from '../errors.ts'
import type { HeartbeatKeyUse } from '../probes/heartbeat/keys.ts'
import { heartbeatKeys } from '../probes/heartbeat/keys.ts'
import type { HeartbeatMeta } from '../store/types.ts'
import type { CommandContext } from './context.ts'

export interface HeartbeatReport {
  /** The release the worker says it runs. */
  release?: string
  /** One line from the worker. */
  detail?: string
}

export interface RecordedHeartbeat {
  key: string
  /** ISO time of the newest beat. */
  at: string
  count: number
}

export interface HeartbeatView {
  key: string
  /** ISO time of the newest beat, or null when none arrived. */
  lastBeat: string | null
  ageMs: number | null
  count: number
  from: string | null
  release: string | null
  detail: string | null
  /** The probes reading this key; empty when rina.yml no longer configures it. */
  probes: (HeartbeatKeyUse & { stale: boolean })[]
}

/** Records a beat from `from` (the caller) for a configured key; NOT_FOUND for a key no probe reads. */
export async function recordHeartbeat(
  ctx: CommandContext,
  key: string,
  from: string,
  report: HeartbeatReport = {},
): Promise<RecordedHeartbeat> {
  if (!heartbeatKeys(ctx.config).has(key)) {
    throw new RinaError({
      code: 'NOT_FOUND',
      message: `no heartbeat probe in rina.yml has the key "${key}"`,
      hint: `add { type: heartbeat, key: ${key} } to the worker's probes in rina.yml, or fix the key the worker posts to`,
    })
  }
  const meta: HeartbeatMeta = { from: redactText(from, ctx.secrets) }
  if (report.release !== undefined) meta.release = redactText(report.release, ctx.secrets)
  if (report.detail !== undefined) meta.detail = redactText(report.detail, ctx.secrets)
  const r = await ctx.store.heartbeats.beat(key, ctx.clock.now(), meta)
  return { key, at: r.at.toISOString(), count: r.count }
}

/** Every configured key and every key with a stored beat, by key. */
export async function listHeartbeats(ctx: CommandContext): Promise<HeartbeatView[]> {
  const configured = heartbeatKeys(ctx.config)
  const stored = new Map((await ctx.store.heartbeats.list()).map((r) => [r.key, r]))
  const now = ctx.clock.now().getTime()
  const keys = [...new Set([...configured.keys(), ...stored.keys()])].sort()
  return keys.map((key) => {
    const r = stored.get(key)
    const ageMs = r ? Math.max(0, now - r.at.getTime()) : null
    return {
      key,
      lastBeat: r ? r.at.toISOString() : null,
      ageMs,
      count: r?.count ?? 0,
      from: r?.from ?? null,
      release: r?.release ?? null,
      detail: r?.detail ?? null,
      probes: (configured.get(key) ?? []).map((use) => ({
        ...use,
        stale: ageMs === null || ageMs > (parseDuration(use.staleAfter) ?? 60_000),
      })),
    }
  })
}
