import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { FreezeWindow } from './freeze-windows.ts'
import { activeSpan, minuteOfWeek, nextSpan, parseWeekdayTime } from './freeze-windows.ts'

const weekend: FreezeWindow = {
  name: 'weekend',
  environments: ['production'],
  timezone: 'America/New_York',
  weekly: { from: 'Friday 16:00', to: 'Mon 08:00' },
}

describe('freeze windows', () => {
  it('parses weekday and time into minutes of the week', () => {
    assert.equal(parseWeekdayTime('Mon 00:00'), 0)
    assert.equal(parseWeekdayTime('Fri 16:00'), 4 * 1440 + 960)
    assert.equal(parseWeekdayTime('sunday 23:59'), 6 * 1440 + 1439)
  })
  it('reads minute of week in the named time zone', () => {
    // 2026-01-05T05:30Z is Monday 00:30 in New York (UTC-5).
    assert.equal(minuteOfWeek(new Date('2026-01-05T05:30:00Z'), 'America/New_York'), 30)
  })
  it('finds the next weekly span with local start and end when outside it', () => {
    const s = nextSpan(weekend, new Date('2026-01-06T12:00:00Z'))
    assert.equal(s?.start.toISOString(), '2026-01-09T21:00:00.000Z')
    assert.equal(s?.end.toISOString(), '2026-01-12T13:00:00.000Z')
  })
  it('keeps local times across a daylight-saving change', () => {
    // DST starts in the US on 2026-03-08: Friday 16:00 EST is 21:00Z, Monday 08:00 EDT is 12:00Z.
    const s = nextSpan(weekend, new Date('2026-03-04T12:00:00Z'))
    assert.equal(s?.start.toISOString(), '2026-03-06T21:00:00.000Z')
    assert.equal(s?.end.toISOString(), '2026-03-09T12:00:00.000Z')
  })
  it('reports the active span when inside a wrapping window', () => {
    const s = activeSpan(weekend, new Date('2026-01-11T12:00:00Z'))
    assert.equal(s?.start.toISOString(), '2026-01-09T21:00:00.000Z')
    assert.equal(s?.end.toISOString(), '2026-01-12T13:00:00.000Z')
  })
  it('finds cron windows that started before now', () => {
    const w: FreezeWindow = {
      name: 'release-train',
      environments: ['production'],
      timezone: 'UTC',
      cron: '0 9 1 * *',
      duration: '2d',
    }
    assert.equal(
      activeSpan(w, new Date('2026-02-02T10:00:00Z'))?.end.toISOString(),
      '2026-02-03T09:00:00.000Z',
    )
    assert.equal(activeSpan(w, new Date('2026-02-03T09:00:00Z')), null)
    assert.equal(
      nextSpan(w, new Date('2026-02-03T09:00:00Z'))?.start.toISOString(),
      '2026-03-01T09:00:00.000Z',
    )
  })
})
