/**
 * @module The deploy provider conformance suite every provider runs, with real processes and directories: the
 * plan is pure, deterministic data carrying the release; a deploy puts the release in place and `current` says so;
 * a rollback goes back; a failing step is an outcome with a reason, never a throw; aborting stops a running step;
 * command output reaches the run log; configured secrets stay out of plan descriptions.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type {
  DeployPlan,
  DeployProvider,
  PlanStep,
  ProviderRequest,
  RunContext,
  StepOutcome,
} from '../providers/types.ts'

/**
 * How the subject's deploy behaves. `working`: succeeds and prints `deploying <release>` on stdout. `failing`:
 * prints `boom` on stderr and exits with 3. `hanging`: prints `waiting` on stdout, then sleeps far longer than
 * any case runs.
 */
export type ProviderMode = 'working' | 'failing' | 'hanging'

export interface ProviderSubject {
  provider: DeployProvider
  /** Two releases the subject has built and can deploy, oldest first. */
  releases: readonly [string, string]
  /** Configured values (e.g. in `env`) that must never appear in a plan's descriptions. */
  secrets: readonly string[]
  /** What the target runs, observed from outside the provider (a file the script wrote, the symlink). */
  deployed(): Promise<string | null>
  close(): Promise<void>
}

export interface ProviderSuiteOptions {
  name: string
  create(mode: ProviderMode): Promise<ProviderSubject>
  /** Cases this provider does not run, by title, each with its reason; `'*'` skips the whole suite. */
  skip?: Readonly<Record<string, string>>
}

export interface LoggedLine {
  line: string
  stream: 'stdout' | 'stderr'
}

/** A run context over the real process environment, collecting the log; `onLine` sees each line as it comes. */
export function providerContext(
  opts: { signal?: AbortSignal; onLine?: (l: LoggedLine) => void } = {},
): RunContext & { lines: LoggedLine[] } {
  const lines: LoggedLine[] = []
  return {
    signal: opts.signal ?? new AbortController().signal,
    log: (line, stream) => {
      lines.push({ line, stream })
      opts.onLine?.({ line, stream })
    },
    now: () => new Date(),
    env: process.env,
    lines,
  }
}

/** Runs a plan's steps in order, stopping at the first failure; a throw fails the calling test. */
export async function runPlan(
  provider: DeployProvider,
  plan: DeployPlan,
  ctx: RunContext,
): Promise<StepOutcome[]> {
  const outcomes: StepOutcome[] = []
  for (const step of plan.steps) {
    const outcome = await safeRun(provider, step, ctx)
    outcomes.push(outcome)
    if (!outcome.ok) break
  }
  return outcomes
}

async function safeRun(provider: DeployProvider, step: PlanStep, ctx: RunContext): Promise<StepOutcome> {
  try {
    return await provider.runStep(step, ctx)
  } catch (e) {
    throw new assert.AssertionError({
      message: `runStep threw instead of returning an outcome: ${String(e)}`,
    })
  }
}

const request = (kind: 'deploy' | 'rollback', release: string, previous: string | null): ProviderRequest =>
  deepFreeze({ kind, env: 'staging', service: 'api', release, previous })

const deepFreeze = <T>(v: T): T => {
  if (v && typeof v === 'object') {
    for (const x of Object.values(v)) deepFreeze(x)
    Object.freeze(v)
  }
  return v
}

const failures = (outcomes: StepOutcome[]) => outcomes.filter((o) => !o.ok)

async function deploy(s: ProviderSubject, release: string, previous: string | null, ctx = providerContext()) {
  const outcomes = await runPlan(s.provider, s.provider.plan(request('deploy', release, previous)), ctx)
  assert.deepEqual(failures(outcomes), [], `deploying ${release} fails`)
  return ctx
}

