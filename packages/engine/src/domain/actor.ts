/** @module Who did it: every event names a human, an agent or the system. */

export type ActorKind = 'human' | 'agent' | 'system'

export interface Actor {
  kind: ActorKind
  id: string
}

export const systemActor = (id = 'rina'): Actor => ({ kind: 'system', id })
export const agentActor = (id: string): Actor => ({ kind: 'agent', id })
export const humanActor = (id: string): Actor => ({ kind: 'human', id })

export const formatActor = (a: Actor): string => `${a.kind}:${a.id}`
