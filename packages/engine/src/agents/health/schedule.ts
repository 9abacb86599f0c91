/**
 * @module When each probe runs next, pure: the first run is spread over one interval by jitter so probes do
 * not fire together; later runs keep the rhythm (due + interval), skipping runs missed while one was slow.
 */

/** First due time: somewhere in the first interval, `random` in [0, 1). */
export const firstDue = (now: number, intervalMs: number, random: number): number =>
  now + Math.floor(random * intervalMs)

/** The next due time after `due`, later than `now`. */
export function nextDue(due: number, intervalMs: number, now: number): number {
  const next = due + intervalMs
  if (next > now) return next
  return next + Math.ceil((now - next + 1) / intervalMs) * intervalMs
}

export interface Scheduled {
  key: string
  due: number
}

/**
 * Keys due at `now` that may start: not running, at most `free` of them, the longest overdue first (ties by key,
 * so the order is stable).
 */
export function takeDue(
  entries: readonly Scheduled[],
  now: number,
  running: ReadonlySet<string>,
  free: number,
): string[] {
  if (free <= 0) return []
  return entries
    .filter((e) => e.due <= now && !running.has(e.key))
    .sort((a, b) => a.due - b.due || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, free)
    .map((e) => e.key)
}

/** The interval a probe runs at: its own, but never below the floor (and never below one second). */
export const effectiveInterval = (probeMs: number | null, floorMs: number): number =>
  Math.max(1_000, floorMs, probeMs ?? 10_000)
