import assert from 'node:assert/strict'
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import type { Signal } from '../../analysis/incident/types.ts'
import { agentActor } from '../../domain/actor.ts'
import type { JournalEvent } from '../../domain/events.ts'
import { minimalConfig, testContext } from '../../testing/context.ts'
import { waitFor } from '../../testing/wait-for.ts'
import type { RecordSignals } from '../record-signals.ts'
import { createLogsAgent } from './logs-agent.ts'

const dir = mkdtempSync(join(tmpdir(), 'rina-logs-agent-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const at = (minutesFrom10: number) =>
  new Date(Date.parse('2026-01-05T10:00:00.000Z') + minutesFrom10 * 60_000)

/** `2026-01-05 09:45:00.000`, the header shape the analyzer reads a time from. */
const stamp = (minutesFrom10: number) => at(minutesFrom10).toISOString().replace('T', ' ').replace('Z', '')

describe('logs agent', () => {
  it('journals a new error template after a release with redacted examples and feeds incident correlation', async () => {
    const file = join(dir, 'api.log')
    const history = Array.from(
      { length: 30 },
      (_, i) => `${stamp(-15 + i * 0.5)} INFO GET /orders/${i} 200 in ${10 + i} ms`,
    )
    writeFileSync(file, `${history.join('\n')}\n`)
    const svc = {
      deploy: { type: 'command', deploy: 'true' },
      logs: [{ type: 'file', path: file, from: 'start' }],
    }
    const config = minimalConfig({
      environments: { staging: { services: {} }, production: { services: { api: svc } } },
    })
    const secret = 'hunter2-swordfish'
    const ctx = { ...testContext({ config, secrets: [secret] }), actor: agentActor('logs') }
    const recorded: Signal[][] = []
    const recordSignals: RecordSignals = async (c, signals) => {
      assert.equal(c.actor.id, 'logs')
      recorded.push(signals)
      return { opened: [], updated: [] }
    }
    const agent = createLogsAgent({ recordSignals })
    try {
      await agent.onTick!(ctx.clock.now(), ctx)
      assert.deepEqual(
        agent.sources().map((s) => s.name),
        ['production/api'],
      )
      await waitFor(() => agent.linesRead() === 30)
      const deployed = await ctx.journal.appendOne({
        type: 'deploy.succeeded',
        actor: { kind: 'human', id: 'ana' },
        reason: null,
        payload: { runId: 'run_1', env: 'production', release: '1.4.2', kind: 'deploy', durationMs: 1000 },
      })
      await agent.onEvent!(deployed as JournalEvent, ctx)
      appendFileSync(
        file,
        `${stamp(0.5)} ERROR payment failed for order 991: upstream said ${secret}\n` +
          `${stamp(0.6)} INFO GET /orders/31 200 in 12 ms\n`,
      )
      await waitFor(() => agent.linesRead() === 32)
      await agent.onTick!(at(1), ctx)
      await agent.onTick!(at(1), ctx)
      await agent.settled()

      const events = (await ctx.journal.query({ types: ['logs.signal'] })) as JournalEvent<'logs.signal'>[]
      assert.equal(events.length, 1)
      const p = events[0]!.payload
      assert.equal(p.kind, 'new-template')
      assert.equal(p.release, '1.4.2')
      assert.equal(p.service, 'api')
      assert.equal(p.severity, 'error')
      assert.match(p.summary, /^production\/api: new error ".*payment failed.*" since 1\.4\.2$/)
      assert.equal(JSON.stringify(events).includes(secret), false)
      assert.equal(events[0]!.actor.id, 'logs')

      const kinds = recorded.flat().map((s) => [s.kind, s.env, s.service, s.release])
      assert.deepEqual(kinds, [['new-template', 'production', 'api', '1.4.2']])
      assert.equal(JSON.stringify(recorded).includes(secret), false)

      const counts = agent.errors.between('production', at(0).getTime(), at(2).getTime())
      assert.deepEqual(
        counts.map((c) => c.count),
        [1],
      )
    } finally {
      await agent.onStop!()
    }
  })
})
