/**
 * @module The commands each unfinished run has started and not seen complete: a `deploy.command_started` whose step
 * has no `deploy.step_completed` yet. What recovery looks for when a run's process died mid-step.
 */
import type { JournalEvent, ProcessGroupRef } from '../domain/events.ts'

export interface OpenCommand {
  stepId: string
  service: string
  group: ProcessGroupRef
}

const ENDS = new Set(['deploy.succeeded', 'deploy.failed', 'deploy.interrupted'])

/** Open commands per run id; runs that have ended, or have none open, are absent. */
export function openCommands(events: Iterable<JournalEvent>): Record<string, OpenCommand[]> {
  const open: Record<string, OpenCommand[]> = {}
  for (const e of events) {
    if (e.type === 'deploy.command_started') {
      const p = e.payload as JournalEvent<'deploy.command_started'>['payload']
      const list = (open[p.runId] ??= [])
      list.push({ stepId: p.stepId, service: p.service, group: p.group })
    } else if (e.type === 'deploy.step_completed') {
      const p = e.payload as JournalEvent<'deploy.step_completed'>['payload']
      const left = open[p.runId]?.filter((c) => c.stepId !== p.stepId)
      if (left?.length) open[p.runId] = left
      else delete open[p.runId]
    } else if (ENDS.has(e.type)) {
      delete open[(e.payload as { runId: string }).runId]
    }
  }
  return open
}
