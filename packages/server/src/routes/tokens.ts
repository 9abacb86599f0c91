/** @module Token routes (admin): list without secrets, make one (the secret is in this answer only), revoke. */
import { ROLES, createToken, listTokens, revokeToken } from '@rinawarp/engine'
import { z } from 'zod'
import { route } from '../route.ts'
import { isoTime } from '../schemas/common.ts'

const tokenSchema = z.strictObject({
  id: z.string(),
  user: z.string(),
  role: z.enum(ROLES),
  createdAt: isoTime,
  createdBy: z.string(),
  revokedAt: isoTime.nullable(),
})

export const tokenRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/tokens',
    role: 'admin',
    tag: 'tokens',
    summary: 'API tokens, revoked ones included, without their secrets',
    response: z.strictObject({ tokens: z.array(tokenSchema) }),
    handle: async (_, { ctx }) => ({ tokens: await listTokens(ctx) }),
  }),
  route({
    method: 'POST',
    path: '/api/v1/tokens',
    role: 'admin',
    tag: 'tokens',
    summary: 'Make a token for a user with a role; the secret is shown in this answer only',
    body: z.strictObject({
      user: z.string().regex(/^[A-Za-z0-9._@+-]{1,100}$/, 'letters, digits and . _ @ + -'),
      role: z.enum(ROLES),
    }),
    status: 201,
    response: z.strictObject({ secret: z.string(), token: tokenSchema }),
    handle: async ({ body }, { ctx }) => createToken(ctx, body),
  }),
  route({
    method: 'DELETE',
    path: '/api/v1/tokens/:tokenId',
    role: 'admin',
    tag: 'tokens',
    summary: 'Revoke a token: it stops working at once',
    params: z.strictObject({
      tokenId: z.string().regex(/^tok_[A-Za-z0-9_-]{1,80}$/, 'a token id looks like tok_…'),
    }),
    response: z.strictObject({ token: tokenSchema, changed: z.boolean() }),
    handle: async ({ params }, { ctx }) => revokeToken(ctx, params.tokenId),
  }),
]
