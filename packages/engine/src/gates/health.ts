/**
 * @module Health decisions over probe results: the deploy health gate (every probe passes N times within a
 * window), the soak (no probe fails twice in a row), and "currently healthy" before a protected deploy.
 */
import type { ProbeSummary } from '../domain/events.ts'
import type { Decision, GateReason } from './decision.ts'
import { allow, deny } from './decision.ts'

export interface ProbeSample {
  service: string
  probe: string
  type: string
  ok: boolean
  latencyMs: number
  detail: string
}

const key = (s: { service: string; probe: string }) => `${s.service}/${s.probe}`

/** Per probe, in first-seen order. */
export function summarize(samples: readonly ProbeSample[]): ProbeSummary[] {
  const by = new Map<string, ProbeSample[]>()
  for (const s of samples) {
    const list = by.get(key(s)) ?? []
    list.push(s)
    by.set(key(s), list)
  }
  return [...by.values()].map((list) => {
    const last = list[list.length - 1]!
    const lat = list.map((s) => s.latencyMs).sort((a, b) => a - b)
    return {
      service: last.service,
      probe: last.probe,
      type: last.type,
      passes: list.filter((s) => s.ok).length,
      failures: list.filter((s) => !s.ok).length,
      lastOk: last.ok,
      lastDetail: last.detail,
      latencyMs: {
        p50: Math.round(lat[Math.floor((lat.length - 1) / 2)]!),
        max: Math.round(lat[lat.length - 1]!),
      },
    }
  })
}

/** Probes still short of `passes` successes (the gate is done when this is empty). */
export function gatePending(
  expected: readonly { service: string; probe: string }[],
  samples: readonly ProbeSample[],
  passes: number,
) {
  const ok = new Map<string, number>()
  for (const s of samples) if (s.ok) ok.set(key(s), (ok.get(key(s)) ?? 0) + 1)
  return expected.filter((p) => (ok.get(key(p)) ?? 0) < passes)
}

export function healthGateDecision(
  expected: readonly { service: string; probe: string }[],
  samples: readonly ProbeSample[],
  passes: number,
  within: string,
): Decision {
  const pending = gatePending(expected, samples, passes)
  if (pending.length === 0) return allow
  const sums = new Map(summarize(samples).map((s) => [key(s), s]))
  return deny(
    ...pending.map((p): GateReason => {
      const s = sums.get(key(p))
      return {
        gate: 'health',
        code: 'PROBE_FAILED',
        message: `${p.service}/${p.probe} passed ${s?.passes ?? 0} of ${passes} times within ${within}${s ? `; last: ${s.lastDetail}` : '; it never answered'}`,
        hint: `check ${p.service}: rina health-check … shows every probe now`,
      }
    }),
  )
}

/** Soak: a probe that fails twice in a row (or ends failing) fails the soak. */
export function soakDecision(samples: readonly ProbeSample[]): Decision {
  const by = new Map<string, ProbeSample[]>()
  for (const s of samples) by.set(key(s), [...(by.get(key(s)) ?? []), s])
  const reasons: GateReason[] = []
  for (const [k, list] of by) {
    const twice = list.some((s, i) => !s.ok && i > 0 && !list[i - 1]!.ok)
    const last = list[list.length - 1]!
    if (twice || !last.ok) {
      reasons.push({
        gate: 'health',
        code: 'PROBE_FAILED',
        message: `${k} failed during the soak (${list.filter((s) => !s.ok).length} of ${list.length} checks): ${list.filter((s) => !s.ok).at(-1)!.detail}`,
      })
    }
  }
  return reasons.length ? deny(...reasons) : allow
}

/** Every probe's latest result must pass. */
export function currentlyHealthy(env: string, samples: readonly ProbeSample[]): Decision {
  const failing = summarize(samples).filter((s) => !s.lastOk)
  if (failing.length === 0) return allow
  return deny(
    ...failing.map((f) => ({
      gate: 'health',
      code: 'UNHEALTHY',
      message: `${env} is unhealthy before the deploy: ${f.service}/${f.probe}: ${f.lastDetail}`,
      hint: `fix ${env} first, or roll it back: rina rollback ${env} --reason "…"`,
    })),
  )
}
