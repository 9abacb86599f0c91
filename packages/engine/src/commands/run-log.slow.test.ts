/**
 * @module Deploys and rollbacks with real processes keep their output in the run log, redacted, numbered and
 * marked by stream and step; a run log store that fails leaves the deploy unharmed and the loss is journaled.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { systemClock } from '../clock.ts'
import { isRinaError } from '../errors.ts'
import { createSqliteStore } from '../store/sqlite/index.ts'
import type { Store } from '../store/types.ts'
import { minimalConfig, testContext } from '../testing/context.ts'
import { countingIds } from '../testing/fakes.ts'
import type { ConfirmIo } from './deploy.ts'
import { deploy } from './deploy.ts'
import { readRunLog } from './run-log.ts'

const headless: ConfirmIo = { interactive: false, ci: false }
const SECRET = 'tok-9f8e7d6c5b4a'

describe('run log of deploys (command provider, real processes)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rina-run-log-'))
  after(() => rmSync(dir, { recursive: true, force: true }))

  const context = (deployCommand: string, store?: Store) => {
    const api = {
      deploy: {
        type: 'command',
        deploy: deployCommand,
        rollback: 'echo "switching back to $RINA_RELEASE"',
      },
    }
    const health = { passes: 1, within: '5s', soak: '10ms' }
    const config = minimalConfig({
      environments: {
        staging: { services: { api }, autoRollback: true, health },
        production: { services: { api }, health },
      },
    })
    const ctx = testContext({ config, secrets: [SECRET], ...(store ? { store } : {}) })
    return { ...ctx, configDir: mkdtempSync(join(dir, 'ws-')), clock: systemClock }
  }

  it('keeps the output of a deploy redacted, numbered, by stream and step', async () => {
    const ctx = context(`echo "placing $RINA_RELEASE"; echo "auth with ${SECRET}" >&2; printf 'done\\n'`)
    const shown: string[] = []
    const out = await deploy(ctx, {
      env: 'staging',
      release: '1.0.0',
      confirm: headless,
      onLog: (line) => shown.push(line),
    })
    assert.equal(out.status, 'succeeded')
    const page = await readRunLog(ctx, { runId: out.status === 'succeeded' ? out.runId : '' })
    assert.deepEqual(
      page.lines.map((l) => l.seq),
      [1, 2, 3],
    )
    // stdout and stderr are separate pipes: their lines are numbered as they arrive, so compare them sorted.
    assert.deepEqual(page.lines.map((l) => [l.text, l.stream, l.stepId, l.service]).sort(), [
      ['auth with [REDACTED]', 'stderr', 'api:deploy', 'api'],
      ['done', 'stdout', 'api:deploy', 'api'],
      ['placing 1.0.0', 'stdout', 'api:deploy', 'api'],
    ])
    assert.equal(page.running, false)
    assert.equal(page.next, 3)
    assert.equal(shown.length, 3)
    const rest = await readRunLog(ctx, { runId: page.runId, after: page.next })
    assert.deepEqual([rest.lines, rest.next], [[], 3])
  })

  it('keeps the output of the automatic rollback under its own run', async () => {
    const ctx = context('echo "placing $RINA_RELEASE"; test "$RINA_RELEASE" != 2.0.0')
    assert.equal(
      (await deploy(ctx, { env: 'staging', release: '1.0.0', confirm: headless })).status,
      'succeeded',
    )
    const out = await deploy(ctx, { env: 'staging', release: '2.0.0', confirm: headless })
    assert.equal(out.status, 'failed')
    if (out.status !== 'failed') return
    assert.deepEqual(
      (await readRunLog(ctx, { runId: out.runId })).lines.map((l) => l.text),
      ['placing 2.0.0'],
    )
    assert.ok(out.rollback?.ok)
    const back = await readRunLog(ctx, { runId: out.rollback.runId })
    assert.deepEqual(
      back.lines.map((l) => [l.stepId, l.text]),
      [['api:rollback', 'switching back to 1.0.0']],
    )
  })

  it('answers NOT_FOUND for a run the journal does not know', async () => {
    const ctx = context('true')
    await assert.rejects(
      readRunLog(ctx, { runId: 'run_nope' }),
      (e) => isRinaError(e) && e.code === 'NOT_FOUND',
    )
  })

  it('deploys all the same when the run log cannot be written, and journals how many lines were lost', async () => {
    const ids = countingIds('evt').ids
    const good = createSqliteStore({ path: join(dir, 'good.db'), ids })
    const broken = createSqliteStore({ path: join(dir, 'broken.db'), ids })
    await broken.close()
    const store: Store = { ...good, runLogs: broken.runLogs }
    const ctx = context('echo one; echo two', store)
    const shown: string[] = []
    const out = await deploy(ctx, {
      env: 'staging',
      release: '1.0.0',
      confirm: headless,
      onLog: (line, stream) => shown.push(`${stream}: ${line}`),
    })
    assert.equal(out.status, 'succeeded')
    const [done] = await ctx.journal.query({ types: ['deploy.succeeded'] })
    assert.equal((done?.payload as { logDropped?: number }).logDropped, 2)
    assert.match(shown.at(-1)!, /^stderr: 2 of 2 output lines could not be stored in the run log: /)
    await good.close()
  })
})
