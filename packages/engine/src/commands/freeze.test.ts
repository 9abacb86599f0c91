import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { agentActor } from '../domain/actor.ts'
import { isRinaError } from '../errors.ts'
import { freezeGate } from '../gates/freeze.ts'
import { minimalConfig, testContext } from '../testing/context.ts'
import { disableFreeze, enableFreeze, freezeStatus, parseUntil } from './freeze.ts'

describe('freeze commands', () => {
  it('records who froze, why and until when when a human enables a freeze', async () => {
    const ctx = testContext()
    await enableFreeze(ctx, { envs: ['production'], reason: 'incident 42', until: '2h' })
    const [s] = await freezeStatus(ctx, ['production'])
    assert.equal(s?.frozen, true)
    assert.equal(s?.manual?.by.id, 'ana@example.com')
    assert.equal(s?.manual?.reason, 'incident 42')
    assert.equal(s?.manual?.until, '2026-01-05T12:00:00.000Z')
    const events = await ctx.journal.all()
    assert.deepEqual(
      events.map((e) => e.type),
      ['freeze.enabled'],
    )
  })

  it('refuses an agent that tries to freeze', async () => {
    const ctx = testContext({ actor: agentActor('incident-response') })
    await assert.rejects(enableFreeze(ctx, { envs: ['production'], reason: 'errors spiking' }), (e) =>
      isRinaError(e, 'GATE_DENIED'),
    )
    assert.equal((await ctx.journal.all()).length, 0)
  })

  it('refuses to freeze or unfreeze without a reason', async () => {
    const ctx = testContext()
    await assert.rejects(enableFreeze(ctx, { envs: ['production'], reason: undefined }), /needs a reason/)
    await enableFreeze(ctx, { envs: ['production'], reason: 'incident' })
    await assert.rejects(disableFreeze(ctx, { envs: ['production'], reason: ' ' }), /needs a reason/)
  })

  it('lifts an expired freeze itself with a journaled system event', async () => {
    const ctx = testContext()
    await enableFreeze(ctx, { envs: ['production'], reason: 'maintenance', until: '30m' })
    ctx.clock.advance(31 * 60_000)
    const [s] = await freezeStatus(ctx, ['production'])
    assert.equal(s?.frozen, false)
    assert.equal(s?.lastUnfreeze?.expired, true)
    const last = (await ctx.journal.all()).at(-1)
    assert.equal(last?.type, 'freeze.expired')
    assert.deepEqual(last?.actor, { kind: 'system', id: 'rina' })
    // Settling twice appends nothing more.
    await freezeStatus(ctx, ['production'])
    assert.equal((await ctx.journal.all()).length, 2)
  })

  it('unfreezes a frozen environment and reports an open one as unchanged', async () => {
    const ctx = testContext()
    await enableFreeze(ctx, { envs: ['production'], reason: 'incident' })
    const r = await disableFreeze(ctx, { envs: ['production', 'staging'], reason: 'resolved' })
    assert.deepEqual(
      r.map((c) => [c.env, c.changed]),
      [
        ['production', true],
        ['staging', false],
      ],
    )
    const state = await ctx.journal.state()
    assert.equal(freezeGate(state, { env: 'production', now: ctx.clock.now() }, []).allowed, true)
  })

  it('shows the active and next window from config', async () => {
    const config = minimalConfig({
      freeze: {
        windows: [{ name: 'weekend', timezone: 'UTC', weekly: { from: 'Sat 00:00', to: 'Mon 00:00' } }],
      },
    })
    const ctx = testContext({ config })
    const [open] = await freezeStatus(ctx, ['production'])
    assert.equal(open?.frozen, false)
    assert.equal(open?.nextWindow?.start.toISOString(), '2026-01-10T00:00:00.000Z')
    ctx.clock.set('2026-01-10T12:00:00Z')
    const [inside] = await freezeStatus(ctx, ['production'])
    assert.equal(inside?.frozen, true)
    assert.equal(inside?.activeWindows[0]?.end.toISOString(), '2026-01-12T00:00:00.000Z')
  })

  it('parses --until as a duration or a future time and rejects the rest', () => {
    const now = new Date('2026-01-05T10:00:00Z')
    assert.equal(parseUntil('90m', now).toISOString(), '2026-01-05T11:30:00.000Z')
    assert.equal(parseUntil('2026-01-06T00:00:00Z', now).toISOString(), '2026-01-06T00:00:00.000Z')
    assert.throws(() => parseUntil('yesterday', now), /neither a duration nor a time/)
    assert.throws(() => parseUntil('2025-01-01T00:00:00Z', now), /in the past/)
  })
})
