/**
 * @module For the browser tests: the demo fleet with `rina serve` in process on its rina.yml, tokens for two
 * people, and Debian's chromium launched headless through playwright-core (which never downloads a browser).
 */
import type { CommandContext } from '@rinawarp/engine'
import {
  Journal,
  createToken,
  humanActor,
  loadConfig,
  openStore,
  randomIds,
  systemClock,
} from '@rinawarp/engine'
import type { RunningServer, ServerApp } from '@rinawarp/server'
import { createApp, outboxDelivery, startServer } from '@rinawarp/server'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { chromium } from 'playwright-core'
import type { Fleet } from '../../../../examples/fleet/fleet.ts'
import { createFleet } from '../../../../examples/fleet/fleet.ts'

export const CHROMIUM = '/usr/bin/chromium'
export const SCREENSHOTS = new URL('../../../../artifacts/screenshots/', import.meta.url).pathname

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export interface Panel {
  fleet: Fleet
  ctx: CommandContext
  app: ServerApp
  server: RunningServer
  tokens: { ana: string; bo: string }
  close(): Promise<void>
}

/** Starts the fleet (releases 1.0.0 and 1.1.0 built) and the API with the dashboard on a free port. */
export async function startPanel(dir: string): Promise<Panel> {
  const fleet = await createFleet({ dir })
  fleet.build('1.0.0')
  fleet.build('1.1.0')
  await fleet.start()
  const loaded = await loadConfig({ cwd: dir, env: process.env })
  const store = await openStore(loaded.config.store, loaded.dir, () => randomIds.next('evt'))
  const ctx: CommandContext = {
    config: loaded.config,
    configPath: loaded.path,
    configDir: loaded.dir,
    store,
    journal: new Journal(store.journal, systemClock, loaded.secrets),
    clock: systemClock,
    ids: randomIds,
    actor: humanActor('ops@example.com'),
    secrets: loaded.secrets,
  }
  const ana = (await createToken(ctx, { user: 'ana@example.com', role: 'deployer' })).secret
  const bo = (await createToken(ctx, { user: 'bo@example.com', role: 'approver' })).secret
  const app = await createApp({
    open: () => ctx,
    runtime: [outboxDelivery()],
    onError: (e) => console.error(e),
  })
  const server = await startServer({ fetch: app.fetch, port: 0 })
  return {
    fleet,
    ctx,
    app,
    server,
    tokens: { ana, bo },
    close: async () => {
      await app.close()
      await server.close()
      await store.close()
      await fleet.stop()
    },
  }
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true })
}

export const chromiumMissing = (): string | false =>
  existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing (node scripts/ensure-system.mjs installs it)`

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })
}

/** Collects console errors and uncaught exceptions of a page (CSP violations show up here). */
export function pageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(String(e)))
  return errors
}
