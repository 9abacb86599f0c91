/** @module The command provider: its plan as exact data, the environment its scripts see, and how a run ends. */
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import {
  providerContext,
  runProviderConformance,
  type ProviderMode,
} from '../../testing/provider.conformance.ts'
import type { ProviderRequest } from '../types.ts'
import { commandProvider } from './index.ts'
import { commandProviderSchema } from './schema.ts'

const SECRET = 'tok_live_9f8e7d6c5b4a'

const scripts: Record<ProviderMode, string> = {
  working: 'echo "deploying $RINA_RELEASE"; printf %s "$RINA_RELEASE" > state',
  failing: 'echo boom >&2; exit 3',
  hanging: 'echo waiting; sleep 30',
}

function subjectFor(withRollback: boolean) {
  return async (mode: ProviderMode) => {
    const dir = await mkdtemp(join(tmpdir(), 'rina-cmd-'))
    const config = commandProviderSchema.parse({
      type: 'command',
      deploy: scripts[mode],
      ...(withRollback
        ? { rollback: 'echo "rolling back to $RINA_RELEASE"; printf %s "$RINA_RELEASE" > state' }
        : {}),
      env: { API_TOKEN: SECRET },
    })
    return {
      provider: commandProvider(config, { configDir: dir, killGraceMs: 1_000 }),
      releases: ['1.0.0', '1.1.0'] as const,
      secrets: [SECRET],
      deployed: () => readFile(join(dir, 'state'), 'utf8').catch(() => null),
      close: () => rm(dir, { recursive: true, force: true }),
    }
  }
}

const currentSkip = {
  'reports the deployed release as current after a deploy': 'a command cannot tell what runs',
}
runProviderConformance({ name: 'command', create: subjectFor(true), skip: currentSkip })
runProviderConformance({
  name: 'command without a rollback command',
  create: subjectFor(false),
  skip: currentSkip,
})

