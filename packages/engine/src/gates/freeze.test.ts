import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { humanActor } from '../domain/actor.ts'
import type { FreezeWindow } from '../domain/freeze-windows.ts'
import type { State } from '../domain/state.ts'
import { emptyState } from '../domain/state.ts'
import { freezeGate } from './freeze.ts'

const frozen = (env: string, until: string | null): State => ({
  ...emptyState(),
  freezes: {
    [env]: {
      env,
      by: humanActor('ana@example.com'),
      reason: 'incident 42',
      since: '2026-01-05T10:00:00.000Z',
      until,
      seq: 1,
    },
  },
})

const weekend: FreezeWindow = {
  name: 'weekend',
  environments: ['production'],
  timezone: 'Europe/Berlin',
  weekly: { from: 'Fri 16:00', to: 'Mon 08:00' },
}
const nightly: FreezeWindow = {
  name: 'nightly',
  environments: ['production'],
  timezone: 'UTC',
  cron: '0 22 * * *',
  duration: '8h',
}

// 2026-01-05 is a Monday.
const scenarios: {
  name: string
  state: State
  env: string
  now: string
  windows: FreezeWindow[]
  allowed: boolean
  match?: RegExp
}[] = [
  {
    name: 'allows an unfrozen environment',
    state: emptyState(),
    env: 'production',
    now: '2026-01-06T12:00:00Z',
    windows: [],
    allowed: true,
  },
  {
    name: 'denies a frozen environment with no end',
    state: frozen('production', null),
    env: 'production',
    now: '2026-01-06T12:00:00Z',
    windows: [],
    allowed: false,
    match: /frozen by human:ana@example.com.*incident 42/,
  },
  {
    name: 'denies a frozen environment before its end',
    state: frozen('production', '2026-01-06T13:00:00.000Z'),
    env: 'production',
    now: '2026-01-06T12:00:00Z',
    windows: [],
    allowed: false,
    match: /until 2026-01-06T13:00/,
  },
  {
    name: 'allows once a timed freeze has passed its end',
    state: frozen('production', '2026-01-06T11:00:00.000Z'),
    env: 'production',
    now: '2026-01-06T12:00:00Z',
    windows: [],
    allowed: true,
  },
  {
    name: 'allows another environment than the frozen one',
    state: frozen('production', null),
    env: 'staging',
    now: '2026-01-06T12:00:00Z',
    windows: [],
    allowed: true,
  },
  {
    name: 'denies inside a weekly window (Saturday)',
    state: emptyState(),
    env: 'production',
    now: '2026-01-10T12:00:00Z',
    windows: [weekend],
    allowed: false,
    match: /window "weekend" until 2026-01-12T07:00:00.000Z/,
  },
  {
    name: 'denies at the start minute of a weekly window (Fri 16:00 Berlin = 15:00Z)',
    state: emptyState(),
    env: 'production',
    now: '2026-01-09T15:00:00Z',
    windows: [weekend],
    allowed: false,
  },
  {
    name: 'allows one minute before a weekly window',
    state: emptyState(),
    env: 'production',
    now: '2026-01-09T14:59:00Z',
    windows: [weekend],
    allowed: true,
  },
  {
    name: 'allows at the end of a weekly window (Mon 08:00 Berlin)',
    state: emptyState(),
    env: 'production',
    now: '2026-01-12T07:00:00Z',
    windows: [weekend],
    allowed: true,
  },
  {
    name: 'ignores a window for other environments',
    state: emptyState(),
    env: 'staging',
    now: '2026-01-10T12:00:00Z',
    windows: [weekend],
    allowed: true,
  },
  {
    name: 'denies inside a cron window after midnight',
    state: emptyState(),
    env: 'production',
    now: '2026-01-07T03:00:00Z',
    windows: [nightly],
    allowed: false,
    match: /until 2026-01-07T06:00:00.000Z/,
  },
  {
    name: 'allows outside a cron window',
    state: emptyState(),
    env: 'production',
    now: '2026-01-07T12:00:00Z',
    windows: [nightly],
    allowed: true,
  },
  {
    name: 'lists both a manual freeze and a window',
    state: frozen('production', null),
    env: 'production',
    now: '2026-01-10T12:00:00Z',
    windows: [weekend],
    allowed: false,
    match: /window "weekend"/,
  },
]

describe('freezeGate', () => {
  for (const s of scenarios) {
    it(s.name, () => {
      const d = freezeGate(s.state, { env: s.env, now: new Date(s.now) }, s.windows)
      assert.equal(d.allowed, s.allowed)
      if (!d.allowed && s.match) assert.match(d.reasons.map((r) => r.message).join('\n'), s.match)
      if (!d.allowed) assert.ok(d.reasons.every((r) => r.code === 'ENV_FROZEN' && r.hint))
    })
  }
})
