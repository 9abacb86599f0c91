import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { probeSchema } from '../config/schema.ts'
import { probeFor, probes } from './registry.ts'

describe('probes registry', () => {
  it('registers one probe under each config type when the schema lists them', () => {
    const types = probeSchema.options.map((o) => o.shape.type.value)
    assert.deepEqual(Object.keys(probes).sort(), [...types].sort())
    for (const [type, probe] of Object.entries(probes)) assert.equal(probe.type, type)
  })

  it('finds the probe by the config type when asked for one', () => {
    const config = probeSchema.parse({ name: 'p', type: 'tcp', host: 'db', port: 5432 })
    assert.equal(probeFor(config), probes.tcp)
  })
})
