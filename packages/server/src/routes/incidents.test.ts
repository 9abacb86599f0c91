/**
 * @module Incident routes through app.request(): list and show with plan, rollback and timeline; acknowledge,
 * escalate and resolve journaled with the caller as the person and the reason; refusals as errors with codes.
 */
import type { IncidentSignal } from '@rinawarp/engine'
import { recordSignals } from '@rinawarp/engine'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, it } from 'node:test'
import type { Harness } from '../testing/harness.ts'
import { harness } from '../testing/harness.ts'

let h: Harness
const dirs: string[] = []
afterEach(async () => {
  await h.close()
  assert.deepEqual(h.errors, [])
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

const json = async <T>(res: Response, status = 200): Promise<T> => {
  const body = (await res.json()) as T
  assert.equal(res.status, status, JSON.stringify(body))
  return body
}

async function openIncident(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'rina-incidents-'))
  dirs.push(dir)
  h = await harness()
  Object.assign(h.ctx, { configDir: dir })
  const signal: IncidentSignal = {
    kind: 'probe-failing',
    env: 'production',
    service: 'api',
    probe: 'health',
    time: h.ctx.clock.now().toISOString(),
    summary: 'api/health failed 3 of 3 checks: connect ECONNREFUSED',
    evidence: [],
    counts: { failures: 3, checks: 3 },
  }
  const { opened } = await recordSignals(h.ctx, [signal])
  assert.equal(opened.length, 1)
  return opened[0]!
}

describe('incident routes', () => {
  it('lists and shows an incident with its severity, plan, rollback and timeline when one is open', async () => {
    const id = await openIncident()
    const { incidents } = await json<{ incidents: { id: string; severity: string; status: string }[] }>(
      await h.call('GET', '/api/v1/incidents', { token: h.tokens.viewer }),
    )
    assert.deepEqual(
      incidents.map((i) => [i.id, i.status]),
      [[id, 'open']],
    )
    const view = await json<{
      severity: string
      plan: { steps: unknown[]; rollback: unknown }
      timeline: unknown[]
    }>(await h.call('GET', `/api/v1/incidents/${id}`, { token: h.tokens.viewer }))
    assert.match(view.severity, /^SEV[1-4]$/)
    assert.ok(view.plan.steps.length > 0)
    assert.ok(view.plan.rollback)
    assert.ok(view.timeline.length > 0)
  })

  it('journals acknowledge, escalate and resolve with the caller and the reason when a person acts', async () => {
    const id = await openIncident()
    const t = h.tokens.deployer
    const ack = await json<{ changed: boolean }>(
      await h.call('POST', `/api/v1/incidents/${id}/ack`, { token: t, body: {} }),
    )
    assert.equal(ack.changed, true)
    const esc = await json<{ to: string }>(
      await h.call('POST', `/api/v1/incidents/${id}/escalate`, {
        token: t,
        body: { severity: 'SEV1', reason: 'checkout is down for everyone' },
      }),
    )
    assert.equal(esc.to, 'SEV1')
    const res = await json<{ postmortemPath: string }>(
      await h.call('POST', `/api/v1/incidents/${id}/resolve`, {
        token: t,
        body: { reason: 'rolled back, healthy' },
      }),
    )
    assert.match(res.postmortemPath, /^\.rina\/postmortems\//)
    const events = await h.ctx.journal.query({
      types: ['incident.acknowledged', 'incident.escalated', 'incident.resolved'],
    })
    assert.deepEqual(
      events.map((e) => [e.type, e.actor.id, e.type === 'incident.acknowledged' ? null : e.reason]),
      [
        ['incident.acknowledged', 'deployer@example.com', null],
        ['incident.escalated', 'deployer@example.com', 'checkout is down for everyone'],
        ['incident.resolved', 'deployer@example.com', 'rolled back, healthy'],
      ],
    )
    const all = await json<{ incidents: { status: string }[] }>(
      await h.call('GET', '/api/v1/incidents?all=true'),
    )
    assert.deepEqual(
      all.incidents.map((i) => i.status),
      ['resolved'],
    )
    assert.deepEqual(
      (await json<{ incidents: unknown[] }>(await h.call('GET', '/api/v1/incidents'))).incidents,
      [],
    )
  })

  it('answers 404 when the incident does not exist and 403 when a resolved one is acted on', async () => {
    const id = await openIncident()
    const missing = await json<{ error: { code: string } }>(
      await h.call('GET', '/api/v1/incidents/inc_nope'),
      404,
    )
    assert.equal(missing.error.code, 'NOT_FOUND')
    await json(await h.call('POST', `/api/v1/incidents/${id}/resolve`, { body: { reason: 'false alarm' } }))
    const again = await h.call('POST', `/api/v1/incidents/${id}/ack`, { body: {} })
    assert.equal(again.status, 403)
    assert.equal(((await again.json()) as { error: { code: string } }).error.code, 'GATE_DENIED')
  })
})
