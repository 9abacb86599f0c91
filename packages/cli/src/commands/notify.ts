/** @module rina notify [send] MESSAGE | status | retry | flush */
import type { DrainResult, NotifySeverity, OutboxItem } from '@rinawarp/engine'
import {
  deliverNotifications,
  notificationStatus,
  parseDuration,
  requestNotification,
  requeueDeadLetters,
  RinaError,
} from '@rinawarp/engine'
import type { CliContext } from '../context.ts'
import { withContext } from '../context.ts'
import { EXIT } from '../exit-codes.ts'
import type { Run } from '../io.ts'
import { table } from '../output.ts'
import { positiveInt } from './audit.ts'

interface SendOpts {
  channel?: string[]
  severity: NotifySeverity
  title?: string
  env?: string
  wait: string
}

export async function send(
  run: Run,
  message: string,
  channel: string | undefined,
  opts: SendOpts,
): Promise<number> {
  const waitMs = waitOf(opts.wait)
  return withContext(run, async (ctx) => {
    const { notification, channels } = await requestNotification(ctx, {
      text: message,
      title: opts.title,
      channels: [...(opts.channel ?? []), ...(channel ? [channel] : [])],
      severity: opts.severity,
      env: opts.env,
    })
    const result = await deliver(run, ctx, waitMs)
    run.out.result({ notificationId: notification.id, channels, delivery: result })
    return summarize(run, result)
  })
}

export async function flush(run: Run, opts: { wait: string }): Promise<number> {
  const waitMs = waitOf(opts.wait)
  return withContext(run, async (ctx) => {
    const result = await deliver(run, ctx, waitMs)
    run.out.result({ delivery: result })
    return summarize(run, result)
  })
}

export async function retry(run: Run, ids: string[], opts: { wait: string }): Promise<number> {
  const waitMs = waitOf(opts.wait)
  return withContext(run, async (ctx) => {
    const moved = await requeueDeadLetters(ctx, ids.length ? ids : null)
    if (moved.length === 0) {
      run.out.result({ requeued: [], delivery: null })
      run.out.line('no dead letters to retry')
      return EXIT.ok
    }
    run.out.line(`re-queued ${moved.length}: ${moved.join(', ')}`)
    const result = await deliver(run, ctx, waitMs)
    run.out.result({ requeued: moved, delivery: result })
    return summarize(run, result)
  })
}

export async function status(run: Run, opts: { limit: string }): Promise<void> {
  const limit = positiveInt(opts.limit, '--limit')
  await withContext(run, async (ctx) => {
    const s = await notificationStatus(ctx, limit)
    run.out.result(s)
    const rows = [...s.dead, ...s.pending, ...s.delivered].map((i) => row(i, ctx.clock.now().getTime()))
    run.out.line(
      `${s.pending.length} pending, ${s.dead.length} dead-lettered, showing ${Math.min(limit, s.delivered.length)} recent deliveries`,
    )
    if (rows.length) run.out.line(table([['ID', 'STATUS', 'ATTEMPTS', 'NEXT / LAST', 'ERROR'], ...rows]))
    if (s.dead.length) run.out.line('\nre-queue dead letters with: rina notify retry [ID ...]')
  })
}

function row(i: OutboxItem, now: number): string[] {
  const when =
    i.status === 'pending'
      ? i.nextAttemptAt <= now
        ? 'due now'
        : `next ${new Date(i.nextAttemptAt).toISOString()}`
      : new Date(i.updatedAt).toISOString()
  return [i.id, i.status, String(i.attempts), when, i.lastError ?? '']
}

async function deliver(run: Run, ctx: CliContext, waitMs: number): Promise<DrainResult> {
  return run.out.progress('delivering', (update) =>
    deliverNotifications(
      { ...ctx, progress: update },
      { waitMs, deps: { env: run.io.env, write: (t) => run.io.stderr.write(t) } },
    ),
  )
}

function summarize(run: Run, r: DrainResult): number {
  const parts = [`${r.delivered} delivered`]
  if (r.pending) parts.push(`${r.pending} still pending (the outbox keeps retrying: rina notify flush)`)
  if (r.dead) parts.push(`${r.dead} dead-lettered (see rina notify status)`)
  run.out.line(parts.join(', '))
  return r.dead > 0 ? EXIT.failure : EXIT.ok
}

function waitOf(text: string): number {
  const ms = parseDuration(text)
  if (ms === null)
    throw new RinaError({
      code: 'USAGE',
      message: `--wait "${text}" is not a duration`,
      hint: 'use e.g. 20s or 2m',
    })
  return ms
}
