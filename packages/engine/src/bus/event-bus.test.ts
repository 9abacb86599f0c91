/** @module The bus delivers in sequence, once, to matching subscribers, and reports gaps. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { humanActor } from '../domain/actor.ts'
import type { JournalEvent } from '../domain/events.ts'
import { EventBus } from './event-bus.ts'

const ev = (seq: number, type = 'freeze.enabled', payload: object = { env: 'production' }): JournalEvent =>
  ({
    seq,
    id: `evt_${seq}`,
    time: '2026-01-05T10:00:00.000Z',
    type,
    actor: humanActor('ana'),
    reason: null,
    payload,
    prevHash: '0',
    hash: String(seq),
  }) as JournalEvent

const seqs = (list: JournalEvent[]) => list.map((e) => e.seq)

describe('EventBus', () => {
  it('delivers events in order to every subscriber when they continue the sequence', () => {
    const bus = new EventBus()
    const a: JournalEvent[] = []
    const b: JournalEvent[] = []
    bus.subscribe(null, (e) => a.push(e))
    bus.subscribe(null, (e) => b.push(e))
    assert.equal(bus.publish([ev(1), ev(2), ev(3)]), true)
    assert.deepEqual(seqs(a), [1, 2, 3])
    assert.deepEqual(seqs(b), [1, 2, 3])
    assert.equal(bus.lastSeq, 3)
  })

  it('delivers each event once when a batch is published twice or overlaps', () => {
    const bus = new EventBus()
    const got: JournalEvent[] = []
    bus.subscribe(null, (e) => got.push(e))
    bus.publish([ev(1), ev(2)])
    bus.publish([ev(1), ev(2)])
    bus.publish([ev(2), ev(3)])
    assert.deepEqual(seqs(got), [1, 2, 3])
  })

  it('stops at a gap and returns false when an event arrives before its predecessor', () => {
    const bus = new EventBus({ after: 10 })
    const got: JournalEvent[] = []
    bus.subscribe(null, (e) => got.push(e))
    assert.equal(bus.publish([ev(11), ev(13)]), false)
    assert.deepEqual(seqs(got), [11])
    assert.equal(bus.publish([ev(12), ev(13)]), true)
    assert.deepEqual(seqs(got), [11, 12, 13])
  })

  it('passes only matching events when a subscriber filters by type, environment or run', () => {
    const bus = new EventBus()
    const byType: number[] = []
    const byEnv: number[] = []
    const byRun: number[] = []
    bus.subscribe({ types: ['deploy.*'] }, (e) => byType.push(e.seq))
    bus.subscribe({ env: 'staging' }, (e) => byEnv.push(e.seq))
    bus.subscribe({ runId: 'run_1' }, (e) => byRun.push(e.seq))
    bus.publish([
      ev(1, 'freeze.enabled', { env: 'staging' }),
      ev(2, 'deploy.started', { env: 'production', runId: 'run_1' }),
      ev(3, 'deploy.succeeded', { env: 'staging', runId: 'run_2' }),
    ])
    assert.deepEqual(byType, [2, 3])
    assert.deepEqual(byEnv, [1, 3])
    assert.deepEqual(byRun, [2])
  })

  it('stops delivering to a subscriber when it unsubscribes', () => {
    const bus = new EventBus()
    const got: number[] = []
    const off = bus.subscribe(null, (e) => got.push(e.seq))
    bus.publish([ev(1)])
    off()
    bus.publish([ev(2)])
    assert.deepEqual(got, [1])
    assert.equal(bus.subscriberCount, 0)
  })

  it('keeps delivering to the others and reports the error when a subscriber throws', () => {
    const errors: unknown[] = []
    const bus = new EventBus({ onError: (err) => errors.push(err) })
    const got: number[] = []
    bus.subscribe(null, () => {
      throw new Error('boom')
    })
    bus.subscribe(null, (e) => got.push(e.seq))
    bus.publish([ev(1), ev(2)])
    assert.deepEqual(got, [1, 2])
    assert.equal(errors.length, 2)
  })
})
