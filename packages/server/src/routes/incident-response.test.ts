/** @module The incident-response route: a person's trigger opens an incident with the declared type and severity. */
import assert from 'node:assert/strict'
import { afterEach, describe, it } from 'node:test'
import type { Harness } from '../testing/harness.ts'
import { harness } from '../testing/harness.ts'

let h: Harness
afterEach(() => h.close())

interface Answer {
  opened: boolean
  incident: { id: string; type: string; severity: string; env: string }
}

describe('incident-response route', () => {
  it('opens an incident of the declared type and severity when a deployer triggers it', async () => {
    h = await harness()
    const res = await h.call('POST', '/api/v1/incident-response', {
      token: h.tokens.deployer,
      body: { env: 'production', type: 'outage', severity: 'sev2' },
    })
    const body = (await res.json()) as Answer
    assert.equal(res.status, 201, JSON.stringify(body))
    assert.equal(body.opened, true)
    assert.deepEqual(
      [body.incident.type, body.incident.severity, body.incident.env],
      ['outage', 'SEV2', 'production'],
    )
    const opened = await h.ctx.journal.query({ types: ['incident.opened'] })
    assert.equal(opened.length, 1)
    assert.equal(opened[0]!.actor.id, 'deployer@example.com')
  })

  it('refuses an unknown environment with NOT_FOUND or USAGE, not a server error', async () => {
    h = await harness()
    const res = await h.call('POST', '/api/v1/incident-response', {
      token: h.tokens.deployer,
      body: { env: 'moon' },
    })
    assert.ok([400, 404].includes(res.status), String(res.status))
  })
})
