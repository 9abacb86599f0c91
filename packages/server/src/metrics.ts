/**
 * @module Prometheus metrics of the tool itself (prom-client, one registry per app): deploys and their durations,
 * probe latency and results, incidents, outbox depth, journal size, HTTP requests and event-stream clients. They are
 * folded from journal events (history first, then live from the bus), so restarts keep the totals.
 */
import type { JournalEvent, OutboxStore, ProbeSummary } from '@rinawarp/engine'
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

export interface MetricsSnapshot {
  at: string
  journal: { seq: number }
  deploys: {
    running: number
    succeeded: number
    failed: number
    interrupted: number
    lastDurationMs: number | null
  }
  incidents: number
  outbox: { pending: number; dead: number }
  streams: number
  http: { requests: number }
}

type Outcome = 'succeeded' | 'failed' | 'interrupted'

export class ApiMetrics {
  readonly registry = new Registry()
  private readonly outbox: OutboxStore
  private readonly tally = { succeeded: 0, failed: 0, interrupted: 0, incidents: 0, requests: 0 }
  private readonly runningRuns = new Set<string>()
  private lastDurationMs: number | null = null
  private seq = 0
  private streams = 0
  private readonly deploys: Counter<'env' | 'kind' | 'outcome'>
  private readonly durations: Histogram<'env' | 'kind' | 'outcome'>
  private readonly probeLatency: Gauge<'env' | 'service' | 'probe' | 'stat'>
  private readonly probeResults: Counter<'env' | 'service' | 'probe' | 'result'>
  private readonly incidents: Counter<'type'>
  private readonly requests: Counter<'method' | 'route' | 'status'>
  private readonly requestSeconds: Histogram<'method' | 'route'>

  constructor(opts: { outbox: OutboxStore; defaultMetrics?: boolean }) {
    this.outbox = opts.outbox
    const registers = [this.registry]
    if (opts.defaultMetrics !== false)
      collectDefaultMetrics({ register: this.registry, prefix: 'rina_process_' })
    this.deploys = new Counter({
      name: 'rina_deploys_total',
      help: 'Finished deploy and rollback runs by outcome',
      labelNames: ['env', 'kind', 'outcome'],
      registers,
    })
    this.durations = new Histogram({
      name: 'rina_deploy_duration_seconds',
      help: 'Duration of finished deploy and rollback runs',
      labelNames: ['env', 'kind', 'outcome'],
      buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1800],
      registers,
    })
    this.probeLatency = new Gauge({
      name: 'rina_probe_latency_seconds',
      help: 'Latest probe latency (p50 and max over the last check, gate or soak)',
      labelNames: ['env', 'service', 'probe', 'stat'],
      registers,
    })
    this.probeResults = new Counter({
      name: 'rina_probe_results_total',
      help: 'Probe observations by result',
      labelNames: ['env', 'service', 'probe', 'result'],
      registers,
    })
    this.incidents = new Counter({
      name: 'rina_incidents_total',
      help: 'Incident events by type',
      labelNames: ['type'],
      registers,
    })
    const outbox = this.outbox
    new Gauge({
      name: 'rina_outbox_depth',
      help: 'Notifications waiting in the outbox (pending) or dead-lettered',
      labelNames: ['status'],
      registers,
      async collect() {
        const [pending, dead] = await Promise.all([
          outbox.list({ status: 'pending' }),
          outbox.list({ status: 'dead' }),
        ])
        this.set({ status: 'pending' }, pending.length)
        this.set({ status: 'dead' }, dead.length)
      },
    })
    const seq = () => this.seq
    const streams = () => this.streams
    const running = () => this.runningRuns.size
    new Gauge({
      name: 'rina_journal_events',
      help: 'Events in the journal (the head sequence)',
      registers,
      collect() {
        this.set(seq())
      },
    })
    new Gauge({
      name: 'rina_event_streams',
      help: 'Open event-stream (SSE) clients',
      registers,
      collect() {
        this.set(streams())
      },
    })
    this.requests = new Counter({
      name: 'rina_http_requests_total',
      help: 'API requests by route and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    })
    this.requestSeconds = new Histogram({
      name: 'rina_http_request_duration_seconds',
      help: 'API request handling time',
      labelNames: ['method', 'route'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
      registers,
    })
    new Gauge({
      name: 'rina_deploys_running',
      help: 'Runs started and not yet finished',
      registers,
      collect() {
        this.set(running())
      },
    })
  }

  /** Folds one journal event into the metrics. */
  observe(e: JournalEvent): void {
    this.seq = Math.max(this.seq, e.seq)
    const p = e.payload as { env?: string; runId?: string; kind?: string; durationMs?: number }
    if (e.type === 'deploy.started') this.runningRuns.add(p.runId!)
    else if (e.type === 'deploy.succeeded' || e.type === 'deploy.failed' || e.type === 'deploy.interrupted') {
      const outcome = e.type.slice('deploy.'.length) as Outcome
      this.runningRuns.delete(p.runId!)
      const labels = { env: p.env!, kind: p.kind ?? 'deploy', outcome }
      this.deploys.inc(labels)
      this.tally[outcome]++
      if (typeof p.durationMs === 'number') {
        this.durations.observe(labels, p.durationMs / 1000)
        this.lastDurationMs = p.durationMs
      }
    } else if (e.type === 'health.checked' || e.type === 'health.gate_completed') {
      for (const s of (e.payload as { probes: ProbeSummary[] }).probes) this.probe(p.env!, s)
    } else if (e.type.startsWith('incident.')) {
      this.incidents.inc({ type: e.type })
      this.tally.incidents++
    }
  }

  private probe(env: string, s: ProbeSummary): void {
    const base = { env, service: s.service, probe: s.probe }
    this.probeLatency.set({ ...base, stat: 'p50' }, s.latencyMs.p50 / 1000)
    this.probeLatency.set({ ...base, stat: 'max' }, s.latencyMs.max / 1000)
    if (s.passes) this.probeResults.inc({ ...base, result: 'pass' }, s.passes)
    if (s.failures) this.probeResults.inc({ ...base, result: 'fail' }, s.failures)
  }

  request(method: string, route: string, status: number, seconds: number): void {
    this.tally.requests++
    this.requests.inc({ method, route, status: String(status) })
    this.requestSeconds.observe({ method, route }, seconds)
  }

  streamOpened(): void {
    this.streams++
  }

  streamClosed(): void {
    this.streams--
  }

  async snapshot(now: Date): Promise<MetricsSnapshot> {
    const [pending, dead] = await Promise.all([
      this.outbox.list({ status: 'pending' }),
      this.outbox.list({ status: 'dead' }),
    ])
    return {
      at: now.toISOString(),
      journal: { seq: this.seq },
      deploys: {
        running: this.runningRuns.size,
        succeeded: this.tally.succeeded,
        failed: this.tally.failed,
        interrupted: this.tally.interrupted,
        lastDurationMs: this.lastDurationMs,
      },
      incidents: this.tally.incidents,
      outbox: { pending: pending.length, dead: dead.length },
      streams: this.streams,
      http: { requests: this.tally.requests },
    }
  }
}
