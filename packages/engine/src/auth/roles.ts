/** @module API roles, lowest first: each role may do what the ones before it may. Pure. */
import type { TokenRole } from '../store/types.ts'

export type Role = TokenRole

export const ROLES = ['viewer', 'deployer', 'approver', 'admin'] as const satisfies readonly Role[]

export const isRole = (v: unknown): v is Role => (ROLES as readonly unknown[]).includes(v)

/** Does `have` include the rights of `need`? */
export const roleAtLeast = (have: Role, need: Role): boolean => ROLES.indexOf(have) >= ROLES.indexOf(need)
