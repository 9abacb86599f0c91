/**
 * @module The communication agent: routes each appended event by `notifications.routes` (event patterns,
 * environments, minimum severity), groups it by route, environment and event family, and sends each group's
 * notice when its timers say so (group wait, group interval, repeat of open incidents). Notices go through
 * `requestNotification` (journal, then the durable outbox) and, unless the server's outbox worker does it,
 * `deliverNotifications`. Its state is a projection of the journal (projection.ts), folded on start, so a
 * restart keeps each group's intervals and the repeats of open incidents.
 */
import type { CommandContext } from '../../commands/context.ts'
import { deliverNotifications, requestNotification } from '../../commands/notify.ts'
import type { NotifierDeps } from '../../notifiers/types.ts'
import { agentSettings } from '../config.ts'
import type { Agent } from '../types.ts'
import { decide, idle, markSent, type Group } from './groups.ts'
import { buildMessage } from './message.ts'
import { applyEvent, projectCommunication, type CommunicationState, type FoldContext } from './projection.ts'
import { eventSeverity, eventEnv } from './routing.ts'

export interface CommunicationAgentOptions {
  /** Deliver right after requesting (default true); false when another worker drains the outbox. */
  deliver?: boolean
  deps?: NotifierDeps
  random?: () => number
}

export interface CommunicationAgent extends Agent {
  groups(): readonly Group[]
}

const foldContext = (ctx: CommandContext): FoldContext => ({
  routes: ctx.config.notifications.routes,
  environments: Object.keys(ctx.config.environments),
  timers: agentSettings(ctx.config).communication,
})

export function createCommunicationAgent(opts: CommunicationAgentOptions = {}): CommunicationAgent {
  let state: CommunicationState | null = null
  let loading: Promise<CommunicationState> | null = null

  /** The state, folded from the journal on first use: a restart goes on from what the last run sent. */
  const load = (ctx: CommandContext): Promise<CommunicationState> =>
    (loading ??= ctx.journal.all().then(
      (events) => (state = projectCommunication(events, foldContext(ctx), ctx.clock.now().getTime())),
      (err: unknown) => {
        loading = null
        throw err
      },
    ))

  const flush = async (s: CommunicationState, ctx: CommandContext) => {
    const now = ctx.clock.now().getTime()
    const timers = agentSettings(ctx.config).communication
    const envs = Object.keys(ctx.config.environments)
    const last = envs[envs.length - 1]
    let sent = 0
    for (const key of [...s.groups.keys()]) {
      // Read again each time: another hook may have sent this group while a request was being journaled.
      const g = s.groups.get(key)
      if (!g) continue
      const d = decide(g, now, timers)
      if (d) {
        const route = ctx.config.notifications.routes[g.route]
        if (!route) {
          s.groups.delete(key)
          continue
        }
        const request = buildMessage(g, d, {
          channels: route.channels,
          severityOf: (e) => eventSeverity(e, eventEnv(e) === last),
          nextEnv: (env) => envs[envs.indexOf(env) + 1] ?? null,
        })
        // Marked sent first: a send that fails is journaled by the runtime, not retried in a loop.
        s.groups.set(key, markSent(g, d, now))
        await requestNotification(ctx, { ...request, group: key })
        sent++
      } else if (idle(g, now, timers)) s.groups.delete(key)
    }
    if (sent && opts.deliver !== false) {
      await deliverNotifications(ctx, {
        waitMs: 0,
        ...(opts.deps ? { deps: opts.deps } : {}),
        ...(opts.random ? { random: opts.random } : {}),
      })
    }
  }

  return {
    name: 'communication',
    async onEvent(e, ctx) {
      const s = await load(ctx)
      applyEvent(s, e, foldContext(ctx), ctx.clock.now().getTime())
      await flush(s, ctx)
    },
    async onTick(_now, ctx) {
      await flush(await load(ctx), ctx)
    },
    groups: () => [...(state?.groups.values() ?? [])],
  }
}
