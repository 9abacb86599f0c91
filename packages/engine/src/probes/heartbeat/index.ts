/**
 * @module The `heartbeat` probe: a worker reports in by touching a file (its mtime is the last beat) or over
 * HTTP to `rina serve` (POST /api/v1/heartbeats/<key>; kept in the store, read through ctx.heartbeat). Down when
 * the newest beat is older than `staleAfter` measured from ctx.now(); the detail says how long ago it reported.
 */
import { stat } from 'node:fs/promises'
import { resolve as resolvePath } from 'node:path'
import type { z } from 'zod'
import { formatDuration, parseDuration } from '../../domain/duration.ts'
import { aborted, failed, stopwatch } from '../observation.ts'
import type { Probe, ProbeContext } from '../types.ts'
import type { heartbeatProbeSchema } from './schema.ts'

export type HeartbeatProbeConfig = z.output<typeof heartbeatProbeSchema>

type Beat = { at: Date; from: string } | { missing: string }

export const heartbeatProbe: Probe<HeartbeatProbeConfig> = {
  type: 'heartbeat',
  async observe(config, ctx) {
    if (ctx.signal.aborted) return aborted()
    const elapsed = stopwatch()
    const beats: Beat[] = []
    if (config.file !== undefined) beats.push(await fileBeat(resolvePath(ctx.configDir, config.file)))
    if (config.key !== undefined) beats.push(await keyBeat(config.key, ctx))
    if (ctx.signal.aborted) return aborted(elapsed())
    const latencyMs = elapsed()

    const found = beats.filter((b): b is { at: Date; from: string } => 'at' in b)
    const newest = found.sort((a, b) => b.at.getTime() - a.at.getTime())[0]
    if (newest === undefined) {
      const why = beats.map((b) => ('missing' in b ? b.missing : '')).join('; ')
      return failed(why || 'no heartbeat source configured', latencyMs)
    }
    const staleAfterMs = parseDuration(config.staleAfter) ?? 60_000
    const ageMs = Math.max(0, ctx.now().getTime() - newest.at.getTime())
    const ago = ageMs < 1000 ? 'just now' : `${formatDuration(ageMs)} ago`
    const values = { lastBeat: newest.at.toISOString(), ageMs, staleAfterMs, from: newest.from }
    if (ageMs > staleAfterMs) {
      return failed(`last beat ${ago}, stale after ${config.staleAfter}`, latencyMs, values)
    }
    return { ok: true, latencyMs, detail: `last beat ${ago}`, values }
  },
}

async function fileBeat(path: string): Promise<Beat> {
  try {
    return { at: (await stat(path)).mtime, from: 'file' }
  } catch (e) {
    const code = (e as { code?: unknown }).code
    return {
      missing: code === 'ENOENT' ? `no heartbeat file at ${path}` : `cannot read ${path}: ${String(e)}`,
    }
  }
}

async function keyBeat(key: string, ctx: ProbeContext): Promise<Beat> {
  if (ctx.heartbeat === undefined) {
    return { missing: `heartbeats for key "${key}" are kept by \`rina serve\`, which is not running here` }
  }
  const at = await ctx.heartbeat(key)
  return at === null ? { missing: `no heartbeat received for key "${key}"` } : { at, from: 'key' }
}
