import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { FakeClock } from '../../testing/fakes.ts'
import { failed, incidentEvent, started, succeeded } from './fixtures.ts'
import { addEvent, decide, dueAt, idle, markSent, type Group } from './groups.ts'

const timers = { groupWaitMs: 10_000, groupIntervalMs: 60_000, repeatIntervalMs: 4 * 3_600_000 }
const at = { route: 0, env: 'production', family: 'deploy' }

/** Runs the group at each second of fake time and lists the seconds it sent at, with what. */
function sends(
  feed: Record<number, ReturnType<typeof started>[]>,
  seconds: number,
  family = 'deploy',
): [number, string, number[]][] {
  const clock = new FakeClock()
  const t0 = clock.now().getTime()
  let g: Group | undefined
  const out: [number, string, number[]][] = []
  for (let s = 0; s <= seconds; s++) {
    for (const e of feed[s] ?? []) g = addEvent(g, { ...at, family }, e, clock.now().getTime())
    const d = g ? decide(g, clock.now().getTime(), timers) : null
    if (g && d) {
      out.push([(clock.now().getTime() - t0) / 1000, d.kind, d.events.map((e) => e.seq)])
      g = markSent(g, d, clock.now().getTime())
    }
    clock.advance(1_000)
  }
  return out
}

describe('group timers', () => {
  it('waits groupWait to gather events, then sends them together', () => {
    const a = started()
    const b = succeeded()
    assert.deepEqual(sends({ 0: [a], 5: [b] }, 30), [[10, 'send', [a.seq, b.seq]]])
  })

  it('holds new events until groupInterval has passed since the last send', () => {
    const [a, b, c] = [started(), succeeded(), failed()]
    assert.deepEqual(sends({ 0: [a], 20: [b], 65: [c] }, 200), [
      [10, 'send', [a.seq]],
      [70, 'send', [b.seq, c.seq]],
    ])
  })

  it('repeats an open incident every repeatInterval until it is resolved', () => {
    const opened = incidentEvent('opened', {
      id: 'inc_1',
      env: 'production',
      title: 'api down',
      severity: 'SEV2',
    })
    const resolved = incidentEvent('resolved', { id: 'inc_1', env: 'production', title: 'api down' })
    const H = 3_600
    assert.deepEqual(sends({ 0: [opened], [9 * H]: [resolved] }, 10 * H, 'incident'), [
      [10, 'send', [opened.seq]],
      [10 + 4 * H, 'repeat', [opened.seq]],
      [10 + 8 * H, 'repeat', [opened.seq]],
      [9 * H, 'send', [resolved.seq]],
    ])
  })

  it('is due at nothing and idle once everything is sent and no incident is open', () => {
    let g = addEvent(undefined, at, started(), 0)
    assert.equal(dueAt(g, timers), 10_000)
    g = markSent(g, decide(g, 10_000, timers)!, 10_000)
    assert.equal(dueAt(g, timers), null)
    assert.equal(idle(g, 20_000, timers), false)
    assert.equal(idle(g, 70_000, timers), true)
  })
})
