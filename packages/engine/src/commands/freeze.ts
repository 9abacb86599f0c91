/**
 * @module Freeze commands: enable, disable, status, and the self-lifting of expired freezes.
 * Read → gate → journal. Freeze toggles are human actions with a reason.
 */
import type { Actor } from '../domain/actor.ts'
import { systemActor } from '../domain/actor.ts'
import { parseDuration } from '../domain/duration.ts'
import type { EventDraft } from '../domain/events.ts'
import type { WindowSpan } from '../domain/freeze-windows.ts'
import { activeSpan, nextSpan, windowsFor } from '../domain/freeze-windows.ts'
import type { FreezeState, LastUnfreeze, State } from '../domain/state.ts'
import { RinaError } from '../errors.ts'
import { combine } from '../gates/decision.ts'
import { manualFreezeActive } from '../gates/freeze.ts'
import { humanGate } from '../gates/human.ts'
import { reasonGate } from '../gates/reason.ts'
import type { CommandContext } from './context.ts'
import { enforce } from './gate.ts'
import { withRetry } from './retry.ts'

export interface FreezeChange {
  env: string
  changed: boolean
  seq: number | null
}

/** "2h", "30m" → now + duration; otherwise an ISO time in the future. */
export function parseUntil(text: string, now: Date): Date {
  const ms = parseDuration(text)
  const at = ms !== null ? new Date(now.getTime() + ms) : new Date(text)
  if (Number.isNaN(at.getTime()) || /^\d+$/.test(text)) {
    throw new RinaError({
      code: 'USAGE',
      message: `--until "${text}" is neither a duration nor a time`,
      hint: 'use e.g. 2h, 30m, 1d or 2026-12-01T18:00:00Z',
    })
  }
  if (at.getTime() <= now.getTime()) {
    throw new RinaError({
      code: 'USAGE',
      message: `--until ${at.toISOString()} is in the past`,
      hint: 'give a time in the future',
    })
  }
  return at
}

export async function enableFreeze(
  ctx: CommandContext,
  req: { envs: string[]; reason: string | undefined; until?: string | undefined },
): Promise<FreezeChange[]> {
  enforce(combine(humanGate(ctx.actor, 'Freezing'), reasonGate(req.reason, 'Freezing')), 'Freeze')
  const until = req.until ? parseUntil(req.until, ctx.clock.now()).toISOString() : null
  const drafts: EventDraft<'freeze.enabled'>[] = req.envs.map((env) => ({
    type: 'freeze.enabled',
    actor: ctx.actor,
    reason: req.reason!.trim(),
    payload: { env, until },
  }))
  const events = await ctx.journal.append(drafts)
  return events.map((e, i) => ({ env: req.envs[i]!, changed: true, seq: e.seq }))
}

export async function disableFreeze(
  ctx: CommandContext,
  req: { envs: string[]; reason: string | undefined },
): Promise<FreezeChange[]> {
  enforce(combine(humanGate(ctx.actor, 'Unfreezing'), reasonGate(req.reason, 'Unfreezing')), 'Unfreeze')
  return withRetry(async () => {
    const state = await settleExpiredFreezes(ctx)
    const now = ctx.clock.now()
    const frozen = req.envs.filter((env) => manualFreezeActive(state, env, now))
    const events = await ctx.journal.append(
      frozen.map((env) => ({
        type: 'freeze.disabled' as const,
        actor: ctx.actor,
        reason: req.reason!.trim(),
        payload: { env },
      })),
      { expectedSeq: state.seq },
    )
    return req.envs.map((env) => {
      const i = frozen.indexOf(env)
      return { env, changed: i >= 0, seq: i >= 0 ? events[i]!.seq : null }
    })
  })
}

/**
 * Appends freeze.expired (by the system) for every timed freeze past its end; returns the state after. `read` is
 * a state the caller just read (nothing appended since), used instead of reading it again.
 */
export async function settleExpiredFreezes(
  ctx: CommandContext,
  actor: Actor = systemActor(),
  read?: State,
): Promise<State> {
  let known = read
  return withRetry(async () => {
    const state = known ?? (await ctx.journal.state())
    known = undefined
    const now = ctx.clock.now()
    const expired = Object.values(state.freezes).filter(
      (f) => f.until !== null && Date.parse(f.until) <= now.getTime(),
    )
    if (expired.length === 0) return state
    await ctx.journal.append(
      expired.map((f) => ({
        type: 'freeze.expired' as const,
        actor,
        reason: `timed freeze ended at ${f.until}`,
        payload: { env: f.env, until: f.until! },
      })),
      { expectedSeq: state.seq },
    )
    return ctx.journal.state()
  })
}

export interface FreezeStatus {
  env: string
  frozen: boolean
  manual: FreezeState | null
  activeWindows: WindowSpan[]
  nextWindow: WindowSpan | null
  lastUnfreeze: LastUnfreeze | null
}

/** Freeze status of `envs`, after settling expired freezes; `read` as for settleExpiredFreezes. */
export async function freezeStatus(
  ctx: CommandContext,
  envs: string[],
  read?: State,
): Promise<FreezeStatus[]> {
  const state = await settleExpiredFreezes(ctx, systemActor(), read)
  const now = ctx.clock.now()
  return envs.map((env) => {
    const windows = windowsFor(env, ctx.config.freeze.windows)
    const activeWindows = windows.map((w) => activeSpan(w, now)).filter((s): s is WindowSpan => s !== null)
    const upcoming = windows
      .map((w) => nextSpan(w, now))
      .filter((s): s is WindowSpan => s !== null)
      .sort((a, b) => a.start.getTime() - b.start.getTime())
    const manual = manualFreezeActive(state, env, now)
    return {
      env,
      frozen: manual !== null || activeWindows.length > 0,
      manual,
      activeWindows,
      nextWindow: upcoming[0] ?? null,
      lastUnfreeze: state.lastUnfreeze[env] ?? null,
    }
  })
}
