/**
 * @module Follows one deploy or rollback on the event stream up to its end, reporting each step as a line a
 * person reads. Pure over the client: the caller decides how lines are shown.
 */
import type { ApiClient } from './client.ts'
import { readSse } from './sse.ts'
import type { ApiProblem, JournalEvent, StartedRun } from './types.ts'

export type RunEnd =
  | { ok: true; status: 'succeeded' | 'failed' | 'interrupted'; event: JournalEvent; events: JournalEvent[] }
  | { ok: false; problem: ApiProblem; events: JournalEvent[] }

const ENDS: Record<string, 'succeeded' | 'failed' | 'interrupted'> = {
  'deploy.succeeded': 'succeeded',
  'deploy.failed': 'failed',
  'deploy.interrupted': 'interrupted',
}

/** A progress line for an event of the run, or null for events not worth a line. */
export function describeRunEvent(e: JournalEvent): string | null {
  const p = e.payload
  switch (e.type) {
    case 'deploy.started':
      return `started ${String(p.kind)} of ${String(p.release)} to ${String(p.env)}`
    case 'deploy.step_completed':
      return `${String(p.service)}: ${String(p.action)} ${p.ok ? 'done' : `failed (${String(p.reason)})`}`
    case 'health.gate_completed':
      return `health ${String(p.phase)} ${p.passed ? 'passed' : 'failed'}`
    case 'deploy.succeeded':
      return `${String(p.release)} is live on ${String(p.env)}`
    case 'deploy.failed':
      return `failed: ${String(p.reason)}`
    case 'rollback.prepared':
      return 'rollback prepared'
    default:
      return null
  }
}

export async function followRun(
  client: ApiClient,
  run: StartedRun,
  onLine: (line: string) => void,
  signal: AbortSignal,
): Promise<RunEnd> {
  const events: JournalEvent[] = []
  const res = await client.stream(run.links.events, signal)
  if (!res.ok) return { ok: false, problem: res.problem, events }
  for await (const frame of readSse(res.value)) {
    if (frame.event !== 'journal') continue
    const e = JSON.parse(frame.data) as JournalEvent
    events.push(e)
    const line = describeRunEvent(e)
    if (line) onLine(line)
    const status = ENDS[e.type]
    if (status) {
      void res.value.body?.cancel().catch(() => {})
      return { ok: true, status, event: e, events }
    }
  }
  return {
    ok: false,
    events,
    problem: {
      status: 0,
      code: 'NETWORK',
      message: `the event stream of ${run.runId} ended before the run did`,
      hint: `see ${run.links.run}`,
      details: null,
    },
  }
}
