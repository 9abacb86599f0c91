/**
 * @module Notification commands: request (journal, then the durable outbox), deliver (the dispatcher's stages,
 * journaling each delivery and dead letter), status, and re-queueing of dead letters.
 */
import { systemActor } from '../domain/actor.ts'
import type { NotifySeverity } from '../domain/severity.ts'
import { RinaError } from '../errors.ts'
import { DEFAULT_POLICY, policyFromConfig } from '../notifiers/backoff.ts'
import type { DrainResult } from '../notifiers/dispatcher.ts'
import { createDispatcher } from '../notifiers/dispatcher.ts'
import { decodeOutboxBody, enqueueNotification, idempotencyKeyFor } from '../notifiers/outbox-body.ts'
import { createChannels } from '../notifiers/registry.ts'
import { channelSecrets } from '../notifiers/secrets.ts'
import type { Notification, NotifierDeps } from '../notifiers/types.ts'
import type { OutboxItem } from '../store/types.ts'
import type { CommandContext } from './context.ts'
import { formatActor } from '../domain/actor.ts'

export interface NotifyRequest {
  text: string
  title?: string | undefined
  channels?: string[] | undefined
  severity: NotifySeverity
  env?: string | undefined
  facts?: Notification['facts']
  nextAction?: string | null
  url?: string | null
  /** The event that caused it (routed notifications); null for a person's `rina notify`. */
  sourceSeq?: number | null
  /** The communication agent's group it is sent for (routed notifications). */
  group?: string | undefined
}

const outboxActor = systemActor('outbox')

