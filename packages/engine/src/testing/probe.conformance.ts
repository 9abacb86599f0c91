/**
 * @module The probe conformance suite every probe runs against a real local target (HTTP server, TCP listener,
 * file, process, TLS server) that can be put up, down or hanging: passes when healthy; observes ok:false, never
 * a throw, when down; gives up at the timeout when the target hangs; stops when ctx.signal aborts; records
 * latency, start time and attempts. Each skip states its reason.
 */
import assert from 'node:assert/strict'
import { tmpdir } from 'node:os'
import { describe, it } from 'node:test'
import type { ProbeConfig } from '../config/schema.ts'
import { probeFor } from '../probes/registry.ts'
import { runProbe } from '../probes/run.ts'
import type { Observation, Probe, ProbeContext } from '../probes/types.ts'
import type { TargetMode } from './switchable-server.ts'

export type { TargetMode } from './switchable-server.ts'

export interface ProbeTarget {
  /** The probe's config aimed at this target, defaults applied; read again after each `set` (it may change). */
  config: ProbeConfig
  /** Context fields the target needs: configDir, release, now, heartbeat. */
  context?: Partial<Omit<ProbeContext, 'signal'>>
  /** up: healthy; down: unhealthy or not there; hang: accepts and never answers. */
  set(mode: TargetMode): Promise<void>
  close(): Promise<void>
}

export interface ProbeSuiteOptions {
  name: string
  /** Starts a real target, up. */
  createTarget(): Promise<ProbeTarget>
  /** The probe under test (default: the registry's probe for the config's type). */
  probe?: Probe
  /** Cases this probe does not run, by title, each with its reason; `'*'` skips the whole suite. */
  skip?: Readonly<Record<string, string>>
}

export const SUITE_NOW = new Date('2026-01-05T10:00:00.000Z')
/** A guard so a probe that ignores its signal fails its case instead of stalling the run. */
const GUARD_MS = 20_000

export function probeContext(over: Partial<ProbeContext> = {}): ProbeContext {
  return {
    signal: new AbortController().signal,
    now: () => SUITE_NOW,
    configDir: tmpdir(),
    release: null,
    ...over,
  }
}

/** Observes and checks the result is an observation: a throw fails the case. */
export async function safeObserve(
  probe: Probe,
  config: ProbeConfig,
  ctx: ProbeContext,
): Promise<Observation> {
  let seen: Observation
  try {
    seen = await probe.observe(config, ctx)
  } catch (e) {
    throw new assert.AssertionError({
      message: `observe threw instead of returning an observation: ${String(e)}`,
    })
  }
  assertObservation(seen)
  return seen
}

export function assertObservation(seen: Observation): void {
  assert.equal(typeof seen.ok, 'boolean')
  assert.ok(
    Number.isFinite(seen.latencyMs) && seen.latencyMs >= 0,
    `latency recorded (got ${seen.latencyMs})`,
  )
  assert.ok(typeof seen.detail === 'string' && seen.detail.length > 0, 'the detail says what was seen')
  if (seen.values !== undefined) assert.deepEqual(JSON.parse(JSON.stringify(seen.values)), seen.values)
}

export function runProbeConformance(opts: ProbeSuiteOptions): void {
  const skip = opts.skip ?? {}
  const test = (title: string, body: (t: ProbeTarget, probe: Probe) => Promise<void>) =>
    it(title, { skip: skip[title] ?? false, timeout: GUARD_MS }, async () => {
      const target = await opts.createTarget()
      try {
        await body(target, opts.probe ?? probeFor(target.config))
      } finally {
        await target.close()
      }
    })
  const ctxFor = (t: ProbeTarget, over: Partial<ProbeContext> = {}) => probeContext({ ...t.context, ...over })

  describe(`probe conformance: ${opts.name}`, { skip: skip['*'] ?? false }, () => {
    test('is the registered probe when looked up by its config type', async (t) => {
      assert.equal(probeFor(t.config).type, t.config.type)
    })

    test('passes with latency, start time and one attempt when the target is healthy', async (t, probe) => {
      const ctx = ctxFor(t)
      const r = await runProbe('api', t.config, probe, ctx)
      assert.equal(r.ok, true, `expected a pass, got: ${r.detail}`)
      assertObservation(r)
      assert.deepEqual(
        [r.service, r.probe, r.type, r.at, r.attempts],
        ['api', t.config.name, t.config.type, ctx.now().toISOString(), 1],
      )
    })

    test('observes ok:false, not a throw, when the target is down', async (t, probe) => {
      await t.set('down')
      const seen = await safeObserve(probe, t.config, ctxFor(t))
      assert.equal(seen.ok, false)
    })

    test('passes again when the target comes back up', async (t, probe) => {
      await t.set('down')
      assert.equal((await safeObserve(probe, t.config, ctxFor(t))).ok, false)
      await t.set('up')
      const seen = await safeObserve(probe, t.config, ctxFor(t))
      assert.equal(seen.ok, true, `expected a pass, got: ${seen.detail}`)
    })

    test('counts every attempt when the target stays down through the retries', async (t, probe) => {
      await t.set('down')
      const r = await runProbe('api', { ...t.config, retries: 2 }, probe, ctxFor(t))
      assert.deepEqual([r.ok, r.attempts], [false, 3])
    })

    test('gives up at the timeout when the target hangs', async (t, probe) => {
      await t.set('hang')
      const r = await runProbe('api', { ...t.config, timeout: '300ms', retries: 0 }, probe, ctxFor(t))
      assert.deepEqual([r.ok, r.detail, r.attempts], [false, 'timed out after 300ms', 1])
      assertObservation(r)
    })

    test('stops when ctx.signal aborts while the target hangs', async (t, probe) => {
      await t.set('hang')
      const abort = new AbortController()
      const pending = safeObserve(probe, { ...t.config, timeout: '1h' }, ctxFor(t, { signal: abort.signal }))
      setTimeout(() => abort.abort(), 100)
      const seen = await pending
      assert.deepEqual([seen.ok, seen.detail], [false, 'aborted'])
    })

    test('observes ok:false at once when ctx.signal is already aborted', async (t, probe) => {
      const seen = await safeObserve(probe, t.config, ctxFor(t, { signal: AbortSignal.abort() }))
      assert.deepEqual([seen.ok, seen.detail], [false, 'aborted'])
    })

    test('makes no further attempt when ctx.signal is aborted', async (t, probe) => {
      const r = await runProbe(
        'api',
        { ...t.config, retries: 3 },
        probe,
        ctxFor(t, { signal: AbortSignal.abort() }),
      )
      assert.deepEqual([r.ok, r.detail, r.attempts], [false, 'aborted', 1])
    })
  })
}
