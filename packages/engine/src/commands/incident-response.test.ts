import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, it } from 'node:test'
import { isRinaError } from '../errors.ts'
import { tailLines } from './incident-logs.ts'
import { incidentResponse } from './incident-response.ts'
import type { IncidentFixture } from './incident-testing.ts'
import { incidentFixture } from './incident-testing.ts'

const healthyLog = Array.from({ length: 50 }, (_, i) => `INFO request ${i} served in ${i % 7}ms`)
const failingLog = [
  ...healthyLog,
  ...Array.from({ length: 20 }, (_, i) => `ERROR payment failed: upstream timeout after ${3000 + i}ms`),
]

describe('incidentResponse', () => {
  let f: IncidentFixture
  beforeEach(() => {
    f = incidentFixture()
  })
  afterEach(() => f.dispose())

  it('opens an incident from the failing probe, the log errors and the trigger, with a plan', async () => {
    f.down(true)
    f.writeLog(failingLog)
    const r = await incidentResponse(f.ctx, {})
    assert.equal(r.opened, true)
    assert.equal(r.health.healthy, false)
    assert.deepEqual(
      r.signals.map((s) => s.kind),
      ['probe-failing', 'error-rate', 'manual'],
    )
    assert.deepEqual(r.logs, [
      {
        name: 'production/api',
        service: 'api',
        path: 'logs/api.log',
        lines: 70,
        events: 70,
        errors: 20,
        error: null,
      },
    ])
    const i = r.incident
    assert.equal(i.env, 'production')
    assert.equal(i.type, 'outage')
    assert.equal(i.signals.length, 3)
    assert.ok(i.factors.some((x) => x.name === 'error-rate' && x.value === '29%'))
    assert.ok(i.hypotheses.some((h) => h.kind === 'service-down'))
    assert.equal(i.plan?.next?.command, `rina incident ack ${i.id}`)
    assert.equal(i.plan?.steps.find((s) => s.id === 'assess-health')?.status, 'done')
    assert.equal(i.plan?.rollback.ready, false)
    const types = (await f.ctx.journal.all()).map((e) => e.type)
    assert.deepEqual(types, ['health.checked', 'incident.opened'])
  })

  it('takes the declared type and severity of the person who triggers it', async () => {
    f.writeLog(healthyLog)
    const r = await incidentResponse(f.ctx, { type: 'security', severity: 'sev1' })
    assert.equal(r.incident.type, 'security')
    assert.equal(r.incident.severity, 'SEV1')
    assert.ok(r.incident.factors.some((x) => x.name === 'declared' && x.value === 'SEV1'))
    assert.deepEqual(
      r.signals.map((s) => s.kind),
      ['manual'],
    )
  })

  it('joins the open incident, adding only what is new, when a person triggers it again', async () => {
    f.down(true)
    const first = await incidentResponse(f.ctx, {})
    const updates = async () =>
      (await f.ctx.journal.all()).filter((e) => e.type === 'incident.updated').length
    f.ctx.clock.advance(60_000)
    const duplicate = await incidentResponse(f.ctx, {})
    assert.equal(duplicate.incident.id, first.incident.id)
    assert.equal(await updates(), 0)
    f.ctx.clock.advance(6 * 60_000)
    const second = await incidentResponse(f.ctx, {})
    assert.equal(second.opened, false)
    assert.equal(second.incident.id, first.incident.id)
    assert.equal(second.incident.signals.length, 4)
    assert.equal(await updates(), 1)
  })

  it('notes a log file it cannot read and carries on', async () => {
    const r = await incidentResponse(f.ctx, { env: 'production' })
    assert.equal(r.logs[0]!.error, 'ENOENT')
    assert.equal(r.opened, true)
  })

  it('refuses an unknown environment, type or severity', async () => {
    await assert.rejects(incidentResponse(f.ctx, { env: 'moon' }), (e) => isRinaError(e, 'NOT_FOUND'))
    await assert.rejects(incidentResponse(f.ctx, { type: 'meltdown' }), (e) => isRinaError(e, 'USAGE'))
    await assert.rejects(incidentResponse(f.ctx, { severity: 'SEV0' }), (e) => isRinaError(e, 'USAGE'))
    assert.equal((await f.ctx.journal.all()).length, 0)
  })
})

describe('tailLines', () => {
  let f: IncidentFixture
  beforeEach(() => {
    f = incidentFixture()
  })
  afterEach(() => f.dispose())

  it('returns the last lines of a file larger than one read chunk', async () => {
    const path = join(f.dir, 'big.log')
    const lines = Array.from({ length: 20_000 }, (_, i) => `line ${i} ${'é'.repeat(i % 13)}`)
    writeFileSync(path, `${lines.join('\n')}\n`)
    assert.deepEqual(await tailLines(path, 2_000), lines.slice(-2_000))
  })

  it('returns every line of a short file, the last one without a newline too', async () => {
    const path = join(f.dir, 'short.log')
    writeFileSync(path, 'a\nb\nc')
    assert.deepEqual(await tailLines(path, 2_000), ['a', 'b', 'c'])
  })
})
