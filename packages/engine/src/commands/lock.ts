/**
 * @module The environment lock: at most one deploy per environment across processes and instances. The holder
 * names run, host and pid, so a lock left by a killed process on this host is found and released at once; a lock
 * from elsewhere expires after its TTL, since the holder renews it while it runs. Recovery of such a run first
 * stops the command it left running (its journaled process group), so nothing changes the environment afterwards.
 */
import { hostname } from 'node:os'
import { systemActor } from '../domain/actor.ts'
import type { OrphanCommand } from '../domain/events.ts'
import type { RunState, State } from '../domain/state.ts'
import { RinaError } from '../errors.ts'
import type { OpenCommand } from '../journal/open-commands.ts'
import { openCommands } from '../journal/open-commands.ts'
import { DEFAULT_KILL_GRACE_MS } from '../providers/command-step.ts'
import { stopRecordedGroup } from '../providers/group-identity.ts'
import type { LockInfo } from '../store/types.ts'
import type { CommandContext } from './context.ts'

export const LOCK_TTL_MS = 30_000

export interface HeldLock {
  holder: string
  release(): Promise<void>
}

export const holderFor = (runId: string) => `${runId}@${hostname()}:${process.pid}`

/** Is the process named in a holder string certainly gone? (Only decidable for this host.) */
export function holderIsDead(holder: string): boolean {
  const m = /@(.+):(\d+)$/.exec(holder)
  if (!m || m[1] !== hostname()) return false
  try {
    process.kill(Number(m[2]), 0)
    return false
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

export async function acquireEnvLock(ctx: CommandContext, env: string, runId: string): Promise<HeldLock> {
  const holder = holderFor(runId)
  const locks = ctx.store.locks
  let got = await locks.acquire(env, holder, LOCK_TTL_MS, ctx.clock.now().getTime())
  if (!got.ok && holderIsDead(got.held.holder)) {
    await locks.release(env, got.held.holder)
    got = await locks.acquire(env, holder, LOCK_TTL_MS, ctx.clock.now().getTime())
  }
  if (!got.ok) {
    const runOf = got.held.holder.split('@')[0]
    throw new RinaError({
      code: 'LOCK_HELD',
      message: `another deploy is running in ${env} (${got.held.holder}, since ${new Date(got.held.acquiredAt).toISOString()})`,
      hint: `wait for run ${runOf} to finish; a lock whose process died frees itself within ${LOCK_TTL_MS / 1000}s`,
    })
  }
  const timer = setInterval(() => {
    void locks.acquire(env, holder, LOCK_TTL_MS, ctx.clock.now().getTime()).catch(() => {})
  }, LOCK_TTL_MS / 3)
  timer.unref()
  return {
    holder,
    release: async () => {
      clearInterval(timer)
      await locks.release(env, holder)
    },
  }
}

/**
 * Finds runs left "running" by a process that is gone (lock expired, taken over, or its pid dead on this host),
 * stops the commands they left running on this host, releases their lock and journals them as interrupted, with
 * what they had done and what became of their commands. Returns the run ids settled. `opts.state` is a state the
 * caller just read (nothing appended since), used instead of reading it again.
 */
export async function recoverInterruptedRuns(
  ctx: CommandContext,
  env?: string,
  opts: { killGraceMs?: number; state?: State } = {},
): Promise<string[]> {
  const state = opts.state ?? (await ctx.journal.state())
  const now = ctx.clock.now().getTime()
  const gone: { run: RunState; lock: LockInfo | null }[] = []
  for (const run of Object.values(state.runs)) {
    if (run.status !== 'running' || (env !== undefined && run.env !== env)) continue
    const lock = await ctx.store.locks.inspect(run.env, now)
    const alive = lock !== null && lock.holder === run.holder && !holderIsDead(run.holder)
    if (!alive) gone.push({ run, lock })
  }
  if (gone.length === 0) return []
  // Only a run to settle needs the events themselves: the commands it left open.
  const open = openCommands(await ctx.journal.query({ types: ['deploy.*'] }))
  const settled: string[] = []
  for (const { run, lock } of gone) {
    const commands = await stopOrphans(open[run.id] ?? [], opts.killGraceMs ?? DEFAULT_KILL_GRACE_MS)
    if (lock && lock.holder === run.holder) await ctx.store.locks.release(run.env, run.holder)
    await ctx.journal.append([
      {
        type: 'deploy.interrupted',
        actor: systemActor(),
        reason: `run ${run.id} stopped mid-way (its process is gone); completed: ${run.completedSteps.join(', ') || 'nothing'}${describeOrphans(commands)}`,
        payload: {
          runId: run.id,
          env: run.env,
          release: run.release,
          completedSteps: run.completedSteps,
          holder: run.holder,
          commands,
        },
      },
    ])
    settled.push(run.id)
  }
  return settled
}

/** Stops, all at once, the commands still running of an interrupted run; says what became of each. */
async function stopOrphans(open: readonly OpenCommand[], graceMs: number): Promise<OrphanCommand[]> {
  return Promise.all(
    open.map(async (c) => ({
      stepId: c.stepId,
      service: c.service,
      host: c.group.host,
      pgid: c.group.pgid,
      outcome: await stopRecordedGroup(c.group, graceMs),
    })),
  )
}

const ORPHAN_TEXT: Record<OrphanCommand['outcome'], string> = {
  stopped: 'was still running and was stopped',
  killed: 'was still running and was killed (it ignored SIGTERM)',
  survived: 'is still running: it survived SIGKILL',
  exited: 'had already ended',
  elsewhere: 'ran on another host and was left to it',
  unverifiable: 'could not be identified safely and was left alone',
}

function describeOrphans(commands: readonly OrphanCommand[]): string {
  return commands
    .map((c) => `; command of ${c.stepId} (process group ${c.pgid} on ${c.host}) ${ORPHAN_TEXT[c.outcome]}`)
    .join('')
}
