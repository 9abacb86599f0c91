/** @module Stored rows ↔ typed events. */
import type { ActorKind } from '../domain/actor.ts'
import type { EventType, JournalEvent } from '../domain/events.ts'
import type { StoredEvent } from './chain.ts'

export function decodeEvent(e: StoredEvent): JournalEvent {
  return {
    seq: e.seq,
    id: e.id,
    time: e.time,
    type: e.type as EventType,
    actor: { kind: e.actorKind as ActorKind, id: e.actorId },
    reason: e.reason,
    payload: JSON.parse(e.payload) as JournalEvent['payload'],
    prevHash: e.prevHash,
    hash: e.hash,
  }
}
