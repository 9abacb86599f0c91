/** @module Who the caller is: the user and role behind the bearer token (the actor of what it runs). */
import { ROLES } from '@rinawarp/engine'
import { z } from 'zod'
import { route } from '../route.ts'

export const meRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/me',
    role: 'viewer',
    tag: 'auth',
    summary: 'The user and role of the token used; the user is the actor in the journal',
    response: z.strictObject({ user: z.string(), role: z.enum(ROLES), tokenId: z.string() }),
    handle: async (_, { caller }) => ({ user: caller.user, role: caller.role, tokenId: caller.tokenId }),
  }),
]
