import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { logSourceSchema } from '../config/schema.ts'
import { createLogSource, logSources } from './registry.ts'

describe('logSources', () => {
  it('builds a source of the configured type for every type the config accepts', () => {
    const configs = [
      { type: 'file', path: 'app.log' },
      { type: 'command', run: 'journalctl -f -u api' },
      { type: 'http-ingest', token: 'a-token-of-enough-length' },
    ].map((c) => logSourceSchema.parse(c))
    assert.deepEqual(Object.keys(logSources).sort(), configs.map((c) => c.type).sort())
    for (const c of configs) assert.equal(createLogSource(c, { name: 'x' }).type, c.type)
  })

  it('rejects a mask whose pattern is not a regular expression when parsing config', () => {
    const bad = logSourceSchema.safeParse({
      type: 'file',
      path: 'a.log',
      masks: [{ name: 'x', pattern: '(' }],
    })
    assert.equal(bad.success, false)
    const good = logSourceSchema.parse({
      type: 'file',
      path: 'a.log',
      masks: [{ name: 'order', pattern: 'ord-[a-z0-9]+' }],
    })
    assert.deepEqual(good.masks, [{ name: 'order', pattern: 'ord-[a-z0-9]+' }])
  })
})
