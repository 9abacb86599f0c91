/**
 * @module The service health agent: runs every configured probe on its interval (jittered, at most N at once),
 * records each result in the probe history, keeps 1-minute rollups and prunes past retention, and journals
 * `health.changed` only when a probe's damped health flips. It observes; it never acts on what it sees.
 */
import type { CommandContext } from '../../commands/context.ts'
import { probeContextOf } from '../../commands/probe-context.ts'
import type { ProbeConfig } from '../../config/schema.ts'
import type { ProbeSampleRecord } from '../../store/types.ts'
import { parseDuration } from '../../domain/duration.ts'
import type { JournalEvent } from '../../domain/events.ts'
import { probeFor as registryProbeFor } from '../../probes/registry.ts'
import { runProbe } from '../../probes/run.ts'
import type { Probe } from '../../probes/types.ts'
import { agentSettings } from '../config.ts'
import type { Agent } from '../types.ts'
import { dampen, initialDamped, type DampedState } from './damping.ts'
import { prune, rollUp } from './history.ts'
import { MINUTE_MS, minuteOf } from './rollup.ts'
import { DueQueue } from './due-queue.ts'
import { effectiveInterval, firstDue, nextDue } from './schedule.ts'

export interface HealthAgentOptions {
  /** A number in [0, 1) for the jitter of first runs. Default Math.random. */
  random?: () => number
  /** Where each config's probe comes from. Default: the registry. */
  probeFor?: (config: ProbeConfig) => Probe
  /** Told when each check starts, with the time it was due (for scheduling-lag measurements). */
  onStart?(key: string, dueMs: number, startedMs: number): void
}

export interface ProbeHealth {
  env: string
  service: string
  probe: string
  healthy: boolean
}

export interface HealthAgent extends Agent {
  /** Resolves once no probe is running. */
  settled(): Promise<void>
  health(): ProbeHealth[]
}

interface Target {
  key: string
  env: string
  service: string
  config: ProbeConfig
  intervalMs: number
  due: number
  damped: DampedState
}

const keyOf = (env: string, service: string, probe: string) => `${env}/${service}/${probe}`
const PRUNE_EVERY_MS = 10 * MINUTE_MS
/** Results are written in batches of up to this many, at least this often. */
const WRITE_BATCH = 500
const WRITE_EVERY_MS = 100

