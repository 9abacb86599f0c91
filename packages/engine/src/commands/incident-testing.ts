/**
 * @module Fixtures for incident command tests: a context over a temporary directory holding rina.yml's relative
 * files, with a command probe that fails while the file `down` exists, a file log source, a console channel,
 * and a journal written through the real commands.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Actor } from '../domain/actor.ts'
import type { EventDraft } from '../domain/events.ts'
import { minimalConfig, testContext } from '../testing/context.ts'
import type { CommandContext } from './context.ts'

export interface IncidentFixture {
  ctx: CommandContext & { clock: ReturnType<typeof testContext>['clock'] }
  dir: string
  /** Makes the probe fail (true) or pass (false). */
  down(on: boolean): void
  writeLog(lines: readonly string[]): void
  /** Appends events as if commands had run (e.g. a deploy). */
  append(drafts: EventDraft[]): Promise<void>
  as(actor: Actor): IncidentFixture['ctx']
  dispose(): void
}

const deploy = { type: 'command', deploy: 'true' }

export function incidentFixture(opts: { logs?: boolean } = {}): IncidentFixture {
  const dir = mkdtempSync(join(tmpdir(), 'rina-incident-'))
  mkdirSync(join(dir, 'logs'))
  const api = {
    kind: 'api',
    deploy,
    probes: [{ name: 'up', type: 'command', run: 'test ! -f down' }],
    logs: opts.logs === false ? [] : [{ type: 'file', path: 'logs/api.log' }],
  }
  const config = minimalConfig({
    environments: {
      staging: { services: { api: { deploy } } },
      production: { services: { api, worker: { kind: 'worker', deploy } } },
    },
    notifications: { channels: { ops: { type: 'console' } }, default: ['ops'] },
  })
  const base = testContext({ config })
  const ctx = { ...base, configDir: dir, configPath: join(dir, 'rina.yml') }
  const f: IncidentFixture = {
    ctx,
    dir,
    down: (on) => (on ? writeFileSync(join(dir, 'down'), '') : rmSync(join(dir, 'down'), { force: true })),
    writeLog: (lines) => writeFileSync(join(dir, 'logs/api.log'), lines.map((l) => `${l}\n`).join('')),
    append: async (drafts) => void (await ctx.journal.append(drafts)),
    as: (actor) => ({ ...ctx, actor }),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  }
  return f
}

/** A successful deploy of `release` to production that replaced `previous`, as the journal records it. */
export function deployDrafts(release: string, previous: string | null, actor: Actor): EventDraft[] {
  const runId = `run_${release}`
  const services = [{ service: 'api', previous }]
  return [
    {
      type: 'deploy.started',
      actor,
      reason: null,
      payload: {
        runId,
        env: 'production',
        release,
        kind: 'deploy',
        services,
        steps: [],
        confirmation: 'typed',
        holder: 'test',
      },
    },
    {
      type: 'deploy.succeeded',
      actor,
      reason: null,
      payload: { runId, env: 'production', release, kind: 'deploy', durationMs: 10 },
    },
  ]
}
