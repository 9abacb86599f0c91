/**
 * @module The communication agent: routes each appended event by `notifications.routes` (event patterns,
 * environments, minimum severity), groups it by route, environment and event family, and sends each group's
 * notice when its timers say so (group wait, group interval, repeat of open incidents). Notices go through
 * `requestNotification` (journal, then the durable outbox) and, unless the server's outbox worker does it,
 * `deliverNotifications`.
 */
import type { CommandContext } from '../../commands/context.ts'
import { deliverNotifications, requestNotification } from '../../commands/notify.ts'
import type { JournalEvent } from '../../domain/events.ts'
import type { NotifierDeps } from '../../notifiers/types.ts'
import { agentSettings } from '../config.ts'
import type { Agent } from '../types.ts'
import { addEvent, decide, groupKey, idle, markSent, type Group } from './groups.ts'
import { buildMessage } from './message.ts'
import { eventSeverity, eventEnv, familyOf, matchRoutes } from './routing.ts'

export interface CommunicationAgentOptions {
  /** Deliver right after requesting (default true); false when another worker drains the outbox. */
  deliver?: boolean
  deps?: NotifierDeps
  random?: () => number
}

export interface CommunicationAgent extends Agent {
  groups(): readonly Group[]
}

/** Fields later incident events lack but a notice about them shows; kept from the events before. */
const REMEMBERED = ['title', 'severity', 'services', 'release', 'plan', 'type']

export function createCommunicationAgent(opts: CommunicationAgentOptions = {}): CommunicationAgent {
  const groups = new Map<string, Group>()
  const incidents = new Map<string, Record<string, unknown>>()

  /** An incident event with what earlier events said about its incident filled in (a copy; the journal is as is). */
  const enrich = (e: JournalEvent): JournalEvent => {
    const p = e.payload as { incidentId?: unknown }
    if (!e.type.startsWith('incident.') || typeof p.incidentId !== 'string') return e
    const merged = { ...incidents.get(p.incidentId), ...(e.payload as Record<string, unknown>) }
    if (e.type === 'incident.resolved') incidents.delete(p.incidentId)
    else
      incidents.set(
        p.incidentId,
        Object.fromEntries(REMEMBERED.filter((k) => k in merged).map((k) => [k, merged[k]])),
      )
    return { ...e, payload: merged as unknown as JournalEvent['payload'] }
  }

  const flush = async (ctx: CommandContext) => {
    const now = ctx.clock.now().getTime()
    const timers = agentSettings(ctx.config).communication
    const envs = Object.keys(ctx.config.environments)
    const last = envs[envs.length - 1]
    let sent = 0
    for (const g of [...groups.values()]) {
      const d = decide(g, now, timers)
      if (d) {
        const route = ctx.config.notifications.routes[g.route]
        if (!route) {
          groups.delete(g.key)
          continue
        }
        const request = buildMessage(g, d, {
          channels: route.channels,
          severityOf: (e) => eventSeverity(e, eventEnv(e) === last),
          nextEnv: (env) => envs[envs.indexOf(env) + 1] ?? null,
        })
        // Marked sent first: a send that fails is journaled by the runtime, not retried in a loop.
        groups.set(g.key, markSent(g, d, now))
        await requestNotification(ctx, request)
        sent++
      } else if (idle(g, now, timers)) groups.delete(g.key)
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
    async onEvent(raw, ctx) {
      const e = enrich(raw)
      const matches = matchRoutes(ctx.config.notifications.routes, e, Object.keys(ctx.config.environments))
      if (matches.length === 0) return
      const now = ctx.clock.now().getTime()
      const family = familyOf(e.type)
      for (const m of matches) {
        const key = groupKey(m.route, m.env, family)
        groups.set(key, addEvent(groups.get(key), { route: m.route, env: m.env, family }, e, now))
      }
      await flush(ctx)
    },
    async onTick(_now, ctx) {
      await flush(ctx)
    },
    groups: () => [...groups.values()],
  }
}
