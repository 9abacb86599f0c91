/** @module The events table's columns and the mapping of a raw row to a stored event, shared by reads and verify. */
import type { StoredEvent } from '../../journal/chain.ts'

export type EventRow = [number, string, string, string, string, string, string | null, string, string, string]

export const EVENT_COLUMNS = 'seq, id, time, type, actor_kind, actor_id, reason, payload, prev_hash, hash'

export const eventFromRow = (r: EventRow): StoredEvent => ({
  seq: r[0],
  id: r[1],
  time: r[2],
  type: r[3],
  actorKind: r[4],
  actorId: r[5],
  reason: r[6],
  payload: r[7],
  prevHash: r[8],
  hash: r[9],
})