export async function requestNotification(
  ctx: CommandContext,
  req: NotifyRequest,
): Promise<{ notification: Notification; channels: string[] }> {
  const configured = Object.keys(ctx.config.notifications.channels)
  const channels = [...new Set(req.channels?.length ? req.channels : ctx.config.notifications.default)]
  if (channels.length === 0) {
    throw new RinaError({
      code: 'USAGE',
      message: 'no channel given and notifications.default is empty',
      hint: configured.length
        ? `pass --channel (configured: ${configured.join(', ')}) or set notifications.default in rina.yml`
        : 'add a channel under notifications.channels in rina.yml (a console channel needs no secrets)',
    })
  }
  const unknown = channels.filter((c) => !configured.includes(c))
  if (unknown.length) {
    throw new RinaError({
      code: 'NOT_FOUND',
      message: `unknown channel${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
      hint: configured.length
        ? `configured channels: ${configured.join(', ')}`
        : 'add channels under notifications.channels in rina.yml',
    })
  }
  if (req.env !== undefined && !(req.env in ctx.config.environments)) {
    throw new RinaError({
      code: 'NOT_FOUND',
      message: `no environment named "${req.env}"`,
      hint: `environments: ${Object.keys(ctx.config.environments).join(', ')}`,
    })
  }
  const text = req.text.trim()
  if (!text)
    throw new RinaError({
      code: 'USAGE',
      message: 'the message is empty',
      hint: 'say what happened: rina notify "…"',
    })
  const notification: Notification = {
    id: ctx.ids.next('ntf'),
    title: (req.title ?? text.split('\n')[0]!).slice(0, 150),
    text,
    severity: req.severity,
    env: req.env ?? null,
    facts: req.facts ?? [],
    nextAction: req.nextAction ?? null,
    url: req.url ?? null,
    time: ctx.clock.now().toISOString(),
    actor: formatActor(ctx.actor),
  }
  // Journal first: a crash before the outbox write is healed by reconcile(), never lost.
  await ctx.journal.append(
    channels.map((channel) => ({
      type: 'notification.requested' as const,
      actor: ctx.actor,
      reason: null,
      payload: {
        notificationId: notification.id,
        channel,
        severity: notification.severity,
        title: notification.title,
        text: notification.text,
        env: notification.env,
        idempotencyKey: idempotencyKeyFor(notification.id, channel),
        sourceSeq: req.sourceSeq ?? null,
        ...(req.group !== undefined ? { group: req.group } : {}),
        facts: notification.facts,
        nextAction: notification.nextAction,
        url: notification.url,
      },
    })),
  )
  await enqueueNotification(ctx.store.outbox, notification, channels, ctx.clock.now())
  return { notification, channels }
}

/**
 * Brings the outbox and the journal in line after a crash: requested-but-not-enqueued items are enqueued again,
 * and outbox outcomes that never reached the journal are journaled.
 */
export async function reconcileOutbox(ctx: CommandContext): Promise<number> {
  const [state, events] = [
    await ctx.journal.state(),
    await ctx.journal.query({ types: ['notification.requested'] }),
  ]
  let fixed = 0
  for (const e of events) {
    const p = e.payload as { notificationId: string; channel: string; idempotencyKey: string }
    const n = state.notifications[`${p.notificationId}:${p.channel}`]
    if (!n || n.status !== 'requested') continue
    const item = await ctx.store.outbox.get(p.idempotencyKey)
    if (!item) {
      const q = e.payload as unknown as Notification & { notificationId: string }
      await enqueueNotification(
        ctx.store.outbox,
        {
          ...q,
          id: p.notificationId,
          time: e.time,
          actor: formatActor(e.actor),
          facts: q.facts ?? [],
          nextAction: q.nextAction ?? null,
          url: q.url ?? null,
        },
        [p.channel],
        ctx.clock.now(),
      )
      fixed++
    } else if (item.status !== 'pending') {
      await journalOutcome(ctx, item)
      fixed++
    }
  }
  return fixed
}

async function journalOutcome(ctx: CommandContext, item: OutboxItem): Promise<void> {
  const env = decodeOutboxBody(item.body)
  const notificationId = env.ok ? env.value.notification.id : item.id.split(':')[0]!
  if (item.status === 'delivered') {
    await ctx.journal.append([
      {
        type: 'notification.delivered',
        actor: outboxActor,
        reason: null,
        payload: { notificationId, channel: item.channel, attempts: item.attempts },
      },
    ])
  } else if (item.status === 'dead') {
    await ctx.journal.append([
      {
        type: 'notification.dead_lettered',
        actor: outboxActor,
        reason: item.lastError,
        payload: {
          notificationId,
          channel: item.channel,
          attempts: item.attempts,
          lastError: item.lastError ?? 'unknown',
        },
      },
    ])
  }
}

export interface DeliverOptions {
  /** Keep retrying for this long before leaving the rest to the outbox (ms). */
  waitMs: number
  signal?: AbortSignal
  random?: () => number
  deps?: NotifierDeps
}

export async function deliverNotifications(ctx: CommandContext, opts: DeliverOptions): Promise<DrainResult> {
  await reconcileOutbox(ctx)
  const dispatcher = createDispatcher({
    outbox: ctx.store.outbox,
    channels: createChannels(ctx.config.notifications.channels, opts.deps ?? {}),
    policy: policyFromConfig(ctx.config.notifications.delivery, { timeoutMs: DEFAULT_POLICY.timeoutMs }),
    clock: ctx.clock,
    random: opts.random ?? Math.random,
    secrets: [...ctx.secrets, ...Object.values(ctx.config.notifications.channels).flatMap(channelSecrets)],
    hooks: {
      onDelivered: (item) => journalOutcome(ctx, item),
      onDeadLettered: (item) => journalOutcome(ctx, item),
      onRetry: (item, error) =>
        ctx.progress?.(`${item.channel}: attempt ${item.attempts} failed (${error}); retrying`),
      onLeaseLost: (item) =>
        ctx.progress?.(`${item.channel}: ${item.id} was taken over by another dispatcher; its result stands`),
    },
  })
  return dispatcher.drain({
    until: ctx.clock.now().getTime() + opts.waitMs,
    ...(opts.signal ? { signal: opts.signal } : {}),
  })
}

export async function notificationStatus(ctx: CommandContext, limit: number) {
  const [pending, dead, delivered] = await Promise.all([
    ctx.store.outbox.list({ status: 'pending' }),
    ctx.store.outbox.list({ status: 'dead' }),
    ctx.store.outbox.list({ status: 'delivered', limit }),
  ])
  return { pending, dead, delivered }
}

export async function requeueDeadLetters(
  ctx: CommandContext,
  ids: readonly string[] | null,
): Promise<string[]> {
  const moved = await ctx.store.outbox.requeueDead(ids, ctx.clock.now().getTime())
  if (ids) {
    const missing = ids.filter((id) => !moved.includes(id))
    if (missing.length) {
      throw new RinaError({
        code: 'NOT_FOUND',
        message: `not dead-lettered: ${missing.join(', ')}`,
        hint: 'see `rina notify status` for dead letters',
      })
    }
  }
  await ctx.journal.append(
    moved.map((id) => {
      const [notificationId, channel] = [id.slice(0, id.lastIndexOf(':')), id.slice(id.lastIndexOf(':') + 1)]
      return {
        type: 'notification.requeued' as const,
        actor: ctx.actor,
        reason: 'dead letter re-queued',
        payload: { notificationId, channel },
      }
    }),
  )
  return moved
}
