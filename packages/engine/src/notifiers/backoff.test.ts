/** @module Backoff ceilings double from initialBackoff up to maxBackoff; full jitter draws below the ceiling. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { backoffCeiling, backoffDelay, policyFromConfig } from './backoff.ts'

const P = { initialBackoffMs: 2_000, maxBackoffMs: 30_000 }

describe('backoffCeiling', () => {
  const scenarios: [attempts: number, ceiling: number][] = [
    [1, 2_000],
    [2, 4_000],
    [3, 8_000],
    [4, 16_000],
    [5, 30_000],
    [60, 30_000],
    [2_000, 30_000],
  ]
  for (const [attempts, ceiling] of scenarios) {
    it(`is ${ceiling}ms when ${attempts} attempts failed`, () =>
      assert.equal(backoffCeiling(attempts, P), ceiling))
  }
})

describe('backoffDelay', () => {
  it('draws zero when the random source gives 0', () =>
    assert.equal(
      backoffDelay(3, P, () => 0),
      0,
    ))
  it('stays below the ceiling when the random source gives nearly 1', () =>
    assert.equal(
      backoffDelay(3, P, () => 0.9999),
      7_999,
    ))
  it('scales the ceiling when the random source gives a fraction', () =>
    assert.equal(
      backoffDelay(2, P, () => 0.25),
      1_000,
    ))
  it('clamps a random source that strays outside [0, 1)', () =>
    assert.equal(
      backoffDelay(1, P, () => 7),
      2_000,
    ))
})

describe('policyFromConfig', () => {
  it('reads the delivery section durations when given the config defaults', () => {
    assert.deepEqual(
      policyFromConfig({ maxAttempts: 8, initialBackoff: '2s', maxBackoff: '5m' }, { timeoutMs: 10_000 }),
      {
        maxAttempts: 8,
        initialBackoffMs: 2_000,
        maxBackoffMs: 300_000,
        timeoutMs: 10_000,
        batchSize: 16,
      },
    )
  })
})
