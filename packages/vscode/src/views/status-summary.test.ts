/** @module Status bar words: production's freeze and the health over every checked environment. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { EnvStatus } from '../api/types.ts'
import { statusSummary } from './status-summary.ts'

const env = (name: string, o: { frozen?: boolean; healthy?: boolean | null } = {}): EnvStatus => ({
  env: name,
  current: '1.0.0',
  previous: null,
  lock: null,
  freeze: {
    env: name,
    frozen: o.frozen ?? false,
    manual: o.frozen
      ? { by: { id: 'ana' }, reason: 'launch', since: '2026-01-01T00:00:00Z', until: null }
      : null,
    activeWindows: [],
  },
  health:
    o.healthy === null || o.healthy === undefined
      ? null
      : { at: '2026-01-01T00:00:00Z', healthy: o.healthy, probes: [], source: 'check' },
})

describe('statusSummary', () => {
  const scenarios: { name: string; envs: EnvStatus[]; text: string; tone: string }[] = [
    {
      name: 'nothing was checked',
      envs: [env('staging'), env('production')],
      text: '$(unlock) production open $(question) unknown',
      tone: 'normal',
    },
    {
      name: 'all are healthy',
      envs: [env('staging', { healthy: true }), env('production', { healthy: true })],
      text: '$(unlock) production open $(pass) healthy',
      tone: 'normal',
    },
    {
      name: 'production is frozen',
      envs: [env('production', { frozen: true, healthy: true })],
      text: '$(lock) production frozen $(pass) healthy',
      tone: 'warning',
    },
    {
      name: 'staging is unhealthy',
      envs: [env('staging', { healthy: false }), env('production', { healthy: true })],
      text: '$(unlock) production open $(error) unhealthy',
      tone: 'error',
    },
  ]
  for (const s of scenarios) {
    it(`reads "${s.text}" when ${s.name}`, () => {
      const out = statusSummary(s.envs, 'production')
      assert.deepEqual([out.text, out.tone], [s.text, s.tone])
    })
  }

  it('names the freeze reason in the tooltip when production is frozen', () => {
    assert.match(
      statusSummary([env('production', { frozen: true })], 'production').tooltip,
      /frozen \(launch\)/,
    )
  })
})
