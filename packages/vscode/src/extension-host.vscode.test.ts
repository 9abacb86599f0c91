/**
 * @module Extension-host suites inside a real VS Code (code-server): the Mocha suites in src/test/host run with
 * the full `vscode` API against a real `rina serve`, loaded through the workbench's ?payload= as a development
 * extension; their results come back through a file. Skips without code-server — fails instead under CI=true.
 */
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { launchBrowser } from './testing/browser.ts'
import type { CodeServer } from './testing/code-server.ts'
import { EXT_DIR, buildExtension, installCodeServer, startCodeServer } from './testing/code-server.ts'
import type { RinaServe } from './testing/rina-serve.ts'
import { startRinaServe } from './testing/rina-serve.ts'
import { MINIMAL_CONFIG, editorSettings, gitWorkspace } from './testing/workspace.ts'

const CI = process.env.CI === 'true'

describe('extension in the VS Code extension host', () => {
  let unavailable: string | null = null
  let ws = ''
  let serve: RinaServe | null = null
  let cs: CodeServer | null = null

  before(async () => {
    unavailable = await installCodeServer()
    if (unavailable) return
    ws = mkdtempSync(join(tmpdir(), 'rina-vscode-host-'))
    gitWorkspace(ws, { 'rina.yml': MINIMAL_CONFIG, 'src/index.ts': 'export const ok = true\n' })
    serve = await startRinaServe(ws)
    editorSettings(ws, serve.url, await serve.token('dev@example.com', 'approver'))
    await buildExtension()
    cs = await startCodeServer({ folder: ws })
  })
  after(async () => {
    await cs?.stop()
    await serve?.stop()
    if (ws) rmSync(ws, { recursive: true, force: true })
  })

  it('passes every in-host suite when run with the full vscode API', async (t) => {
    if (unavailable) {
      if (CI) assert.fail(`code-server is required under CI: ${unavailable}`)
      return t.skip(`code-server unavailable: ${unavailable}`)
    }
    const remote = (p: string) => `vscode-remote://127.0.0.1:${cs!.port}${p}`
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(EXT_DIR)],
      ['extensionTestsPath', remote(join(EXT_DIR, 'dist', 'test', 'index.cjs'))],
    ])
    const browser = await launchBrowser()
    try {
      const page = browser.context.pages()[0] ?? (await browser.context.newPage())
      const consoleLines: string[] = []
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') consoleLines.push(m.text().slice(0, 500))
      })
      const exit = new Promise<number>((resolve) => void page.exposeFunction('codeAutomationExit', resolve))
      await page.goto(`${cs!.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`)
      const code = await Promise.race([
        exit,
        new Promise<string>((r) => setTimeout(() => r('no exit from the extension host'), 240_000).unref()),
      ])
      const file = join(ws, '.rina-e2e', 'host-results.txt')
      const results = existsSync(file) ? readFileSync(file, 'utf8') : '(no results file)'
      t.diagnostic(results.trim())
      const logs = `${cs!.log()}\n--- workbench console ---\n${consoleLines.slice(-30).join('\n')}`
      assert.equal(code, 0, `${results}\n--- code-server log ---\n${logs}`)
      assert.match(results, /^\d+ passed, 0 failed$/m)
    } finally {
      await browser.close()
    }
  })
})
