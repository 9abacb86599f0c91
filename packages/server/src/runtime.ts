/**
 * @module Long-running workers inside `rina serve`, as hooks started with the server and stopped with it. The
 * outbox delivery is the first; agents (health, logs, deployment, incident, communication) join this list.
 */
import type { AgentRuntime, CommandContext, EventBus } from '@rinawarp/engine'
import { createAgentRuntime, deliverNotifications, standardAgents, systemActor } from '@rinawarp/engine'

export interface RuntimeEnv {
  /** A context acting as the system (or the hook's own agent actor). */
  ctx: CommandContext
  bus: EventBus
  signal: AbortSignal
  onError(err: unknown): void
}

export interface RuntimeHook {
  readonly name: string
  /** Starts the worker; returns once it runs (not when it ends). */
  start(env: RuntimeEnv): void | Promise<void>
  /** Stops it and waits for work in progress. */
  stop?(): Promise<void>
}

/** Delivers queued notifications when one is requested and on a timer (for retries and other processes). */
export function outboxDelivery(opts: { everyMs?: number } = {}): RuntimeHook {
  let timer: ReturnType<typeof setInterval> | null = null
  let running: Promise<void> | null = null
  let again = false
  let off: (() => void) | null = null
  return {
    name: 'outbox',
    start({ ctx, bus, signal, onError }) {
      const system = { ...ctx, actor: systemActor('outbox') }
      const kick = (): void => {
        if (running) {
          again = true
          return
        }
        running = (async () => {
          do {
            again = false
            await deliverNotifications(system, { waitMs: 0, signal }).catch(onError)
          } while (again && !signal.aborted)
        })().finally(() => (running = null))
      }
      off = bus.subscribe({ types: ['notification.requested', 'notification.requeued'] }, kick)
      timer = setInterval(kick, opts.everyMs ?? 5_000)
      timer.unref()
      kick()
    },
    async stop() {
      off?.()
      if (timer) clearInterval(timer)
      await running
    },
  }
}

// agents
/**
 * The monitoring agents (health, logs, deployment, incident, communication) on the bus, ticking every second.
 * The outbox hook delivers what the communication agent requests, so the agent only requests.
 */
export function agents(opts: { tickMs?: number } = {}): RuntimeHook {
  let runtime: AgentRuntime | null = null
  return {
    name: 'agents',
    start({ ctx, bus, onError }) {
      runtime = createAgentRuntime({
        ctx,
        agents: standardAgents({ communication: { deliver: false } }).all,
        subscribe: (handler) => bus.subscribe(null, handler),
        clock: ctx.clock,
        tickMs: opts.tickMs ?? 1_000,
        log: (line) => onError(line),
      })
      runtime.start()
    },
    async stop() {
      await runtime?.stop()
    },
  }
}
// end agents
