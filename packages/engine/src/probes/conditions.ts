/**
 * @module Pure conditions for what an HTTP check saw: status in the expected set, body contains, body matches a
 * regular expression, JSON path equals, latency under a maximum. Returns every condition that failed, each with
 * a message a person reads ("status 503, expected 200"); an empty list means all held. No I/O.
 */
import { parseDuration } from '../domain/duration.ts'
import { jsonEqual, lookupJsonPath, parseJsonPath } from './json-path.ts'

export interface Seen {
  status: number
  /** The response body as text (possibly cut at the probe's read limit). */
  body: string
  latencyMs: number
}

export interface Expectation {
  status: number | readonly number[]
  bodyContains?: string | undefined
  /** A regular expression, plain (`ok|healthy`) or as a literal with flags (`/ok/i`). */
  bodyMatches?: string | undefined
  /** JSON path → expected value. */
  json?: Readonly<Record<string, unknown>> | undefined
  /** A duration such as 500ms. */
  maxLatency?: string | undefined
}

export type ConditionName = 'status' | 'bodyContains' | 'bodyMatches' | 'json' | 'maxLatency'

export interface FailedCondition {
  condition: ConditionName
  message: string
}

const SHOWN = 80

/** Every condition of `expect` that `seen` does not meet, in a fixed order. */
export function judgeConditions(seen: Seen, expect: Expectation): FailedCondition[] {
  const failed: FailedCondition[] = []
  const fail = (condition: ConditionName, message: string) => failed.push({ condition, message })

  const statuses = typeof expect.status === 'number' ? [expect.status] : [...expect.status]
  if (statuses.length > 0 && !statuses.includes(seen.status)) {
    fail('status', `status ${seen.status}, expected ${oneOf(statuses.map(String))}`)
  }
  if (expect.bodyContains !== undefined && !seen.body.includes(expect.bodyContains)) {
    fail('bodyContains', `body does not contain ${show(expect.bodyContains)}`)
  }
  if (expect.bodyMatches !== undefined) {
    const re = toRegExp(expect.bodyMatches)
    if (typeof re === 'string') fail('bodyMatches', re)
    else if (!re.test(seen.body)) fail('bodyMatches', `body does not match ${re}`)
  }
  const json = Object.entries(expect.json ?? {})
  if (json.length > 0) {
    const doc = parseJson(seen.body)
    for (const [path, want] of json) {
      const message = doc.ok
        ? judgePath(doc.value, path, want)
        : `body is not JSON, expected ${path} = ${show(want)}`
      if (message !== null) fail('json', message)
    }
  }
  if (expect.maxLatency !== undefined) {
    const max = parseDuration(expect.maxLatency)
    if (max === null) fail('maxLatency', `maxLatency ${show(expect.maxLatency)} is not a duration`)
    else if (seen.latencyMs > max) {
      fail('maxLatency', `took ${Math.round(seen.latencyMs)} ms, expected at most ${expect.maxLatency}`)
    }
  }
  return failed
}

function judgePath(doc: unknown, path: string, want: unknown): string | null {
  const parsed = parseJsonPath(path)
  if (!parsed.ok) return parsed.error
  const got = lookupJsonPath(doc, parsed.steps)
  if (!got.found) return `${path} is missing (no ${got.missing}), expected ${show(want)}`
  return jsonEqual(got.value, want) ? null : `${path} is ${show(got.value)}, expected ${show(want)}`
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

/** A RegExp from `pattern` or `/pattern/flags`, or a message saying why it is not one. */
function toRegExp(text: string): RegExp | string {
  const literal = /^\/(.*)\/([dgimsuvy]*)$/s.exec(text)
  try {
    return literal ? new RegExp(literal[1]!, literal[2]!.replace(/[gy]/g, '')) : new RegExp(text)
  } catch (e) {
    return `bodyMatches ${show(text)} is not a regular expression: ${e instanceof Error ? e.message : String(e)}`
  }
}

function oneOf(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`
}

function show(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value)
  return text.length > SHOWN ? `${text.slice(0, SHOWN - 1)}…` : text
}