export function createHealthAgent(opts: HealthAgentOptions = {}): HealthAgent {
  const random = opts.random ?? Math.random
  const lookup = opts.probeFor ?? registryProbeFor
  const stop = new AbortController()
  const running = new Map<string, Promise<void>>()
  const releases = new Map<string, string | null>()
  const failures: unknown[] = []
  let targets: Map<string, Target> | null = null
  const queue = new DueQueue()
  let timer: ReturnType<typeof setTimeout> | null = null
  let timerAt = Infinity
  /** Results not yet written: one transaction per batch rather than per check. */
  const unwritten: ProbeSampleRecord[] = []
  let writing: Promise<void> = Promise.resolve()
  let writeTimer: ReturnType<typeof setTimeout> | null = null
  let store: CommandContext['store'] | null = null
  let rolledUntil = 0
  let nextPrune = 0

  async function init(now: number, ctx: CommandContext): Promise<Map<string, Target>> {
    const s = agentSettings(ctx.config).health
    const state = await ctx.journal.state()
    const last = new Map<string, boolean>()
    for (const e of await ctx.journal.query({ types: ['health.changed'] })) {
      const p = (e as JournalEvent<'health.changed'>).payload
      last.set(keyOf(p.env, p.service, p.probe), p.healthy)
    }
    const out = new Map<string, Target>()
    for (const [env, environment] of Object.entries(ctx.config.environments)) {
      releases.set(env, state.environments[env]?.current ?? null)
      for (const [service, svc] of Object.entries(environment.services)) {
        for (const config of svc.probes) {
          const key = keyOf(env, service, config.name)
          const intervalMs = effectiveInterval(parseDuration(config.interval), s.minIntervalMs)
          const due = firstDue(now, intervalMs, random())
          out.set(key, { key, env, service, config, intervalMs, due, damped: initialDamped(last.get(key)) })
          queue.push({ key, due })
        }
      }
    }
    const latest = await ctx.store.probes.latestRollup()
    // Samples older than their retention are gone (pruned while running), so there is nothing before to roll up.
    const oldest = minuteOf(now - s.retention.samplesMs)
    rolledUntil = latest === null ? minuteOf(now) - MINUTE_MS : Math.max(oldest, latest + MINUTE_MS)
    return out
  }

  async function check(t: Target, ctx: CommandContext): Promise<void> {
    const s = agentSettings(ctx.config).health
    const result = await runProbe(t.service, t.config, lookup(t.config), {
      ...probeContextOf(ctx, releases.get(t.env) ?? null),
      signal: stop.signal,
    })
    if (stop.signal.aborted) return
    const at = Date.parse(result.at)
    unwritten.push({
      env: t.env,
      service: t.service,
      probe: t.config.name,
      at,
      ok: result.ok,
      latencyMs: result.latencyMs,
    })
    if (unwritten.length >= WRITE_BATCH) void write()
    else writeTimer ??= setTimeout(() => void write(), WRITE_EVERY_MS)
    const { state, flipped } = dampen(t.damped, result.ok, s)
    t.damped = state
    if (!flipped) return
    await ctx.journal.append([
      {
        type: 'health.changed',
        actor: ctx.actor,
        reason: null,
        payload: {
          env: t.env,
          service: t.service,
          probe: t.config.name,
          healthy: state.healthy,
          after: state.healthy ? s.recoverAfter : s.failAfter,
          detail: result.detail,
        },
      },
    ])
  }

  async function upkeep(now: number, ctx: CommandContext): Promise<void> {
    await write()
    const envs = Object.keys(ctx.config.environments)
    // A minute is rolled up once it ended a minute ago, so checks started in it have been recorded.
    const { retention } = agentSettings(ctx.config).health
    rolledUntil = await rollUp(ctx.store.probes, envs, rolledUntil, now - MINUTE_MS)
    if (now >= nextPrune) {
      await prune(ctx.store.probes, now, retention)
      nextPrune = now + PRUNE_EVERY_MS
    }
  }

  /** Writes the results gathered so far (in order, one batch at a time). */
  function write(): Promise<void> {
    if (writeTimer) clearTimeout(writeTimer)
    writeTimer = null
    const batch = unwritten.splice(0)
    if (batch.length && store) {
      const to = store
      writing = writing.then(() => to.probes.record(batch)).catch((err: unknown) => void failures.push(err))
    }
    return writing
  }

  /**
   * Starts every due probe a free slot allows, the longest overdue first; runs again whenever a check ends and,
   * by a timer, when the next probe falls due, so probes start on time rather than on the runtime's tick.
   */
  function pump(ctx: CommandContext): void {
    if (stop.signal.aborted || targets === null) return
    const now = ctx.clock.now().getTime()
    const concurrency = agentSettings(ctx.config).health.concurrency
    for (let top = queue.peek(); top && top.due <= now && running.size < concurrency; top = queue.peek()) {
      queue.pop()
      const t = targets.get(top.key)!
      t.due = nextDue(t.due, t.intervalMs, now)
      queue.push({ key: t.key, due: t.due })
      // A check still running when its next turn comes skips that turn.
      if (running.has(t.key)) continue
      opts.onStart?.(t.key, top.due, now)
      const run = check(t, ctx)
        .catch((err: unknown) => void failures.push(err))
        .finally(() => {
          running.delete(t.key)
          pump(ctx)
        })
      running.set(t.key, run)
    }
    const next = queue.peek()?.due
    if (next === undefined || running.size >= concurrency || next >= timerAt) return
    if (timer) clearTimeout(timer)
    timerAt = next
    timer = setTimeout(
      () => {
        timer = null
        timerAt = Infinity
        pump(ctx)
      },
      Math.max(0, next - now),
    )
    timer.unref?.()
  }

  const settled = async () => {
    while (running.size) await Promise.all(running.values())
    await write()
  }

  return {
    name: 'health',
    async onEvent(e) {
      if (e.type === 'deploy.succeeded') {
        const p = (e as JournalEvent<'deploy.succeeded'>).payload
        releases.set(p.env, p.release)
      }
    },
    async onTick(date, ctx) {
      const now = date.getTime()
      store ??= ctx.store
      targets ??= await init(now, ctx)
      if (failures.length) {
        const [first] = failures.splice(0)
        throw first
      }
      pump(ctx)
      await upkeep(now, ctx)
    },
    async onStop() {
      stop.abort()
      if (timer) clearTimeout(timer)
      await settled()
    },
    settled,
    health() {
      return [...(targets?.values() ?? [])].map((t) => ({
        env: t.env,
        service: t.service,
        probe: t.config.name,
        healthy: t.damped.healthy,
      }))
    },
  }
}
