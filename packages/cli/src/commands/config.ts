/** @module rina config check|schema */
import { configJsonSchema, isRinaError, loadConfig } from '@rinawarp/engine'
import { EXIT } from '../exit-codes.ts'
import type { Run } from '../io.ts'

export async function check(run: Run): Promise<number> {
  try {
    const { config, path } = await loadConfig({ path: run.global.config, cwd: run.io.cwd, env: run.io.env })
    const envs = Object.entries(config.environments)
    const services = envs.reduce((n, [, e]) => n + Object.keys(e.services).length, 0)
    const summary = {
      valid: true,
      path,
      environments: envs.map(([name]) => name),
      services,
      channels: Object.keys(config.notifications.channels),
      freezeWindows: config.freeze.windows.map((w) => w.name),
    }
    run.out.result(summary)
    run.out.line(
      `${run.out.paint('green', '✓')} ${path} is valid: ${summary.environments.join(' → ')}; ${plural(services, 'service')}; ` +
        `${plural(summary.channels.length, 'channel')}; ${plural(summary.freezeWindows.length, 'freeze window')}`,
    )
    return EXIT.ok
  } catch (e) {
    if (!isRinaError(e, 'CONFIG_INVALID') || !run.out.json) throw e
    run.out.result({ valid: false, issues: e.details })
    return EXIT.failure
  }
}

export async function schema(run: Run): Promise<void> {
  run.io.stdout.write(`${JSON.stringify(configJsonSchema(), null, 2)}\n`)
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
