/**
 * @module `rina incident resolve ID --reason`: a person's decision with a reason. The postmortem draft (timeline,
 * impact, root cause, actions) is written to `.rina/postmortems/<id>.md` beside rina.yml, then the resolution is
 * journaled with its path; the guided recovery starts from there.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { postmortemMarkdown } from '../analysis/incident/postmortem.ts'
import type { RecoveryPath } from '../analysis/incident/recovery.ts'
import type { JournalEvent } from '../domain/events.ts'
import { redactText } from '../domain/redact.ts'
import type { IncidentState } from '../domain/state.ts'
import { combine } from '../gates/decision.ts'
import { humanGate } from '../gates/human.ts'
import { reasonGate } from '../gates/reason.ts'
import type { CommandContext } from './context.ts'
import { enforce } from './gate.ts'
import { unresolvedGate } from './incident-actions.ts'
import { envContext, readJournal } from './incident-context.ts'
import { eventsFor, findIncident, viewOf } from './incident-view.ts'
import { withRetry } from './retry.ts'

export interface Resolution {
  incidentId: string
  seq: number
  /** Absolute path of the postmortem draft. */
  postmortem: string
  /** As journaled: relative to the directory of rina.yml. */
  postmortemPath: string
  recovery: RecoveryPath
}

export const postmortemPathOf = (id: string): string =>
  `.rina/postmortems/${id.replace(/[^A-Za-z0-9_.-]/g, '-')}.md`

async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const tmp = `${path}.${process.pid}.tmp`
  await writeFile(tmp, text)
  await rename(tmp, path)
}

export async function resolveIncident(
  ctx: CommandContext,
  ref: string,
  req: { reason: string | undefined },
): Promise<Resolution> {
  enforce(
    combine(humanGate(ctx.actor, 'Resolving an incident'), reasonGate(req.reason, 'Resolving an incident')),
    'Resolve',
  )
  const reason = req.reason!.trim()
  return withRetry(async () => {
    const read = await readJournal(ctx)
    const open = findIncident(read.state, ref)
    enforce(unresolvedGate(open, 'Resolving'), 'Resolve')
    const now = ctx.clock.now()
    const postmortemPath = postmortemPathOf(open.id)
    const payload = { incidentId: open.id, env: open.env, postmortemPath }
    const resolved: IncidentState = {
      ...open,
      status: 'resolved',
      resolvedAt: now.toISOString(),
      resolvedBy: ctx.actor,
      resolution: reason,
      postmortemPath,
    }
    // The resolution as it is about to be journaled, so the draft's timeline ends with it.
    const resolution: JournalEvent<'incident.resolved'> = {
      type: 'incident.resolved',
      actor: ctx.actor,
      reason,
      payload,
      seq: read.state.seq + 1,
      id: '',
      time: now.toISOString(),
      prevHash: '',
      hash: '',
    }
    const view = viewOf(ctx, read, resolved, now)
    const markdown = postmortemMarkdown(
      view,
      [...eventsFor(open, read.events), resolution],
      envContext(ctx, read, open.env, now),
    )
    const postmortem = join(ctx.configDir, postmortemPath)
    await writeAtomically(postmortem, redactText(markdown, ctx.secrets))
    const e = await ctx.journal.appendOne(
      { type: 'incident.resolved', actor: ctx.actor, reason, payload },
      { expectedSeq: read.state.seq },
    )
    return { incidentId: open.id, seq: e.seq, postmortem, postmortemPath, recovery: view.recovery }
  })
}
