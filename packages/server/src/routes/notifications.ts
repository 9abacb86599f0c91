/**
 * @module Notification routes: request one (journal, then the durable outbox; delivery is the server's outbox
 * runtime), the outbox status, and re-queueing dead letters.
 */
import { notificationStatus, requestNotification, requeueDeadLetters } from '@rinawarp/engine'
import { z } from 'zod'
import { route } from '../route.ts'
import { envName } from '../schemas/common.ts'

const outboxItem = z.strictObject({
  id: z.string(),
  channel: z.string(),
  idempotencyKey: z.string(),
  body: z.string().describe('The notification as JSON'),
  status: z.enum(['pending', 'delivered', 'dead']),
  attempts: z.number().int(),
  nextAttemptAt: z.number(),
  leaseUntil: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
})

export const notificationRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/notifications',
    role: 'viewer',
    tag: 'notifications',
    summary: 'Outbox: pending, delivered (newest) and dead-lettered messages',
    query: z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(20) }),
    response: z.strictObject({
      pending: z.array(outboxItem),
      dead: z.array(outboxItem),
      delivered: z.array(outboxItem),
    }),
    handle: async ({ query }, { ctx }) => notificationStatus(ctx, query.limit),
  }),
  route({
    method: 'POST',
    path: '/api/v1/notifications',
    role: 'deployer',
    tag: 'notifications',
    summary: 'Send a notification to channels; answers 202 once it is journaled and queued',
    body: z.strictObject({
      text: z.string().trim().min(1, 'say what happened').max(10_000),
      title: z.string().max(150).optional(),
      channels: z.array(z.string().min(1)).optional().describe('Default: notifications.default'),
      severity: z.enum(['info', 'warning', 'critical']).default('info'),
      env: envName.optional(),
    }),
    status: 202,
    response: z.strictObject({ notificationId: z.string(), channels: z.array(z.string()) }),
    handle: async ({ body }, { ctx }) => {
      const { notification, channels } = await requestNotification(ctx, body)
      return { notificationId: notification.id, channels }
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/notifications/retry',
    role: 'deployer',
    tag: 'notifications',
    summary: 'Re-queue dead-lettered messages (all, or the given outbox ids)',
    body: z.strictObject({ ids: z.array(z.string().min(1)).min(1).optional() }),
    response: z.strictObject({ requeued: z.array(z.string()) }),
    handle: async ({ body }, { ctx }) => ({ requeued: await requeueDeadLetters(ctx, body.ids ?? null) }),
  }),
]
