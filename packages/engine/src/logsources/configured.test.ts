import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isRinaError } from '../errors.ts'
import { minimalConfig } from '../testing/context.ts'
import { configuredSources } from './configured.ts'

const config = () => {
  const deploy = { type: 'command', deploy: 'true' }
  return minimalConfig({
    environments: {
      staging: {
        services: {
          api: {
            deploy,
            logs: [
              { type: 'file', path: 'api.log' },
              { type: 'command', run: 'journalctl -f -u api' },
            ],
          },
          web: { deploy, logs: [{ type: 'file', path: '/var/log/web.log' }] },
          worker: { deploy },
        },
      },
      production: { services: { api: { deploy } } },
    },
  })
}

describe('configuredSources', () => {
  it('names each source env/service, numbering a service that has several, when listing an environment', () => {
    const list = configuredSources(config(), 'staging', undefined, { baseDir: '/srv' })
    assert.deepEqual(
      list.map((s) => [s.name, s.source.type]),
      [
        ['staging/api#1', 'file'],
        ['staging/api#2', 'command'],
        ['staging/web', 'file'],
      ],
    )
  })

  it('lists only the named service when one is given', () => {
    assert.deepEqual(
      configuredSources(config(), 'staging', 'web').map((s) => s.name),
      ['staging/web'],
    )
  })

  it('fails with NOT_FOUND naming the choices when the environment or service does not exist', () => {
    assert.throws(
      () => configuredSources(config(), 'qa', undefined),
      (e) => isRinaError(e, 'NOT_FOUND') && /staging, production/.test(e.hint ?? ''),
    )
    assert.throws(
      () => configuredSources(config(), 'staging', 'db'),
      (e) => isRinaError(e, 'NOT_FOUND') && /api, web, worker/.test(e.hint ?? ''),
    )
  })
})
