import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { effectiveInterval, firstDue, nextDue, takeDue } from './schedule.ts'

describe('firstDue', () => {
  it('spreads the first run over one interval when the random number varies', () => {
    assert.deepEqual(
      [0, 0.25, 0.999].map((r) => firstDue(1_000, 10_000, r)),
      [1_000, 3_500, 10_990],
    )
  })
})

describe('nextDue', () => {
  it('keeps the rhythm when the run finished in time', () => {
    assert.equal(nextDue(10_000, 5_000, 12_000), 15_000)
  })
  it('skips missed runs when a run took longer than the interval', () => {
    assert.equal(nextDue(10_000, 5_000, 27_000), 30_000)
    assert.equal(nextDue(10_000, 5_000, 25_000), 30_000)
  })
})

describe('takeDue', () => {
  const entries = [
    { key: 'a', due: 5 },
    { key: 'b', due: 1 },
    { key: 'c', due: 1 },
    { key: 'd', due: 50 },
  ]
  it('takes the longest overdue first when more are due than may run', () => {
    assert.deepEqual(takeDue(entries, 10, new Set(), 2), ['b', 'c'])
  })
  it('leaves out running probes and those not yet due when there is room', () => {
    assert.deepEqual(takeDue(entries, 10, new Set(['b']), 8), ['c', 'a'])
  })
  it('takes nothing when no slot is free', () => {
    assert.deepEqual(takeDue(entries, 100, new Set(), 0), [])
  })
})

describe('effectiveInterval', () => {
  it('uses the probe interval but never less than the floor or one second', () => {
    assert.equal(effectiveInterval(30_000, 1_000), 30_000)
    assert.equal(effectiveInterval(200, 500), 1_000)
    assert.equal(effectiveInterval(2_000, 5_000), 5_000)
    assert.equal(effectiveInterval(null, 1_000), 10_000)
  })
})
