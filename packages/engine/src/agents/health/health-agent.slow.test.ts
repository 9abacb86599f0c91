import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { agentActor } from '../../domain/actor.ts'
import type { JournalEvent } from '../../domain/events.ts'
import { createMemoryStore } from '../../store/memory/index.ts'
import { createSqliteStore } from '../../store/sqlite/index.ts'
import type { Store } from '../../store/types.ts'
import { minimalConfig, testContext } from '../../testing/context.ts'
import { countingIds } from '../../testing/fakes.ts'
import { startSwitchableServer } from '../../testing/switchable-server.ts'
import { createHealthAgent } from './health-agent.ts'

const dir = mkdtempSync(join(tmpdir(), 'rina-health-agent-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const stores: [string, () => Store][] = [
  ['memory', () => createMemoryStore(countingIds('evt').ids)],
  [
    'sqlite',
    () => createSqliteStore({ path: join(dir, `${Math.random()}.db`), ids: countingIds('evt').ids }),
  ],
]

async function fixture(store: Store) {
  const inner = createServer((_req, res) => res.writeHead(200).end('ok'))
  const target = await startSwitchableServer(inner)
  const probe = {
    name: 'health',
    type: 'http',
    url: `http://127.0.0.1:${target.port}/health`,
    interval: '1s',
  }
  const svc = { deploy: { type: 'command', deploy: 'true' }, probes: [probe] }
  const config = minimalConfig({
    environments: { staging: { services: {} }, production: { services: { api: svc } } },
  })
  const ctx = { ...testContext({ config, store }), actor: agentActor('health') }
  const agent = createHealthAgent({ random: () => 0 })
  /** One tick per second of fake time, waiting for the probes it started. */
  const tick = async (n = 1) => {
    for (let i = 0; i < n; i++) {
      await agent.onTick!(ctx.clock.now(), ctx)
      await agent.settled()
      ctx.clock.advance(1_000)
    }
  }
  return { ctx, agent, target, tick }
}

for (const [kind, create] of stores) {
  describe(`health agent (${kind} store)`, () => {
    it('journals health.changed once per flip when a real server goes down and comes back', async () => {
      const store = create()
      const { ctx, agent, target, tick } = await fixture(store)
      try {
        await tick(3)
        await target.set('down')
        await tick(5)
        await target.set('up')
        await tick(4)
        const changes = (await ctx.journal.query({
          types: ['health.changed'],
        })) as JournalEvent<'health.changed'>[]
        assert.deepEqual(
          changes.map((e) => ({ ...e.payload, detail: e.payload.healthy ? e.payload.detail : 'refused' })),
          [
            {
              env: 'production',
              service: 'api',
              probe: 'health',
              healthy: false,
              after: 3,
              detail: 'refused',
            },
            {
              env: 'production',
              service: 'api',
              probe: 'health',
              healthy: true,
              after: 2,
              detail: changes[1]!.payload.detail,
            },
          ],
        )
        assert.match(changes[0]!.payload.detail, /refused|ECONNREFUSED/i)
        assert.equal(changes[0]!.actor.id, 'health')
        assert.equal(changes[0]!.time, new Date(Date.parse('2026-01-05T10:00:05.000Z')).toISOString())
        assert.deepEqual(agent.health(), [
          { env: 'production', service: 'api', probe: 'health', healthy: true },
        ])
        const samples = await store.probes.samples({
          env: 'production',
          from: 0,
          to: Date.parse('2027-01-01'),
        })
        assert.deepEqual(samples.map((s) => (s.ok ? 'ok' : 'x')).join(''), 'okokokxxxxxokokokok')
      } finally {
        await agent.onStop!()
        await target.close()
        await store.close()
      }
    })

    it('rolls closed minutes up and prunes raw samples past retention when time moves on', async () => {
      const store = create()
      const { ctx, agent, target, tick } = await fixture(store)
      try {
        await tick(3)
        ctx.clock.advance(24 * 3_600_000 + 120_000)
        await tick(1)
        const all = { env: 'production', from: 0, to: Date.parse('2027-01-01') }
        const rollups = await store.probes.rollups(all)
        assert.deepEqual(
          rollups.map((r) => [new Date(r.minute).toISOString(), r.count, r.failures]),
          [['2026-01-05T10:00:00.000Z', 3, 0]],
        )
        assert.equal((await store.probes.samples(all)).length, 1, 'samples older than 24h are pruned')
      } finally {
        await agent.onStop!()
        await target.close()
        await store.close()
      }
    })
  })
}