export function runProviderConformance(opts: ProviderSuiteOptions): void {
  const skip = opts.skip ?? {}
  const test = (title: string, mode: ProviderMode, body: (s: ProviderSubject) => Promise<void>) =>
    it(title, { skip: skip[title] ?? false }, async () => {
      const subject = await opts.create(mode)
      try {
        await body(subject)
      } finally {
        await subject.close()
      }
    })

  describe(`provider conformance: ${opts.name}`, { skip: skip['*'] ?? false }, () => {
    test('plans the same plain data twice without acting when planning', 'working', async (s) => {
      const [a, b] = s.releases
      for (const req of [request('deploy', b, a), request('rollback', a, b), request('deploy', a, null)]) {
        const plan = s.provider.plan(req)
        assert.deepEqual(s.provider.plan(req), plan)
        assert.deepEqual(JSON.parse(JSON.stringify(plan)), plan, 'a plan must be plain JSON data')
        assert.equal(plan.provider, s.provider.type)
        assert.ok(plan.steps.length > 0, 'a plan has steps')
        assert.equal(new Set(plan.steps.map((x) => x.id)).size, plan.steps.length, 'step ids are unique')
      }
      assert.equal(await s.deployed(), null, 'planning deployed nothing')
    })

    test('carries the release in every step when planning', 'working', async (s) => {
      const [a, b] = s.releases
      for (const req of [request('deploy', b, a), request('rollback', a, b)]) {
        for (const step of s.provider.plan(req).steps) {
          const carried = JSON.stringify([step.env ?? {}, step.data ?? {}])
          assert.ok(carried.includes(JSON.stringify(req.release)), `step ${step.id} carries ${req.release}`)
        }
      }
    })

    test('keeps configured secrets out of plan descriptions', 'working', async (s) => {
      const [a, b] = s.releases
      for (const req of [request('deploy', b, a), request('rollback', a, b)]) {
        for (const step of s.provider.plan(req).steps)
          for (const secret of s.secrets)
            assert.ok(!step.description.includes(secret), `step ${step.id} shows a configured secret`)
      }
    })

    test('deploys the release when every step succeeds', 'working', async (s) => {
      await deploy(s, s.releases[0], null)
      assert.equal(await s.deployed(), s.releases[0])
    })

    test('reports the deployed release as current after a deploy', 'working', async (s) => {
      assert.equal(await s.provider.current('staging', 'api', providerContext()), null, 'nothing before')
      await deploy(s, s.releases[0], null)
      assert.equal(await s.provider.current('staging', 'api', providerContext()), s.releases[0])
    })

    test('goes back to the earlier release when rolling back', 'working', async (s) => {
      const [a, b] = s.releases
      await deploy(s, a, null)
      await deploy(s, b, a)
      assert.equal(await s.deployed(), b)
      const outcomes = await runPlan(
        s.provider,
        s.provider.plan(request('rollback', a, b)),
        providerContext(),
      )
      assert.deepEqual(failures(outcomes), [])
      assert.equal(await s.deployed(), a)
      const current = await s.provider.current('staging', 'api', providerContext())
      assert.ok(current === null || current === a, 'current, when known, is the earlier release')
    })

    test('streams command output lines to the run log when deploying', 'working', async (s) => {
      const ctx = await deploy(s, s.releases[0], null)
      assert.ok(
        ctx.lines.some((l) => l.stream === 'stdout' && l.line === `deploying ${s.releases[0]}`),
        `the log has "deploying ${s.releases[0]}": ${JSON.stringify(ctx.lines)}`,
      )
    })

    test('returns a failure with an actionable reason when a step fails', 'failing', async (s) => {
      const ctx = providerContext()
      const outcomes = await runPlan(s.provider, s.provider.plan(request('deploy', s.releases[0], null)), ctx)
      const failed = failures(outcomes)
      assert.equal(failed.length, 1, 'the run stops at the failing step')
      const f = failed[0]!
      assert.ok(!f.ok)
      assert.equal(f.exitCode, 3)
      assert.match(f.reason, /exited with 3 after \d+\.\ds: boom$/)
      assert.ok(ctx.lines.some((l) => l.stream === 'stderr' && l.line === 'boom'))
    })

    test('returns a failure rather than throwing when given a step it cannot run', 'working', async (s) => {
      const outcome = await safeRun(
        s.provider,
        { id: 'api:bogus', service: 'api', action: 'bogus', description: 'not a real step', data: {} },
        providerContext(),
      )
      assert.equal(outcome.ok, false)
      assert.ok(!outcome.ok && outcome.reason.length > 0, 'a failure says what happened')
    })

    test('stops the running step when the signal aborts', 'hanging', async (s) => {
      const abort = new AbortController()
      const ctx = providerContext({
        signal: abort.signal,
        onLine: (l) => (l.line === 'waiting' ? abort.abort() : undefined),
      })
      const outcomes = await runPlan(s.provider, s.provider.plan(request('deploy', s.releases[0], null)), ctx)
      const last = outcomes.at(-1)!
      assert.equal(last.ok, false, 'the aborted step fails')
      assert.match(last.ok ? '' : last.reason, /cancelled/)
      assert.ok(abort.signal.aborted, 'the step was still running when aborted')
    })
  })
}
