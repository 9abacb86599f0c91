/**
 * @module A workspace for the API benchmark: rina.yml with a SQLite store, a journal of ordinary history (deploy runs,
 * health checks, freeze toggles) and an admin token.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { EventDraft } from '../../packages/engine/src/index.ts'
import {
  Journal,
  createSqliteStore,
  createToken,
  humanActor,
  randomIds,
  systemClock,
} from '../../packages/engine/src/index.ts'
import { minimalConfig } from '../../packages/engine/src/testing/context.ts'

export const CONFIG = `project: bench
environments:
  staging:
    services:
      api: { deploy: { type: command, deploy: "true" } }
  production:
    services:
      api: { deploy: { type: command, deploy: "true" } }
`

const ana = humanActor('ana@example.com')

function history(i: number): EventDraft[] {
  const env = i % 2 ? 'production' : 'staging'
  const runId = `run_${i}`
  const release = `1.${i}.0`
  const probes = [
    {
      service: 'api',
      probe: 'up',
      type: 'http',
      passes: 3,
      failures: 0,
      lastOk: true,
      lastDetail: '200 in 12 ms',
      latencyMs: { p50: 12, max: 30 },
    },
  ]
  return [
    {
      type: 'release.registered',
      actor: ana,
      reason: null,
      payload: { release, commit: null, branch: 'main', subject: `change ${i}` },
    },
    {
      type: 'deploy.started',
      actor: ana,
      reason: null,
      payload: {
        runId,
        env,
        release,
        kind: 'deploy',
        services: [{ service: 'api', previous: null }],
        steps: [
          { id: 'api:deploy', service: 'api', action: 'deploy', description: 'run the deploy command' },
        ],
        confirmation: 'not-required',
        holder: `${runId}@bench:1`,
      },
    },
    {
      type: 'deploy.step_completed',
      actor: ana,
      reason: null,
      payload: {
        runId,
        env,
        stepId: 'api:deploy',
        service: 'api',
        action: 'deploy',
        ok: true,
        durationMs: 800,
        reason: null,
      },
    },
    {
      type: 'health.gate_completed',
      actor: ana,
      reason: null,
      payload: { runId, env, release, phase: 'gate', passed: true, durationMs: 3000, probes },
    },
    {
      type: 'deploy.succeeded',
      actor: ana,
      reason: null,
      payload: { runId, env, release, kind: 'deploy', durationMs: 5000 },
    },
    { type: 'health.checked', actor: ana, reason: null, payload: { env, healthy: true, probes } },
    { type: 'freeze.enabled', actor: ana, reason: `maintenance ${i}`, payload: { env, until: null } },
    { type: 'freeze.disabled', actor: ana, reason: `maintenance ${i} done`, payload: { env } },
  ] as EventDraft[]
}

/** Makes the workspace; returns its directory, the admin token and the journal size. */
export async function seedWorkspace(opts: {
  rounds: number
}): Promise<{ dir: string; token: string; events: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'rina-bench-api-'))
  writeFileSync(join(dir, 'rina.yml'), CONFIG)
  const store = createSqliteStore({ path: join(dir, '.rina/state.db'), ids: () => randomIds.next('evt') })
  const journal = new Journal(store.journal, systemClock)
  for (let i = 0; i < opts.rounds; i++) await journal.append(history(i))
  const ctx = {
    config: minimalConfig(),
    configPath: join(dir, 'rina.yml'),
    configDir: dir,
    store,
    journal,
    clock: systemClock,
    ids: randomIds,
    actor: ana,
    secrets: [],
  }
  const { secret } = await createToken(ctx, { user: 'bench@example.com', role: 'admin' })
  const events = (await store.journal.head()).seq
  await store.close()
  return { dir, token: secret, events }
}
