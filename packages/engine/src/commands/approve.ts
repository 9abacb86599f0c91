/** @module `rina approve RELEASE --env ENV --reason`: a human records an approval, within the policy. */
import type { JournalEvent } from '../domain/events.ts'
import { approverGate } from '../gates/approval.ts'
import { combine } from '../gates/decision.ts'
import { reasonGate } from '../gates/reason.ts'
import type { CommandContext } from './context.ts'
import { approvalPolicy, environmentConfig } from './environment.ts'
import { enforce } from './gate.ts'
import { withRetry } from './retry.ts'

export async function approve(
  ctx: CommandContext,
  req: { release: string; env: string; reason: string | undefined },
): Promise<JournalEvent<'approval.granted'>> {
  environmentConfig(ctx.config, req.env)
  return withRetry(async () => {
    const state = await ctx.journal.state()
    enforce(
      combine(
        reasonGate(req.reason, 'Approving'),
        approverGate(
          state,
          { release: req.release, env: req.env },
          ctx.actor,
          approvalPolicy(ctx.config, req.env),
        ),
      ),
      `Approval of ${req.release}`,
    )
    return ctx.journal.appendOne(
      {
        type: 'approval.granted',
        actor: ctx.actor,
        reason: req.reason!.trim(),
        payload: { release: req.release, env: req.env },
      },
      { expectedSeq: state.seq },
    )
  })
}
