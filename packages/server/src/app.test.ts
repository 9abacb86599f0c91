/**
 * @module Happy paths through app.request(): the caller is the journal's actor, status and freeze, audit list and
 * verify, notifications queued and delivered by the outbox runtime, health history, metrics and the OpenAPI document.
 */
import assert from 'node:assert/strict'
import { afterEach, describe, it } from 'node:test'
import { waitFor } from '@rinawarp/engine/testing'
import { outboxDelivery } from './runtime.ts'
import { ROUTES } from './routes/index.ts'
import type { Harness } from './testing/harness.ts'
import { harness } from './testing/harness.ts'

let h: Harness
afterEach(async () => {
  await h.close()
  assert.deepEqual(h.errors, [])
})

const json = async <T = Record<string, unknown>>(res: Response, status = 200): Promise<T> => {
  const body = (await res.json()) as T
  assert.equal(res.status, status, JSON.stringify(body))
  return body
}

describe('api app', () => {
  it('journals the token user as the human actor when a caller freezes and unfreezes', async () => {
    h = await harness()
    const t = h.tokens.deployer
    const on = await json<{ frozen: { env: string; changed: boolean }[] }>(
      await h.call('POST', '/api/v1/freeze/enable', {
        token: t,
        body: { env: 'production', reason: 'incident 7' },
      }),
    )
    assert.deepEqual(
      on.frozen.map((c) => [c.env, c.changed]),
      [['production', true]],
    )
    const status = await json<{ environments: { env: string; frozen: boolean }[] }>(
      await h.call('GET', '/api/v1/freeze?env=production', { token: h.tokens.viewer }),
    )
    assert.equal(status.environments[0]!.frozen, true)
    await json(
      await h.call('POST', '/api/v1/freeze/disable', { token: t, body: { reason: 'incident 7 over' } }),
    )
    const events = await h.ctx.journal.query({ types: ['freeze.*'] })
    assert.deepEqual(
      events.map((e) => [e.type, e.actor.kind, e.actor.id, e.reason]),
      [
        ['freeze.enabled', 'human', 'deployer@example.com', 'incident 7'],
        ['freeze.disabled', 'human', 'deployer@example.com', 'incident 7 over'],
      ],
    )
  })

  it('answers 409 ENV_FROZEN with the gate reasons when a deploy meets a freeze', async () => {
    h = await harness()
    await h.call('POST', '/api/v1/freeze/enable', { body: { env: 'staging', reason: 'incident 7' } })
    const res = await h.call('POST', '/api/v1/deploys', { body: { env: 'staging', release: '1.0.0' } })
    const body = await json<{ error: { code: string; details: { gate: string }[] } }>(res, 409)
    assert.equal(body.error.code, 'ENV_FROZEN')
    assert.equal(body.error.details[0]!.gate, 'freeze')
  })

  it('lists every environment when status is asked and one when an environment is named', async () => {
    h = await harness()
    const all = await json<{ environments: { env: string }[] }>(await h.call('GET', '/api/v1/status'))
    assert.deepEqual(
      all.environments.map((e) => e.env),
      ['staging', 'production'],
    )
    const one = await json<{ env: string }>(await h.call('GET', '/api/v1/environments/production'))
    assert.equal(one.env, 'production')
    const missing = await json<{ error: { code: string } }>(
      await h.call('GET', '/api/v1/environments/qa'),
      404,
    )
    assert.equal(missing.error.code, 'NOT_FOUND')
  })

  it('filters audit events and verifies the chain up to the anchor', async () => {
    h = await harness()
    await h.call('POST', '/api/v1/freeze/enable', { body: { env: 'staging', reason: 'incident 7' } })
    const { events } = await json<{ events: { type: string }[] }>(
      await h.call('GET', '/api/v1/audit/events?types=freeze.*,token.*&limit=2'),
    )
    assert.deepEqual(
      events.map((e) => e.type),
      ['token.created', 'freeze.enabled'],
    )
    const anchor = await json<{ seq: number; hash: string }>(await h.call('GET', '/api/v1/audit/anchor'))
    const report = await json<{ ok: boolean; verified: number; anchor: { seq: number } }>(
      await h.call('GET', `/api/v1/audit/verify?anchor=${anchor.hash}`),
    )
    assert.equal(report.ok, true)
    assert.equal(report.verified, anchor.seq)
    assert.equal(report.anchor.seq, anchor.seq)
  })

  it('queues a notification with 202 and the outbox runtime delivers it', async () => {
    h = await harness({ runtime: [outboxDelivery({ everyMs: 60_000 })] })
    const out = await json<{ notificationId: string; channels: string[] }>(
      await h.call('POST', '/api/v1/notifications', {
        token: h.tokens.deployer,
        body: { text: 'deploy at noon', severity: 'warning' },
      }),
      202,
    )
    assert.deepEqual(out.channels, ['ops'])
    await waitFor(async () => (await h.ctx.journal.query({ types: ['notification.delivered'] })).length === 1)
    const box = await json<{ delivered: { channel: string }[] }>(await h.call('GET', '/api/v1/notifications'))
    assert.deepEqual(
      box.delivered.map((d) => d.channel),
      ['ops'],
    )
  })

  it('answers 404 when a notification names a channel that is not configured', async () => {
    h = await harness()
    const res = await h.call('POST', '/api/v1/notifications', { body: { text: 'hi', channels: ['pager'] } })
    assert.equal((await json<{ error: { code: string } }>(res, 404)).error.code, 'NOT_FOUND')
  })

  it('journals a health check and shows it in the history when probes run', async () => {
    h = await harness()
    const check = await json<{ environments: { env: string; healthy: boolean }[] }>(
      await h.call('POST', '/api/v1/health/check', { body: { env: 'staging' } }),
    )
    assert.deepEqual(
      check.environments.map((e) => [e.env, e.healthy]),
      [['staging', true]],
    )
    const history = await json<{ events: { type: string }[] }>(
      await h.call('GET', '/api/v1/health/history?env=staging'),
    )
    assert.deepEqual(
      history.events.map((e) => e.type),
      ['health.checked'],
    )
  })

  it('exposes deploy, journal and request metrics as Prometheus text and JSON', async () => {
    h = await harness()
    await h.call('POST', '/api/v1/freeze/enable', { body: { env: 'staging', reason: 'incident 7' } })
    const res = await h.call('GET', '/metrics', { token: h.tokens.viewer })
    assert.match(res.headers.get('content-type') ?? '', /text\/plain/)
    const text = await res.text()
    for (const name of [
      'rina_deploys_total',
      'rina_deploy_duration_seconds',
      'rina_probe_latency_seconds',
      'rina_probe_results_total',
      'rina_incidents_total',
      'rina_outbox_depth',
      'rina_journal_events',
      'rina_http_requests_total',
    ]) {
      assert.match(text, new RegExp(`# TYPE ${name} `), name)
    }
    const seq = (await h.ctx.store.journal.head()).seq
    assert.match(text, new RegExp(`^rina_journal_events ${seq}$`, 'm'))
    assert.match(
      text,
      /rina_http_requests_total\{method="POST",route="\/api\/v1\/freeze\/enable",status="200"\} 1/,
    )
    const snap = await json<{ journal: { seq: number } }>(await h.call('GET', '/api/v1/metrics'))
    assert.equal(snap.journal.seq, seq)
  })

  it('documents every route in the OpenAPI document with its inputs, answers and security', async () => {
    h = await harness()
    const doc = await json<{
      openapi: string
      paths: Record<
        string,
        Record<string, { parameters: { name: string }[]; requestBody?: unknown; security?: [] }>
      >
    }>(await h.call('GET', '/api/openapi.json', { token: h.tokens.viewer }))
    assert.equal(doc.openapi, '3.1.0')
    for (const r of ROUTES) {
      const op = doc.paths[r.path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[r.method.toLowerCase()]
      assert.ok(op, `${r.method} ${r.path} is documented`)
      assert.equal(Boolean(op.requestBody), Boolean(r.body), `${r.method} ${r.path} body`)
      const names = [...Object.keys(r.params?.shape ?? {}), ...Object.keys(r.query?.shape ?? {})]
      assert.deepEqual(
        op.parameters.map((p) => p.name),
        names,
      )
      if (!r.auth) assert.deepEqual(op.security, [])
    }
    const enable = doc.paths['/api/v1/freeze/enable']!.post as unknown as {
      requestBody: { content: { 'application/json': { schema: { required: string[] } } } }
    }
    assert.deepEqual(enable.requestBody.content['application/json'].schema.required, ['reason'])
  })

  it('answers 401 for an unknown path without a token and 404 with one', async () => {
    h = await harness()
    assert.equal((await h.call('GET', '/api/v1/nothing', { token: null })).status, 401)
    assert.equal((await h.call('GET', '/api/v1/nothing')).status, 404)
  })
})
