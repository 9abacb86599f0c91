/**
 * @module Recurring freeze windows (weekly ranges or cron starts with a duration) in a named time zone.
 * Pure: `now` is passed in; time zones come from Intl, cron from croner (no I/O).
 */
import { Cron } from 'croner'
import { parseDuration } from './duration.ts'

export interface FreezeWindow {
  name: string
  environments: string[]
  timezone: string
  weekly?: { from: string; to: string } | undefined
  cron?: string | undefined
  duration?: string | undefined
  reason?: string | undefined
}

export interface WindowSpan {
  name: string
  start: Date
  end: Date
  reason: string | null
}

const WEEK_MIN = 7 * 24 * 60
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

/** Minutes since Monday 00:00 in the given time zone. */
export function minuteOfWeek(at: Date, timezone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at)
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? ''
  const day = DAYS.indexOf(get('weekday').slice(0, 3).toLowerCase())
  return day * 1440 + Number(get('hour')) * 60 + Number(get('minute'))
}

/** "Fri 16:00" → minutes since Monday 00:00. */
export function parseWeekdayTime(text: string): number {
  const m = /^([a-z]{3})[a-z]* +(\d{1,2}):(\d{2})$/i.exec(text.trim())
  if (!m) throw new Error(`not a weekday and time: ${text}`)
  const day = DAYS.indexOf(m[1]!.toLowerCase())
  if (day < 0) throw new Error(`unknown weekday in ${text}`)
  return day * 1440 + Number(m[2]) * 60 + Number(m[3])
}

/** The absolute time of the next moment (strictly after `after`, or at it) whose local minute-of-week is `target`. */
function nextLocalMinute(after: Date, target: number, timezone: string): Date {
  const here = minuteOfWeek(after, timezone)
  const base = after.getTime() - (after.getTime() % 60_000)
  let delta = (target - here + WEEK_MIN) % WEEK_MIN
  let t = new Date(base + delta * 60_000)
  // Correct for daylight-saving shifts between `after` and the candidate.
  const drift = ((minuteOfWeek(t, timezone) - target + WEEK_MIN + WEEK_MIN / 2) % WEEK_MIN) - WEEK_MIN / 2
  if (drift !== 0) {
    delta -= drift
    t = new Date(base + delta * 60_000)
  }
  return t
}

/** The span of this window that contains `now`, or null. */
export function activeSpan(w: FreezeWindow, now: Date): WindowSpan | null {
  const reason = w.reason ?? null
  if (w.weekly) {
    const from = parseWeekdayTime(w.weekly.from)
    const to = parseWeekdayTime(w.weekly.to)
    const m = minuteOfWeek(now, w.timezone)
    const inside = from < to ? m >= from && m < to : m >= from || m < to
    if (!inside) return null
    const sinceStart = (m - from + WEEK_MIN) % WEEK_MIN
    const start = new Date(now.getTime() - (now.getTime() % 60_000) - sinceStart * 60_000)
    return { name: w.name, start, end: nextLocalMinute(now, to, w.timezone), reason }
  }
  if (w.cron && w.duration) {
    const len = parseDuration(w.duration) ?? 0
    const cron = new Cron(w.cron, { timezone: w.timezone, paused: true })
    const start = cron.nextRun(new Date(now.getTime() - len))
    if (start && start.getTime() <= now.getTime())
      return { name: w.name, start, end: new Date(start.getTime() + len), reason }
  }
  return null
}

/** The next span of this window starting after `now`. */
export function nextSpan(w: FreezeWindow, now: Date): WindowSpan | null {
  const reason = w.reason ?? null
  if (w.weekly) {
    const from = parseWeekdayTime(w.weekly.from)
    const to = parseWeekdayTime(w.weekly.to)
    const start = nextLocalMinute(new Date(now.getTime() + 60_000), from, w.timezone)
    return { name: w.name, start, end: nextLocalMinute(start, to, w.timezone), reason }
  }
  if (w.cron && w.duration) {
    const len = parseDuration(w.duration) ?? 0
    const start = new Cron(w.cron, { timezone: w.timezone, paused: true }).nextRun(now)
    return start ? { name: w.name, start, end: new Date(start.getTime() + len), reason } : null
  }
  return null
}

export function windowsFor(env: string, windows: readonly FreezeWindow[]): FreezeWindow[] {
  return windows.filter((w) => w.environments.includes(env))
}
