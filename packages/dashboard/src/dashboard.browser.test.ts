/**
 * @module The dashboard in Debian's chromium (headless, playwright-core) against the demo fleet and an in-process
 * `rina serve`: a staging deploy followed live (steps, events and command output), a production deploy refused
 * until a second person approves in the panel, then run on that approval, a freeze toggled on by keyboard and off,
 * and an incident with severity, plan, prepared rollback and timeline. Each action is checked in the journal;
 * screenshots go to artifacts/screenshots/.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import type { Panel } from './testing/panel.ts'
import { chromiumMissing, launchChromium, pageErrors, screenshot, startPanel } from './testing/panel.ts'

const skip = chromiumMissing()

describe('dashboard in a browser', { skip }, () => {
  let dir: string
  let panel: Panel
  let browser: Browser
  let ana: Page
  let anaErrors: string[]

  const events = async (types: string) => {
    const res = await fetch(`${panel.server.url}/api/v1/audit/events?types=${types}`, {
      headers: { authorization: `Bearer ${panel.tokens.ana}` },
    })
    return (
      (await res.json()) as {
        events: {
          type: string
          actor: { id: string }
          reason: string | null
          payload: Record<string, unknown>
        }[]
      }
    ).events
  }

  const open = async (token: string, colorScheme: 'dark' | 'light') => {
    const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const errors = pageErrors(page)
    await page.goto(`${panel.server.url}/#token=${token}`)
    await page.getByTestId('live-state').filter({ hasText: 'live' }).waitFor()
    return { page, errors }
  }

  /** Deploy dialog: choose the release, review the plan; returns the second dialog. */
  const reviewDeploy = async (page: Page, env: string, release: string) => {
    await page.getByTestId(`deploy-${env}`).click()
    await page.getByTestId('deploy-release').fill(release)
    await page.getByTestId('dialog-confirm').click()
    await page.getByTestId('deploy-plan').waitFor()
    return page.getByTestId('dialog')
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rina-dashboard-'))
    panel = await startPanel(dir)
    browser = await launchChromium()
  })
  after(async () => {
    await browser?.close()
    await panel?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('opens with the token from the fragment, keeps it out of the address bar and paints every section', async () => {
    ;({ page: ana, errors: anaErrors } = await open(panel.tokens.ana, 'dark'))
    assert.doesNotMatch(ana.url(), /token=/)
    assert.equal(await ana.getByTestId('who').textContent(), 'ana@example.com (deployer)')
    for (const id of ['environments', 'health', 'runs', 'approvals', 'incidents', 'audit'])
      assert.equal(await ana.locator(`section#${id}`).count(), 1, id)
    const timing = await ana.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
      const paint = performance.getEntriesByName('first-contentful-paint')[0]
      return {
        fcp: paint?.startTime ?? null,
        domContentLoaded: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
      }
    })
    console.log(`dashboard first paint: ${JSON.stringify(timing)} (ms from navigation start)`)
    await screenshot(ana, '01-overview-dark')
  })

  it('deploys 1.0.0 to staging from the panel and shows its steps, events and output as they happen', async () => {
    const dialog = await reviewDeploy(ana, 'staging', '1.0.0')
    assert.match((await dialog.getByTestId('deploy-plan').textContent()) ?? '', /1\.0\.0/)
    await ana.getByTestId('dialog-confirm').click()
    const detail = ana.getByTestId('run-detail')
    await detail.locator('.badge', { hasText: 'running' }).waitFor()
    await screenshot(ana, '02-staging-deploy-running')
    await detail.locator('.badge', { hasText: 'succeeded' }).waitFor({ timeout: 60_000 })
    const log = (await ana.getByTestId('run-log').textContent()) ?? ''
    assert.match(log, /started deploy of 1\.0\.0 to staging/)
    assert.match(log, /ok {3}/)
    assert.match(log, /succeeded in/)
    assert.equal(
      await ana.locator('[data-testid=run-steps] .step.done').count(),
      await ana.locator('[data-testid=run-steps] .step').count(),
    )
    // The commands' own output, from the run log: every service's restart reported, the poll stopped at the end.
    const output = ana.getByTestId('run-output')
    await ana.getByTestId('run-output-status').filter({ hasText: 'The run has ended' }).waitFor()
    const printed = (await output.textContent()) ?? ''
    for (const service of ['website', 'api', 'worker'])
      assert.match(printed, new RegExp(`staging/${service} ready: release 1\\.0\\.0`), service)
    await output.focus()
    assert.equal(await ana.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'run-output')
    await ana.getByTestId('current-staging').filter({ hasText: '1.0.0' }).waitFor()
    await screenshot(ana, '03-staging-deployed')
    const started = (await events('deploy.started')).at(-1)!
    assert.deepEqual(
      [started.actor.id, started.payload.env, started.payload.release],
      ['ana@example.com', 'staging', '1.0.0'],
    )
  })

  it('refuses the production deploy until a person approved, saying so instead of offering a bypass', async () => {
    const dialog = await reviewDeploy(ana, 'production', '1.0.0')
    assert.match(
      (await dialog.locator('.blocked').textContent()) ?? '',
      /needs 1 approval of 1\.0\.0 by a person/,
    )
    assert.equal(await ana.getByTestId('dialog-confirm').isDisabled(), true)
    await screenshot(ana, '04-production-needs-approval')
    await ana.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
  })

  it('records an approval with a reason when a second person approves in the panel', async () => {
    const { page: bo, errors } = await open(panel.tokens.bo, 'light')
    await bo.getByTestId('approve-1.0.0').click()
    await bo.getByTestId('dialog-confirm').click()
    await bo.getByText('Give a reason (at least 3 characters)').waitFor()
    await bo.getByTestId('dialog-reason').fill('reviewed the diff and the staging soak')
    await bo.getByTestId('dialog-confirm').click()
    await bo.getByTestId('toasts').getByText('Approved 1.0.0 for production').waitFor()
    await screenshot(bo, '05-approved-light')
    const [granted] = await events('approval.granted')
    assert.deepEqual(
      [granted!.actor.id, granted!.reason, granted!.payload.env],
      ['bo@example.com', 'reviewed the diff and the staging soak', 'production'],
    )
    assert.deepEqual(errors, [])
    await bo.context().close()
  })

  it('deploys 1.0.0 to production on that prior approval', async () => {
    await ana.getByTestId('approvals').getByText('1 approval').waitFor()
    const dialog = await reviewDeploy(ana, 'production', '1.0.0')
    assert.equal(await dialog.locator('.blocked').count(), 0)
    await ana.getByTestId('dialog-confirm').click()
    await ana.getByTestId('run-detail').getByText('production').first().waitFor()
    await ana
      .getByTestId('run-detail')
      .locator('.badge', { hasText: 'succeeded' })
      .waitFor({ timeout: 60_000 })
    await ana.getByTestId('current-production').filter({ hasText: '1.0.0' }).waitFor()
    const run = (await events('deploy.started')).at(-1)!
    assert.deepEqual(
      [run.payload.env, run.payload.confirmation, run.actor.id],
      ['production', 'prior-approval', 'ana@example.com'],
    )
    await screenshot(ana, '06-production-deployed')
  })

  it('freezes production from the keyboard with a reason and lifts it again', async () => {
    const toggle = ana.getByTestId('freeze-production')
    await toggle.focus()
    await ana.keyboard.press('Space')
    await ana.getByTestId('dialog-reason').waitFor()
    await ana.keyboard.type('launch day: no changes')
    await ana.keyboard.press('Tab')
    await ana.keyboard.press('Tab')
    await ana.keyboard.press('Enter')
    await ana.locator('[data-testid=freeze-production][aria-checked=true]').waitFor()
    assert.equal(await ana.getByTestId('deploy-production').isDisabled(), true)
    await ana.getByTestId('theme-toggle').click()
    assert.equal(await ana.evaluate(() => document.documentElement.dataset.theme), 'light')
    await screenshot(ana, '07-production-frozen-light')
    await ana.getByTestId('theme-toggle').click()
    await toggle.click()
    await ana.getByTestId('dialog-reason').fill('launch went fine')
    await ana.getByTestId('dialog-confirm').click()
    await ana.locator('[data-testid=freeze-production][aria-checked=false]').waitFor()
    const freeze = await events('freeze.*')
    assert.deepEqual(
      freeze.map((e) => [e.type, e.actor.id, e.reason]),
      [
        ['freeze.enabled', 'ana@example.com', 'launch day: no changes'],
        ['freeze.disabled', 'ana@example.com', 'launch went fine'],
      ],
    )
  })

  it('shows an incident with severity, plan, prepared rollback and timeline after a fault, and acknowledges it', async () => {
    await panel.fleet.fault('production', 'api', { errorRate: 1 })
    const res = await fetch(`${panel.server.url}/api/v1/incident-response`, {
      method: 'POST',
      headers: { authorization: `Bearer ${panel.tokens.ana}`, 'content-type': 'application/json' },
      body: JSON.stringify({ env: 'production' }),
    })
    const out = (await res.json()) as { incident: { id: string; severity: string } }
    assert.equal(res.status, 201, JSON.stringify(out))
    const detail = ana.locator(`[data-testid=incident-detail][data-incident-id="${out.incident.id}"]`)
    await detail.waitFor()
    assert.match((await detail.locator('h3 .badge').first().textContent()) ?? '', /^SEV[1-4]$/)
    assert.ok((await ana.locator('[data-testid=incident-plan] li').count()) > 0)
    assert.match((await ana.getByTestId('incident-rollback').textContent()) ?? '', /→/)
    assert.ok((await ana.locator('[data-testid=incident-timeline] li').count()) > 0)
    await ana.locator('#incidents').scrollIntoViewIfNeeded()
    await screenshot(ana, '08-incident-dark')
    await detail.getByRole('button', { name: 'Acknowledge' }).click()
    await detail.locator('.badge', { hasText: 'acknowledged' }).waitFor()
    const [ack] = await events('incident.acknowledged')
    assert.deepEqual([ack!.actor.id, ack!.payload.incidentId], ['ana@example.com', out.incident.id])
    await panel.fleet.clearFaults()
  })

  it('shows the audit trail verified and every action in it, with no console error on the way', async () => {
    await ana.getByTestId('audit-verify').getByText('chain verified').waitFor()
    const table = (await ana.getByTestId('audit-events').textContent()) ?? ''
    for (const type of [
      'incident.acknowledged',
      'freeze.disabled',
      'freeze.enabled',
      'approval.granted',
      'deploy.succeeded',
    ])
      assert.ok(table.includes(type), type)
    await ana.locator('#audit').scrollIntoViewIfNeeded()
    await screenshot(ana, '09-audit')
    assert.deepEqual(anaErrors, [])
  })
})
