/**
 * @module The preflight step at the start of a deploy to the first environment: analyse the change, journal the
 * result on the release, and stop a no-go unless a person accepted the risk with a reason.
 */
import type { CommandContext } from './context.ts'
import { deployPreflight } from './preflight.ts'

export async function runPreflightStep(
  ctx: CommandContext,
  req: { release: string; env: string; acceptRisk?: string | undefined },
): Promise<void> {
  ctx.progress?.('preflight: analysing the change')
  await deployPreflight(ctx, req)
}