const dir = mkdtempSync(join(tmpdir(), 'rina-cmd-unit-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const provider = (over: Record<string, unknown>) =>
  commandProvider(commandProviderSchema.parse({ type: 'command', deploy: './deploy.sh', ...over }), {
    configDir: dir,
  })
const deployReq: ProviderRequest = {
  kind: 'deploy',
  env: 'staging',
  service: 'api',
  release: '1.4.2',
  previous: '1.4.1',
}
const rollbackReq: ProviderRequest = { ...deployReq, kind: 'rollback', release: '1.4.1', previous: '1.4.2' }

describe('commandProvider.plan', () => {
  it('plans one deploy step with the release in the environment when deploying', () => {
    const p = provider({ cwd: 'app', env: { REGION: 'eu' }, timeout: '90s' })
    assert.deepEqual(p.plan(deployReq).steps, [
      {
        id: 'api:deploy',
        service: 'api',
        action: 'command',
        description: 'deploy api 1.4.2 to staging (replacing 1.4.1) with the deploy command',
        command: './deploy.sh',
        env: {
          REGION: 'eu',
          RINA_ENV: 'staging',
          RINA_SERVICE: 'api',
          RINA_RELEASE: '1.4.2',
          RINA_PREVIOUS_RELEASE: '1.4.1',
          RINA_ACTION: 'deploy',
        },
        cwd: join(dir, 'app'),
        timeoutMs: 90_000,
        data: { release: '1.4.2', previous: '1.4.1', runs: 'deploy' },
      },
    ])
  })

  it('plans the rollback command when one is configured', () => {
    const [step] = provider({ rollback: './rollback.sh' }).plan(rollbackReq).steps
    assert.equal(step!.command, './rollback.sh')
    assert.equal(step!.description, 'roll api in staging back to 1.4.1 from 1.4.2 with the rollback command')
    assert.deepEqual([step!.env!['RINA_RELEASE'], step!.env!['RINA_ACTION']], ['1.4.1', 'rollback'])
  })

  it('plans the deploy command with the earlier release and says so when no rollback command is configured', () => {
    const [step] = provider({}).plan(rollbackReq).steps
    assert.equal(step!.command, './deploy.sh')
    assert.equal(
      step!.description,
      'roll api in staging back to 1.4.1 from 1.4.2 by running the deploy command with RINA_RELEASE=1.4.1 (no rollback command configured)',
    )
    assert.equal(step!.env!['RINA_RELEASE'], '1.4.1')
  })

  it('sets an empty previous release and lets RINA_* win over configured variables on a first deploy', () => {
    const [step] = provider({ env: { RINA_RELEASE: 'spoofed' } }).plan({ ...deployReq, previous: null }).steps
    assert.equal(step!.env!['RINA_RELEASE'], '1.4.2')
    assert.equal(step!.env!['RINA_PREVIOUS_RELEASE'], '')
    assert.match(step!.description, /\(first deploy\)/)
  })
})

describe('commandProvider.runStep', () => {
  it('gives the script the RINA_* and configured variables when it runs', async () => {
    const p = provider({
      deploy:
        'echo "$RINA_ENV|$RINA_SERVICE|$RINA_RELEASE|$RINA_PREVIOUS_RELEASE|$RINA_ACTION|$REGION|$(pwd)"',
      env: { REGION: 'eu' },
    })
    const ctx = providerContext()
    const outcome = await p.runStep(p.plan(deployReq).steps[0]!, ctx)
    assert.equal(outcome.ok, true)
    assert.deepEqual(
      ctx.lines.map((l) => l.line),
      [`staging|api|1.4.2|1.4.1|deploy|eu|${dir}`],
    )
  })

  it('fails with the exit code and last stderr line when the command exits non-zero', async () => {
    const p = provider({
      deploy: 'echo starting; echo "migration 0042 failed" >&2; echo "giving up" >&2; exit 3',
    })
    const outcome = await p.runStep(p.plan(deployReq).steps[0]!, providerContext())
    assert.equal(outcome.ok, false)
    assert.ok(!outcome.ok)
    assert.equal(outcome.exitCode, 3)
    assert.match(outcome.reason, /^deploy command exited with 3 after \d+\.\ds: giving up$/)
  })

  it('names the rollback command in the reason when a rollback fails', async () => {
    const p = provider({ rollback: 'exit 7' })
    const outcome = await p.runStep(p.plan(rollbackReq).steps[0]!, providerContext())
    assert.match(outcome.ok ? '' : outcome.reason, /^rollback command exited with 7 after \d+\.\ds$/)
  })

  it('fails with timedOut when the command outlives its timeout', async () => {
    const p = provider({ deploy: 'echo "still going" >&2; sleep 30', timeout: '1s' })
    const outcome = await p.runStep(p.plan(deployReq).steps[0]!, providerContext())
    assert.ok(!outcome.ok)
    assert.equal(outcome.timedOut, true)
    assert.equal(outcome.reason, 'deploy command timed out after 1s and was stopped: still going')
  })

  it('fails without starting when the working directory does not exist', async () => {
    const p = provider({ cwd: 'missing' })
    const outcome = await p.runStep(p.plan(deployReq).steps[0]!, providerContext())
    assert.equal(
      outcome.ok ? '' : outcome.reason,
      `deploy command could not start: working directory ${join(dir, 'missing')} does not exist`,
    )
  })

  it('runs nothing and fails when the signal is already aborted', async () => {
    const p = provider({ deploy: 'touch ran' })
    const abort = new AbortController()
    abort.abort()
    const outcome = await p.runStep(p.plan(deployReq).steps[0]!, providerContext({ signal: abort.signal }))
    assert.match(outcome.ok ? '' : outcome.reason, /cancelled/)
    assert.equal(existsSync(join(dir, 'ran')), false)
  })

  it('reports no current release because commands cannot tell', async () => {
    assert.equal(await provider({}).current('staging', 'api', providerContext()), null)
  })
})
