/**
 * @module UI tests in a real VS Code (code-server) driven through Chromium: the .vsix is installed, the palette
 * runs each of the five commands against a `rina serve` on the demo fleet, and each outcome is checked in the
 * journal. Screenshots go to artifacts/screenshots/vscode-*.png. Skips without code-server — fails under CI=true.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Fleet } from '../../../examples/fleet/fleet.ts'
import { createFleet } from '../../../examples/fleet/fleet.ts'
import { launchBrowser } from './testing/browser.ts'
import type { CodeServer } from './testing/code-server.ts'
import { installCodeServer, packageExtension, startCodeServer } from './testing/code-server.ts'
import type { RinaServe } from './testing/rina-serve.ts'
import { startRinaServe } from './testing/rina-serve.ts'
import { Workbench } from './testing/workbench.ts'
import { editorSettings } from './testing/workspace.ts'

const CI = process.env.CI === 'true'
const DEV = 'dev@example.com'

describe('extension commands in the VS Code workbench (demo fleet)', () => {
  let unavailable: string | null = null
  let dir = ''
  let fleet: Fleet | null = null
  let serve: RinaServe | null = null
  let cs: CodeServer | null = null
  let browser: Awaited<ReturnType<typeof launchBrowser>> | null = null
  let wb: Workbench
  let token = ''

  before(async () => {
    unavailable = await installCodeServer()
    if (unavailable) return
    dir = mkdtempSync(join(tmpdir(), 'rina-vscode-ui-'))
    fleet = await createFleet({ dir })
    fleet.build('1.0.0')
    await fleet.start()
    // code-server hosts the webview at its own loopback origin, so let it frame the panel.
    serve = await startRinaServe(dir, {}, ['--frame-ancestor', 'http://127.0.0.1:*'])
    token = await serve.token(DEV, 'approver')
    editorSettings(dir, serve.url, 'not-used-by-ui-tests')
    const vsix = await packageExtension()
    cs = await startCodeServer({ vsix, folder: dir })
    browser = await launchBrowser()
    wb = new Workbench(browser.context.pages()[0] ?? (await browser.context.newPage()))
    await wb.open(cs.url, dir)
  })
  after(async () => {
    await browser?.close()
    await cs?.stop()
    await serve?.stop()
    await fleet?.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  const needsVscode = (t: { skip(m: string): void }): boolean => {
    if (!unavailable) return false
    if (CI) assert.fail(`code-server is required under CI: ${unavailable}`)
    t.skip(`code-server unavailable: ${unavailable}`)
    return true
  }

  it('keeps the token in secret storage and shows production in the status bar when it is set', async (t) => {
    if (needsVscode(t)) return
    await wb.run('RinaWarp: Set API Token')
    await wb.answer('RinaWarp API token', token)
    await wb.statusBar(/production open/)
    await wb.shot('status-bar')
  })

  it('deploys to staging with progress when "Deploy: Staging" runs', async (t) => {
    if (needsVscode(t)) return
    await wb.run('Deploy: Staging')
    await wb.answer('Release to deploy', '1.0.0')
    await wb.notification('Deployed 1.0.0 to staging')
    await wb.shot('deploy-staging')
    const done = (await serve!.events('deploy.succeeded')).filter((e) => e.payload.env === 'staging')
    assert.deepEqual(
      done.map((e) => [e.payload.release, e.actor.id]),
      [['1.0.0', DEV]],
    )
  })

  it('shows the gate reasons when "Deploy: Production" lacks an approval, then deploys after one', async (t) => {
    if (needsVscode(t)) return
    await wb.clearNotifications()
    await wb.run('Deploy: Production')
    const facts = await wb.dialog('Deploy 1.0.0 to production?', 'Confirm')
    assert.match(facts, /Approvals: 0 of 1/)
    assert.match(facts, /Freeze: not frozen/)
    await wb.answer('Type "production" to confirm', 'production')
    const denied = await wb.notification(/approv/i)
    assert.doesNotMatch(denied, /at \w+ \(|Error:/)
    await wb.shot('deploy-production-denied')
    assert.equal(
      (await serve!.events('deploy.started')).filter((e) => e.payload.env === 'production').length,
      0,
    )

    const approver = await serve!.token('bo@example.com', 'approver')
    const approval = await fetch(`${serve!.url}/api/v1/releases/1.0.0/approvals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${approver}`, 'content-type': 'application/json' },
      body: JSON.stringify({ env: 'production', reason: 'reviewed staging' }),
    })
    assert.equal(approval.status, 201)
    await wb.clearNotifications()
    await wb.run('Deploy: Production')
    assert.match(await wb.dialog('Deploy 1.0.0 to production?', 'Confirm'), /Approvals: 1 of 1/)
    await wb.answer('Type "production" to confirm', 'production')
    await wb.notification('Deployed 1.0.0 to production')
    await wb.shot('deploy-production')
    const started = (await serve!.events('deploy.started')).filter((e) => e.payload.env === 'production')
    assert.deepEqual(
      started.map((e) => [e.actor.id, e.payload.confirmation]),
      [[DEV, 'prior-approval']],
    )
  })

  it('freezes and unfreezes production with a reason when "Toggle Production Freeze" runs', async (t) => {
    if (needsVscode(t)) return
    await wb.run('Toggle Production Freeze')
    await wb.answer('Why freeze production', 'release party')
    await wb.notification('production frozen: release party')
    await wb.statusBar(/production frozen/)
    await wb.shot('freeze')
    await wb.run('Toggle Production Freeze')
    await wb.answer('Why lift it now', 'party over')
    await wb.statusBar(/production open/)
    const events = await serve!.events('freeze.*')
    assert.deepEqual(
      events.map((e) => [e.type, e.actor.id, e.reason]),
      [
        ['freeze.enabled', DEV, 'release party'],
        ['freeze.disabled', DEV, 'party over'],
      ],
    )
  })

  it('opens an incident with its plan when "Trigger AI Incident Response" runs on a faulty service', async (t) => {
    if (needsVscode(t)) return
    await fleet!.fault('production', 'api', { errorRate: 1 })
    await wb.run('Trigger AI Incident Response')
    await wb.answer('Incident on production: type', 'outage')
    await wb.answer('Incident on production: severity', 'SEV2')
    // The incident agent inside rina serve may have opened it from the failing probe already: then it is updated.
    await wb.notification(/Incident \S+ (opened|updated): SEV2 /)
    await wb.page.locator('.monaco-editor', { hasText: '## Plan' }).first().waitFor({ timeout: 30_000 })
    await wb.shot('incident')
    // The check it runs may also add probe signals by the same person to another open incident: the declaration
    // itself lands on exactly one.
    type Declared = { kind: string; declared?: { severity?: string } }
    const manualOf = (e: { payload: Record<string, unknown> }) =>
      (e.payload.signals as Declared[]).find((s) => s.kind === 'manual')
    const mine = (await serve!.events('incident.opened,incident.updated')).filter(
      (e) => e.actor.id === DEV && manualOf(e) !== undefined,
    )
    assert.equal(mine.length, 1)
    assert.equal(mine[0]!.payload.type, 'outage')
    assert.equal(manualOf(mine[0]!)?.declared?.severity, 'SEV2')
    await fleet!.clearFaults()
  })

  it('shows the dashboard of rina serve in a webview when "Open AI Terminal Panel" runs', async (t) => {
    if (needsVscode(t)) return
    await wb.run('Open AI Terminal Panel')
    const webview = wb.page
      .frameLocator('iframe.webview.ready[src*="extensionId=rinawarp"]')
      .frameLocator('#active-frame')
    const frame = webview.locator('iframe#dashboard')
    await frame.waitFor({ timeout: 60_000 })
    const src = (await frame.getAttribute('src')) ?? ''
    assert.ok(src.startsWith(`${serve!.url}/#`), src)
    assert.match(src, /token=rwd_/)
    // The dashboard itself renders inside the webview (its navigation is there).
    await webview
      .frameLocator('iframe#dashboard')
      .locator('nav[aria-label="Sections"]')
      .waitFor({ timeout: 60_000 })
    await wb.shot('panel')
  })
})
