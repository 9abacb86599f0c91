/**
 * @module Root-cause hypotheses, ranked with their evidence: the deploy the incident follows (time since it, its
 * preflight findings, templates new since it), a config change, the service itself down, an external dependency
 * (one probe failing with connection errors while the rest pass), a load spike, or a new error with no deploy.
 * Scores are points out of 100 from fixed rules, so the ranking is explainable and stable.
 */
import { formatDuration } from '../../domain/duration.ts'
import { DEFAULT_DEPLOY_WINDOW_MS, deployBefore } from './deploys.ts'
import { hardDown } from './incident-type.ts'
import type { Hypothesis, IncidentContext, IncidentDraft, Signal } from './types.ts'
import { HYPOTHESIS_KINDS } from './types.ts'

export type HypothesisContext = Pick<
  IncidentContext,
  'deploys' | 'preflight' | 'configChanges' | 'probes' | 'traffic' | 'deployWindowMs'
>

const CONNECTION =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|getaddrinfo|connection (refused|reset)|timed? ?out|upstream|\b50[234]\b|certificate|TLS/i
const ago = (from: string, to: string) => formatDuration(Math.max(0, Date.parse(to) - Date.parse(from)))
const quote = (s: Signal) => `"${s.template?.text ?? s.summary}"`

function recentDeploy(i: IncidentDraft, ctx: HypothesisContext): Hypothesis | null {
  const d = deployBefore(ctx.deploys, i.env, i.startedAt, ctx.deployWindowMs ?? DEFAULT_DEPLOY_WINDOW_MS)
  if (!d) return null
  const gapMs = Date.parse(i.startedAt) - Date.parse(d.endedAt ?? d.startedAt)
  let score = 50 + (gapMs <= 10 * 60_000 ? 25 : gapMs <= 30 * 60_000 ? 15 : gapMs <= 3_600_000 ? 5 : 0)
  const evidence = [
    `${d.release} was deployed to ${i.env} ${ago(d.endedAt ?? d.startedAt, i.startedAt)} before the first signal (run ${d.runId}, ${d.status})`,
  ]
  const fresh = i.signals.filter((s) => s.kind === 'new-template' && (s.release === d.release || !s.release))
  if (fresh.length) {
    score += 15
    evidence.push(...fresh.slice(0, 3).map((s) => `new since ${d.release}: ${quote(s)}`))
  }
  const failed = i.signals.filter((s) => s.kind === 'deploy-failed' || s.kind === 'verification-failed')
  if (failed.length) {
    score += 10
    evidence.push(...failed.slice(0, 2).map((s) => s.summary))
  }
  const pf = ctx.preflight[d.release]
  if (pf) {
    if (pf.decision === 'caution' || pf.decision === 'no-go') score += 10
    evidence.push(`preflight ${pf.decision}${pf.score === null ? '' : ` (score ${pf.score})`}: ${pf.summary}`)
    const serious = pf.findings.filter((f) => f.severity === 'critical' || f.severity === 'high')
    evidence.push(
      ...serious.slice(0, 3).map((f) => `${f.ruleId} (${f.severity}) ${f.file}:${f.line}: ${f.message}`),
    )
  }
  return {
    kind: 'recent-deploy',
    title: `The deploy of ${d.release} caused it`,
    score: Math.min(95, score),
    evidence,
    check: `rina review ${d.release}`,
  }
}

function configChange(i: IncidentDraft, ctx: HypothesisContext, deployed: boolean): Hypothesis | null {
  const start = Date.parse(i.startedAt)
  const windowMs = ctx.deployWindowMs ?? DEFAULT_DEPLOY_WINDOW_MS
  const near = ctx.configChanges.filter(
    (c) => Date.parse(c.at) <= start && start - Date.parse(c.at) <= windowMs,
  )
  if (!near.length) return null
  const last = near[near.length - 1]!
  const score = 40 + (start - Date.parse(last.at) <= 30 * 60_000 ? 15 : 0) + (deployed ? 0 : 10)
  return {
    kind: 'config-change',
    title: 'A configuration change caused it',
    score,
    evidence: near.map((c) => `${c.detail} (${ago(c.at, i.startedAt)} before the first signal)`),
    check: null,
  }
}

