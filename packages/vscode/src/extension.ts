/**
 * @module The extension's entry: `activate` only builds the parts and registers their disposables; every command
 * declared in package.json is registered here (a test checks both lists match). It makes no request and starts
 * no process: the status bar's live stream and the first preflight start in a task registered to run after it
 * returns (cancelled if the extension is disposed first); later ones follow connection changes, saves and commands.
 */
import * as vscode from 'vscode'
import { afterActivation } from './after-activation.ts'
import { deployProduction } from './commands/deploy-production.ts'
import { deployStaging } from './commands/deploy-staging.ts'
import type { CommandKey } from './commands/ids.ts'
import { COMMANDS } from './commands/ids.ts'
import { incidentResponse } from './commands/incident-response.ts'
import { toggleFreeze } from './commands/toggle-freeze.ts'
import { Connection } from './connection.ts'
import { PreflightDiagnostics } from './views/diagnostics.ts'
import { TerminalPanel } from './views/panel.ts'
import { StatusBar } from './views/status-bar.ts'

export interface ExtensionApi {
  /** The command ids this activation registered. */
  registered: readonly string[]
  diagnostics: vscode.DiagnosticCollection
  statusBar: vscode.StatusBarItem
  panelOpen(): boolean
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const conn = new Connection(context.secrets)
  const preflight = new PreflightDiagnostics(conn)
  const panel = new TerminalPanel(conn)
  const status = new StatusBar(conn)

  const handlers: Record<CommandKey, (...args: unknown[]) => unknown> = {
    deployStaging: deployStaging(conn, preflight),
    deployProduction: deployProduction(conn),
    toggleFreeze: toggleFreeze(conn),
    incidentResponse: incidentResponse(conn),
    openPanel: (focus?: unknown) => panel.open(typeof focus === 'string' ? focus : undefined),
    // A token passed as an argument (scripts, tests) is stored as is; otherwise the person is asked.
    setToken: (token?: unknown) =>
      typeof token === 'string' ? conn.setToken(token).then(() => true) : conn.promptToken(),
    preflight: () => preflight.refresh(),
    startServer: () => conn.startLocal(),
  }
  const registered = Object.entries(handlers).map(([key, run]) => {
    const id = COMMANDS[key as CommandKey].id
    context.subscriptions.push(vscode.commands.registerCommand(id, run))
    return id
  })
  context.subscriptions.push(
    conn,
    preflight,
    panel,
    status,
    afterActivation(() => {
      status.start()
      if (vscode.workspace.getConfiguration('rinawarp').get<boolean>('preflightOnSave', true))
        void preflight.refresh()
    }),
  )

  return {
    registered,
    diagnostics: preflight.collection,
    statusBar: status.item,
    panelOpen: () => panel.isOpen,
  }
}

export function deactivate(): void {}
