/**
 * @module The communication agent across restarts: each run is a new agent over a reopened SQLite file, so all it
 * knows of the runs before is what the journal says. With a fake clock, a new event after a restart waits out the
 * group interval of the send before it, and the open incident's repeat comes one repeat interval after the last
 * send although the agent that sent it is gone.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { agentActor } from '../../domain/actor.ts'
import type { EventDraft, EventPayloads, JournalEvent } from '../../domain/events.ts'
import { createSqliteStore } from '../../store/sqlite/index.ts'
import type { Store } from '../../store/types.ts'
import { minimalConfig, testContext } from '../../testing/context.ts'
import { countingIds, FakeClock } from '../../testing/fakes.ts'
import { startHttpReceiver, type HttpReceiver } from '../../testing/http-receiver.ts'
import { openedPayload, signal, t } from '../../testing/incident.ts'
import { createCommunicationAgent } from './communication-agent.ts'

const dir = mkdtempSync(join(tmpdir(), 'rina-communication-'))
let receiver: HttpReceiver
before(async () => {
  receiver = await startHttpReceiver()
})
after(async () => {
  await receiver.close()
  rmSync(dir, { recursive: true, force: true })
})

const S = 1_000
const H = 3_600 * S
const incidentAgent = agentActor('incident')

const opened = openedPayload()

const updated: EventPayloads['incident.updated'] = {
  incidentId: 'inc_1',
  env: 'production',
  signals: [signal({ service: 'worker' })],
  assessed: 'SEV2',
  factors: [],
  hypotheses: [],
  type: 'outage',
  title: 'Outage in production: api, worker',
  services: ['api', 'worker'],
  release: null,
  startedAt: t(0),
}

describe('communication agent across restarts', () => {
  it('keeps the group interval and the repeat of an open incident when the agent is re-created', async () => {
    const config = minimalConfig({
      notifications: {
        channels: { slack: { type: 'slack', webhookUrl: `${receiver.url}/slack/T000/B000/XXXX` } },
        routes: [{ events: ['incident.*'], channels: ['slack'] }],
      },
    })
    const path = join(dir, 'state.db')
    const clock = new FakeClock()
    const t0 = clock.now().getTime()
    /** Shared by every run, as random ids would be: no event or notification id comes twice. */
    const ids = countingIds('evt')
    let store: Store | null = null

    /** A fresh process: the store reopened from its file and a new agent that has seen nothing yet. */
    const run = async () => {
      await store?.close()
      store = createSqliteStore({ path, ids: ids.ids })
      const ctx = { ...testContext({ config, store, clock }), ids, actor: agentActor('communication') }
      const agent = createCommunicationAgent({ random: () => 0.5 })
      return {
        at: async (ms: number) => {
          clock.set(t0 + ms)
          await agent.onTick!(clock.now(), ctx)
          return receiver.requests.length
        },
        append: async <T extends 'incident.opened' | 'incident.updated'>(
          type: T,
          payload: EventPayloads[T],
        ) => {
          const draft = { type, actor: incidentAgent, reason: null, payload } as EventDraft
          const [e] = await ctx.journal.append([draft])
          await agent.onEvent!(e as JournalEvent, ctx)
        },
        titles: async () =>
          (
            (await ctx.journal.query({
              types: ['notification.requested'],
            })) as JournalEvent<'notification.requested'>[]
          ).map((e) => [e.payload.title, e.payload.group]),
      }
    }

    try {
      const first = await run()
      await first.append('incident.opened', opened)
      assert.equal(await first.at(9 * S), 0, 'nothing before groupWait')
      assert.equal(await first.at(10 * S), 1, 'the opening is sent after groupWait')

      const second = await run()
      clock.set(t0 + 25 * S)
      await second.append('incident.updated', updated)
      assert.equal(await second.at(35 * S), 1, 'no send a groupWait after the update: the group sent at 10 s')
      assert.equal(await second.at(69 * S), 1, 'nor before groupInterval has passed since that send')
      assert.equal(await second.at(70 * S), 2, 'the update is sent once groupInterval has passed')

      const third = await run()
      assert.equal(await third.at(H), 2)
      assert.equal(await third.at(70 * S + 4 * H - 1), 2, 'no repeat before repeatInterval')
      assert.equal(await third.at(70 * S + 4 * H), 3, 'the repeat comes repeatInterval after the last send')
      assert.equal(await third.at(70 * S + 8 * H - 1), 3)

      const fourth = await run()
      assert.equal(await fourth.at(70 * S + 8 * H), 4, 'and goes on every repeatInterval')

      await receiver.waitForRequests(4)
      const group = '0|production|incident'
      assert.deepEqual(await fourth.titles(), [
        ['SEV2 incident opened in production: Outage in production: api', group],
        ['SEV2 incident updated in production: Outage in production: api, worker', group],
        ['Still open: SEV2 incident updated in production: Outage in production: api, worker', group],
        ['Still open: SEV2 incident updated in production: Outage in production: api, worker', group],
      ])
    } finally {
      await (store as Store | null)?.close()
    }
  })
})
