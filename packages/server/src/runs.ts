/**
 * @module Runs started over the API: the deploy or rollback command runs in the background and the request is
 * answered 202 as soon as the run has started (its `deploy.started` event is journaled), or with the error when a
 * gate refused it first. The run's id is the first `run` id the command draws from the context's id source.
 */
import type { CommandContext, EventBus, IdSource, JournalEvent } from '@rinawarp/engine'

export interface StartedRun {
  runId: string
  /** Sequence of the deploy.started event: follow with GET /api/v1/events?runId=…&since=<seq - 1>. */
  seq: number
}

export type RunCommand = (ctx: CommandContext, signal: AbortSignal) => Promise<unknown>

export class RunTracker {
  private readonly bus: EventBus
  private readonly onError: (err: unknown) => void
  private readonly active = new Map<string, { done: Promise<void>; abort: AbortController }>()

  constructor(bus: EventBus, onError: (err: unknown) => void = () => {}) {
    this.bus = bus
    this.onError = onError
  }

  get running(): number {
    return this.active.size
  }

  async start(ctx: CommandContext, command: RunCommand): Promise<StartedRun> {
    let runId: string | null = null
    const ids: IdSource = {
      next: (prefix) => {
        const id = ctx.ids.next(prefix)
        if (prefix === 'run' && runId === null) runId = id
        return id
      },
    }
    let onStarted: (e: JournalEvent) => void = () => {}
    const started = new Promise<JournalEvent>((resolve) => (onStarted = resolve))
    const off = this.bus.subscribe({ types: ['deploy.started'] }, (e) => {
      if ((e.payload as { runId: string }).runId === runId) onStarted(e)
    })
    const abort = new AbortController()
    const done = command({ ...ctx, ids }, abort.signal)
    try {
      const first = await Promise.race([started, done.then(() => null)])
      if (first === null) {
        // Finished without starting a run (cannot happen for deploy and rollback, which start or throw).
        throw new Error('the command finished without starting a run')
      }
      const settled = done.then(
        () => {},
        (err: unknown) => this.onError(err),
      )
      this.active.set(runId!, { done: settled, abort })
      void settled.finally(() => this.active.delete(runId!))
      return { runId: runId!, seq: first.seq }
    } finally {
      off()
    }
  }

  /** Stops every run still going (each journals its failure) and waits for them to settle. */
  async stopAll(): Promise<void> {
    const all = [...this.active.values()]
    for (const r of all) r.abort.abort()
    await Promise.all(all.map((r) => r.done))
  }
}
