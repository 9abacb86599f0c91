/**
 * @module API tokens: made for a user with a role, shown once, stored as SHA-256 only, listed without secret or
 * hash, revocable. Making and revoking are journal events (never the secret). Authentication is a hash lookup.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { CommandContext } from '../commands/context.ts'
import { enforce } from '../commands/gate.ts'
import { formatActor } from '../domain/actor.ts'
import { RinaError } from '../errors.ts'
import { humanGate } from '../gates/human.ts'
import type { TokenRecord } from '../store/types.ts'
import type { Role } from './roles.ts'
import { ROLES, isRole } from './roles.ts'

export const TOKEN_PREFIX = 'rwd_'

/** A token as shown to people and over the API: no secret, no hash. */
export type PublicToken = Omit<TokenRecord, 'hash'>

export const hashToken = (text: string): string => createHash('sha256').update(text).digest('hex')

export const publicToken = ({ hash: _hash, ...rest }: TokenRecord): PublicToken => rest

const USER_PATTERN = /^[A-Za-z0-9._@+-]{1,100}$/

export async function createToken(
  ctx: CommandContext,
  req: { user: string; role: string },
  random: (bytes: number) => Uint8Array = randomBytes,
): Promise<{ secret: string; token: PublicToken }> {
  enforce(humanGate(ctx.actor, 'Making an API token'), 'Token creation')
  if (!USER_PATTERN.test(req.user)) {
    throw new RinaError({
      code: 'USAGE',
      message: `"${req.user}" is not a usable user name`,
      hint: 'use letters, digits and . _ @ + - (an e-mail address works), at most 100 characters',
    })
  }
  if (!isRole(req.role)) {
    throw new RinaError({
      code: 'USAGE',
      message: `"${req.role}" is not a role`,
      hint: `roles: ${ROLES.join(', ')}`,
    })
  }
  const role: Role = req.role
  const secret = `${TOKEN_PREFIX}${Buffer.from(random(32)).toString('base64url')}`
  const record: TokenRecord = {
    id: ctx.ids.next('tok'),
    user: req.user,
    role,
    hash: hashToken(secret),
    createdAt: ctx.clock.now().toISOString(),
    createdBy: formatActor(ctx.actor),
    revokedAt: null,
  }
  // Journal first: a crash before the store write leaves a token that was never shown, which is harmless.
  await ctx.journal.append([
    {
      type: 'token.created',
      actor: ctx.actor,
      reason: null,
      payload: { tokenId: record.id, user: record.user, role },
    },
  ])
  await ctx.store.tokens.create(record)
  return { secret, token: publicToken(record) }
}

export async function listTokens(ctx: CommandContext): Promise<PublicToken[]> {
  return (await ctx.store.tokens.list()).map(publicToken)
}

export async function revokeToken(
  ctx: CommandContext,
  id: string,
): Promise<{ token: PublicToken; changed: boolean }> {
  const before = (await ctx.store.tokens.list()).find((t) => t.id === id)
  if (!before) {
    throw new RinaError({
      code: 'NOT_FOUND',
      message: `no API token with id ${id}`,
      hint: 'see the ids with `rina token list`',
    })
  }
  if (before.revokedAt !== null) return { token: publicToken(before), changed: false }
  // The store first: a crash before the journal write must not leave a token that still works.
  const after = await ctx.store.tokens.revoke(id, ctx.clock.now().toISOString())
  await ctx.journal.append([
    { type: 'token.revoked', actor: ctx.actor, reason: null, payload: { tokenId: id, user: before.user } },
  ])
  return { token: publicToken(after ?? before), changed: true }
}

/**
 * The token record behind an `Authorization: Bearer …` header, or UNAUTHENTICATED (missing, malformed, unknown or
 * revoked: the message says which, the secret is never echoed).
 */
export async function authenticate(
  tokens: { findByHash(hash: string): Promise<TokenRecord | null> },
  authorization: string | null | undefined,
): Promise<TokenRecord> {
  const m = /^Bearer +(\S+)\s*$/i.exec(authorization ?? '')
  if (!m) {
    throw unauthenticated(
      authorization ? 'the Authorization header is not "Bearer <token>"' : 'no API token given',
    )
  }
  const text = m[1]!
  if (!text.startsWith(TOKEN_PREFIX)) throw unauthenticated(`an API token starts with "${TOKEN_PREFIX}"`)
  const found = await tokens.findByHash(hashToken(text))
  if (!found) throw unauthenticated('the API token is not known')
  if (found.revokedAt !== null) throw unauthenticated(`the API token was revoked at ${found.revokedAt}`)
  return found
}

const unauthenticated = (message: string) =>
  new RinaError({
    code: 'UNAUTHENTICATED',
    message,
    hint: 'send Authorization: Bearer rwd_…; an admin makes one with `rina token create --user NAME --role ROLE`',
  })
