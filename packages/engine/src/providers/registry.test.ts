/** @module The provider registry builds each provider from its config type and covers every type in the schema. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { providerSchema } from '../config/schema.ts'
import { createProvider, providers } from './registry.ts'

describe('createProvider', () => {
  it('builds the provider of each config type when given every kind', () => {
    const configs = [
      providerSchema.parse({ type: 'command', deploy: './deploy.sh' }),
      providerSchema.parse({ type: 'release-dir', root: '/srv/web', source: 'dist' }),
    ]
    for (const c of configs) assert.equal(createProvider(c, { configDir: '/tmp' }).type, c.type)
  })

  it('has exactly one factory per provider type in the config schema', () => {
    const types = providerSchema.options.map((o) => o.shape.type.value).sort()
    assert.deepEqual(Object.keys(providers).sort(), types)
  })
})
