/**
 * @module Bearer authentication and role checks for the API: the token's user becomes the human actor of every
 * command the request runs; its role decides which routes it may call.
 */
import type { Role, TokenRecord } from '@rinawarp/engine'
import { RinaError, authenticate, roleAtLeast } from '@rinawarp/engine'

export interface Caller {
  tokenId: string
  user: string
  role: Role
}

export type TokenLookup = { findByHash(hash: string): Promise<TokenRecord | null> }

export async function callerOf(tokens: TokenLookup, authorization: string | undefined): Promise<Caller> {
  const t = await authenticate(tokens, authorization)
  return { tokenId: t.id, user: t.user, role: t.role }
}

export function requireRole(caller: Caller, need: Role, what: string): void {
  if (roleAtLeast(caller.role, need)) return
  throw new RinaError({
    code: 'FORBIDDEN',
    message: `${what} needs the ${need} role; ${caller.user} has ${caller.role}`,
    hint: 'ask an admin for a token with that role (rina token create --user NAME --role ROLE)',
    details: { need, have: caller.role },
  })
}
