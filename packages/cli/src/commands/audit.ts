/** @module rina audit log|verify|anchor|export */
import {
  auditAnchor,
  auditExport,
  auditLog,
  auditVerify,
  formatActor,
  parseDuration,
  RinaError,
} from '@rinawarp/engine'
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { withContext } from '../context.ts'
import { EXIT } from '../exit-codes.ts'
import type { Run } from '../io.ts'
import { table } from '../output.ts'

export async function log(
  run: Run,
  opts: { since?: string; type?: string[]; actor?: string; limit?: string },
): Promise<void> {
  await withContext(run, async (ctx) => {
    const events = await auditLog(ctx, {
      ...(opts.since ? { since: parseSince(opts.since, ctx.clock.now()) } : {}),
      ...(opts.type ? { types: opts.type } : {}),
      ...(opts.actor ? { actor: opts.actor } : {}),
      ...(opts.limit ? { limit: positiveInt(opts.limit, '--limit') } : {}),
    })
    run.out.result({ events })
    if (events.length === 0) return run.out.line('no events match')
    run.out.line(
      table([
        ['SEQ', 'TIME', 'TYPE', 'ACTOR', 'REASON'],
        ...events.map((e) => [String(e.seq), e.time, e.type, formatActor(e.actor), e.reason ?? '']),
      ]),
    )
  })
}

export async function verify(run: Run, opts: { anchor?: string }): Promise<number> {
  return withContext(run, async (ctx) => {
    const report = await run.out.progress('verifying the audit trail', (update) =>
      auditVerify({ ...ctx, progress: update }, { anchor: opts.anchor }),
    )
    run.out.result(report)
    if (report.ok) {
      const anchored = report.anchor ? `, anchor found at event ${report.anchor.seq}` : ''
      run.out.line(
        `${run.out.paint('green', 'intact')}: ${report.verified} events verified, head ${report.head.seq} ${report.head.hash}${anchored}`,
      )
      return EXIT.ok
    }
    const b = report.break!
    run.out.line(
      `${run.out.paint('red', 'TAMPERED')}: first bad event is ${b.seq} (${b.problem}): ${b.detail}`,
    )
    run.out.line(`${report.verified} events before it are intact.`)
    return EXIT.failure
  })
}

export async function anchor(run: Run): Promise<void> {
  await withContext(run, async (ctx) => {
    const a = await auditAnchor(ctx)
    run.out.result(a)
    run.out.line(a.hash)
  })
}

export async function exportJsonl(run: Run, opts: { output?: string }): Promise<void> {
  await withContext(run, async (ctx) => {
    const stream = opts.output ? createWriteStream(opts.output) : run.io.stdout
    const n = await auditExport(ctx, async (line) => {
      if (!stream.write(`${line}\n`)) await once(stream, 'drain')
    })
    if (opts.output) {
      ;(stream as NodeJS.WritableStream).end()
      await once(stream, 'finish')
      run.out.warn(`wrote ${n} events to ${opts.output}`)
    }
  })
}

function parseSince(text: string, now: Date): Date {
  const ms = parseDuration(text)
  const at = ms !== null ? new Date(now.getTime() - ms) : new Date(text)
  if (Number.isNaN(at.getTime())) {
    throw new RinaError({
      code: 'USAGE',
      message: `--since "${text}" is neither a duration nor a time`,
      hint: 'use e.g. 24h or 2026-11-01T00:00:00Z',
    })
  }
  return at
}

export function positiveInt(text: string, flag: string): number {
  const n = Number(text)
  if (!Number.isInteger(n) || n <= 0)
    throw new RinaError({ code: 'USAGE', message: `${flag} must be a positive whole number, not "${text}"` })
  return n
}
