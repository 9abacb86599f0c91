/**
 * @module Verifies the whole chain: any edited, deleted, inserted or reordered event breaks it; an anchor (the
 * newest hash recorded elsewhere earlier) also catches truncation of the tail.
 */
import type { JournalStore } from '../store/types.ts'
import type { ChainBreak, Head, RangeVerdict } from './chain.ts'
import { ChainVerifier, EMPTY_HEAD, verdictOf } from './chain.ts'

export interface VerifyReport {
  ok: boolean
  verified: number
  head: Head
  break: ChainBreak | null
  anchor: { hash: string; seq: number | null } | null
}

export async function verifyJournal(
  store: JournalStore,
  opts: { anchor?: string; onProgress?: (verified: number) => void } = {},
): Promise<VerifyReport> {
  const anchor = opts.anchor?.includes(':') ? opts.anchor.split(':').pop()! : (opts.anchor ?? null)
  const verdict = store.verifyChain
    ? await store.verifyChain({ anchor, ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) })
    : await verifyByScan(store, anchor, opts.onProgress)
  let brk = verdict.firstBreak
  if (!brk && anchor !== null && verdict.anchorSeq === null) {
    brk = {
      seq: verdict.head.seq + 1,
      problem: 'anchor-missing',
      detail: `the anchored event is gone: the journal ends at ${verdict.head.seq}, so events after it were removed or rewritten`,
    }
  }
  return {
    ok: brk === null,
    verified: verdict.verified,
    head: verdict.head.seq === 0 ? EMPTY_HEAD : verdict.head,
    break: brk,
    anchor: anchor === null ? null : { hash: anchor, seq: verdict.anchorSeq },
  }
}

async function verifyByScan(
  store: JournalStore,
  anchor: string | null,
  onProgress?: (n: number) => void,
): Promise<RangeVerdict> {
  const v = new ChainVerifier(EMPTY_HEAD, anchor)
  const head = await store.head()
  outer: for await (const batch of store.scan(1, 20_000)) {
    for (const e of batch) if (!v.push(e)) break outer
    onProgress?.(v.verified)
  }
  return verdictOf(v, 1, head.seq)
}
