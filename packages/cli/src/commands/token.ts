/** @module rina token create|list|revoke — API tokens for `rina serve` (the secret is printed once). */
import { createToken, listTokens, revokeToken } from '@rinawarp/engine'
import { withContext } from '../context.ts'
import type { Run } from '../io.ts'
import { table } from '../output.ts'

export async function create(run: Run, opts: { user: string; role: string }): Promise<void> {
  await withContext(run, async (ctx) => {
    const { secret, token } = await createToken(ctx, { user: opts.user, role: opts.role })
    run.out.result({ secret, token })
    run.out.line(`token ${token.id} for ${token.user} (${token.role}):`)
    run.out.line()
    run.out.line(`  ${run.out.paint('bold', secret)}`)
    run.out.line()
    run.out.line(
      run.out.paint('dim', 'Shown once: only its SHA-256 is stored. Send it as Authorization: Bearer …'),
    )
  })
}

export async function list(run: Run): Promise<void> {
  await withContext(run, async (ctx) => {
    const tokens = await listTokens(ctx)
    run.out.result({ tokens })
    if (tokens.length === 0)
      return run.out.line('no API tokens yet: rina token create --user NAME --role ROLE')
    run.out.line(
      table([
        ['ID', 'USER', 'ROLE', 'CREATED', 'BY', 'STATE'],
        ...tokens.map((t) => [
          t.id,
          t.user,
          t.role,
          t.createdAt,
          t.createdBy,
          t.revokedAt ? run.out.paint('dim', `revoked ${t.revokedAt}`) : run.out.paint('green', 'active'),
        ]),
      ]),
    )
  })
}

export async function revoke(run: Run, id: string): Promise<void> {
  await withContext(run, async (ctx) => {
    const { token, changed } = await revokeToken(ctx, id)
    run.out.result({ token, changed })
    run.out.line(
      changed
        ? `token ${id} (${token.user}) revoked`
        : `token ${id} was already revoked at ${token.revokedAt}`,
    )
  })
}