function probeHypotheses(i: IncidentDraft, ctx: HypothesisContext): Hypothesis[] {
  const out: Hypothesis[] = []
  const failing = ctx.probes.filter((p) => !p.lastOk)
  const down = i.signals.filter(hardDown)
  const connectionLogs = i.signals.filter((s) => s.template && CONNECTION.test(s.template.text))
  if (failing.length === 1 && ctx.probes.length >= 2 && CONNECTION.test(failing[0]!.lastDetail)) {
    const p = failing[0]!
    out.push({
      kind: 'external-dependency',
      title: `A dependency of ${p.service} is unreachable`,
      score: 45 + (connectionLogs.length ? 10 : 0),
      evidence: [
        `only ${p.service}/${p.probe} fails (1 of ${ctx.probes.length} probes): ${p.lastDetail}`,
        ...connectionLogs.slice(0, 2).map((s) => `log: ${quote(s)}`),
      ],
      check: `rina health-check ${i.env}`,
    })
  }
  if (down.length || failing.length) {
    const services = new Set(
      [...down.map((s) => s.service), ...failing.map((p) => p.service)].filter((s) => s),
    )
    const silent = i.signals.filter((s) => s.kind === 'silence' && services.has(s.service))
    const all = ctx.probes.length > 0 && failing.length === ctx.probes.length
    out.push({
      kind: 'service-down',
      title: `${[...services].join(', ') || 'The service'} stopped answering (process, host or network)`,
      score: 35 + (down.length ? 5 : 0) + (silent.length ? 15 : 0) + (all ? 10 : 0),
      evidence: [
        ...failing.map((p) => `${p.service}/${p.probe} failing: ${p.lastDetail}`),
        ...down
          .filter((s) => !failing.some((p) => p.service === s.service && p.probe === s.probe))
          .map((s) => s.summary),
        ...silent.map((s) => s.summary),
      ],
      check: `rina health-check ${i.env}`,
    })
  }
  return out
}

function loadSpike(i: IncidentDraft, ctx: HypothesisContext): Hypothesis | null {
  if (!ctx.traffic || ctx.traffic.before <= 0) return null
  const ratio = ctx.traffic.now / ctx.traffic.before
  if (ratio < 2) return null
  const slow = i.signals.filter((s) => s.kind === 'probe-failing' && s.counts.latencyMs !== undefined)
  return {
    kind: 'load-spike',
    title: 'A surge in traffic overloaded the service',
    score: 35 + (ratio >= 4 ? 20 : 10) + (slow.length ? 10 : 0),
    evidence: [
      `traffic ${ratio.toFixed(1)}× normal (${ctx.traffic.before} → ${ctx.traffic.now} requests/min)`,
      ...slow.slice(0, 2).map((s) => s.summary),
    ],
    check: null,
  }
}

function newError(i: IncidentDraft, deployed: boolean): Hypothesis | null {
  const fresh = i.signals.filter((s) => s.kind === 'new-template')
  if (deployed || !fresh.length) return null
  return {
    kind: 'new-error',
    title: 'A new failure in code or data, not tied to a deploy',
    score: 30 + Math.min(15, 5 * (fresh.length - 1)),
    evidence: fresh.slice(0, 3).map((s) => `first seen ${s.time}: ${quote(s)}`),
    check: null,
  }
}

export function rankHypotheses(incident: IncidentDraft, ctx: HypothesisContext): Hypothesis[] {
  const deploy = recentDeploy(incident, ctx)
  const list = [
    deploy,
    configChange(incident, ctx, deploy !== null),
    ...probeHypotheses(incident, ctx),
    loadSpike(incident, ctx),
    newError(incident, deploy !== null),
  ].filter((h) => h !== null)
  const order = (h: Hypothesis) => HYPOTHESIS_KINDS.indexOf(h.kind)
  return list.sort((a, b) => b.score - a.score || order(a) - order(b))
}
