/**
 * @module Suites that run inside VS Code's extension host with the full `vscode` API, against a real `rina serve`
 * the driver started (its URL and a token are in the workspace's .rina-e2e/e2e.json).
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import * as vscode from 'vscode'
import type { ExtensionApi } from '../../extension.ts'

const EXT_ID = 'rinawarp.rinawarp-deploy-vscode'

interface E2e {
  serverUrl: string
  token: string
}

async function until<T>(what: string, probe: () => T | null | undefined | false, ms = 30_000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const v = probe()
    if (v) return v
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

export function defineSuites(): void {
  suite('rinawarp extension', () => {
    let api: ExtensionApi
    let e2e: E2e
    let root: vscode.Uri

    suiteSetup(async () => {
      root = vscode.workspace.workspaceFolders![0]!.uri
      e2e = JSON.parse(readFileSync(vscode.Uri.joinPath(root, '.rina-e2e', 'e2e.json').fsPath, 'utf8')) as E2e
      api = (await vscode.extensions.getExtension<ExtensionApi>(EXT_ID)!.activate()) as ExtensionApi
    })

    test('registers every command declared in package.json when activated', async () => {
      const declared = (
        vscode.extensions.getExtension(EXT_ID)!.packageJSON as {
          contributes: { commands: { command: string }[] }
        }
      ).contributes.commands.map((c) => c.command)
      const all = new Set(await vscode.commands.getCommands(true))
      assert.deepEqual(
        declared.filter((id) => !all.has(id)),
        [],
      )
      assert.deepEqual([...api.registered].sort(), [...declared].sort())
    })

    test('shows production open in the status bar when a token is set', async () => {
      await vscode.commands.executeCommand('rinawarp.setToken', e2e.token)
      await until('status bar text', () => api.statusBar.text.includes('production open'))
      assert.equal(api.statusBar.command, 'rinawarp.openPanel')
    })

    test('updates the status bar live when another client freezes production', async () => {
      const post = (path: string, body: object) =>
        fetch(`${e2e.serverUrl}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${e2e.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      assert.equal(
        (await post('/api/v1/freeze/enable', { env: 'production', reason: 'host test' })).status,
        200,
      )
      await until('frozen in the status bar', () => api.statusBar.text.includes('production frozen'))
      assert.equal(
        (await post('/api/v1/freeze/disable', { env: 'production', reason: 'host test over' })).status,
        200,
      )
      await until('open in the status bar', () => api.statusBar.text.includes('production open'))
    })

    test('shows preflight findings as problems when a file with a secret is saved', async () => {
      // src/index.ts is committed by the driver; the secret arrives through an editor edit and a save.
      const uri = vscode.Uri.joinPath(root, 'src', 'index.ts')
      const doc = await vscode.workspace.openTextDocument(uri)
      await vscode.window.showTextDocument(doc)
      const edit = new vscode.WorkspaceEdit()
      const key = ['AKIA', 'Z7QW3RTY5UIO2PLK'].join('')
      edit.insert(uri, new vscode.Position(1, 0), `export const key = "${key}"\n`)
      assert.ok(await vscode.workspace.applyEdit(edit), 'edit applied')
      assert.ok(doc.isDirty, 'document dirty after the edit')
      // A save can be refused while the workbench is still settling (a busy machine); a person would save again.
      let saved = false
      for (let attempt = 0; attempt < 5 && !saved; attempt++) {
        saved = (await doc.save()) || !doc.isDirty
        if (!saved) await new Promise((r) => setTimeout(r, 500))
      }
      assert.ok(saved, 'document saved')
      const found = await until('a preflight diagnostic', () =>
        vscode.languages.getDiagnostics(uri).find((d) => d.source === 'rina preflight'),
      )
      assert.equal(found.range.start.line, 1)
      assert.equal(found.severity, vscode.DiagnosticSeverity.Error)
    })

    test('opens the AI Terminal Panel as a webview when the command runs', async () => {
      assert.equal(await vscode.commands.executeCommand('rinawarp.openPanel'), true)
      assert.ok(api.panelOpen())
    })
  })
}
