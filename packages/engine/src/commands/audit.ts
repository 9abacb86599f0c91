/** @module Audit commands: log, verify (with an optional anchor), anchor and export as JSON lines. */
import type { JournalEvent } from '../domain/events.ts'
import type { EventFilter } from '../journal/journal.ts'
import type { VerifyReport } from '../journal/verify.ts'
import { verifyJournal } from '../journal/verify.ts'
import type { CommandContext } from './context.ts'

export async function auditLog(ctx: CommandContext, filter: EventFilter): Promise<JournalEvent[]> {
  return ctx.journal.query(filter)
}

export async function auditVerify(
  ctx: CommandContext,
  opts: { anchor?: string | undefined },
): Promise<VerifyReport> {
  return verifyJournal(ctx.store.journal, {
    ...(opts.anchor ? { anchor: opts.anchor } : {}),
    onProgress: (n) => ctx.progress?.(`verified ${n.toLocaleString('en-US')} events`),
  })
}

export async function auditAnchor(
  ctx: CommandContext,
): Promise<{ seq: number; hash: string; time: string | null }> {
  const head = await ctx.store.journal.head()
  const [last] = head.seq ? await ctx.store.journal.read({ fromSeq: head.seq, limit: 1 }) : []
  return { seq: head.seq, hash: head.hash, time: last?.time ?? null }
}

/** Writes every event as one JSON line (stored fields, so an export can be verified elsewhere). */
export async function auditExport(
  ctx: CommandContext,
  write: (line: string) => void | Promise<void>,
): Promise<number> {
  let n = 0
  for await (const batch of ctx.store.journal.scan(1)) {
    for (const e of batch) {
      await write(JSON.stringify(e))
      n++
    }
  }
  return n
}
