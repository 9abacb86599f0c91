import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { dampen, initialDamped, type DampedState } from './damping.ts'

const policy = { failAfter: 3, recoverAfter: 2 }

/** Feeds results and lists the indexes at which health flipped, with the health after. */
function flips(results: boolean[], start: DampedState = initialDamped()): [number, boolean][] {
  let s = start
  const out: [number, boolean][] = []
  results.forEach((ok, i) => {
    const r = dampen(s, ok, policy)
    s = r.state
    if (r.flipped) out.push([i, s.healthy])
  })
  return out
}

describe('dampen', () => {
  const scenarios: { name: string; results: boolean[]; start?: DampedState; want: [number, boolean][] }[] = [
    { name: 'stays healthy when every check passes', results: [true, true, true], want: [] },
    {
      name: 'ignores two failures in a row when failAfter is 3',
      results: [false, false, true, false],
      want: [],
    },
    {
      name: 'turns unhealthy on the third consecutive failure',
      results: [true, false, false, false],
      want: [[3, false]],
    },
    {
      name: 'recovers on the second consecutive success',
      results: [false, false, false, true, true],
      want: [
        [2, false],
        [4, true],
      ],
    },
    {
      name: 'does not recover when a failure breaks the successes',
      results: [false, false, false, true, false, true, false],
      want: [[2, false]],
    },
    {
      name: 'flips once per change when a probe flaps slowly',
      results: [false, false, false, false, true, true, true, false, false, false],
      want: [
        [2, false],
        [5, true],
        [9, false],
      ],
    },
    {
      name: 'starts unhealthy when the journal last said so',
      results: [false, true, true],
      start: initialDamped(false),
      want: [[2, true]],
    },
  ]
  for (const s of scenarios) {
    it(`${s.name} when results are ${s.results.map((r) => (r ? 'ok' : 'x')).join(' ')}`, () => {
      assert.deepEqual(flips(s.results, s.start), s.want)
    })
  }

  it('flips on the first failure when failAfter is 1', () => {
    assert.deepEqual(dampen(initialDamped(), false, { failAfter: 1, recoverAfter: 1 }), {
      state: { healthy: false, streak: 0 },
      flipped: true,
    })
  })
})
