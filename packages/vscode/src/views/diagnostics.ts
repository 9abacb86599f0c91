/**
 * @module Preflight findings for the working tree as diagnostics (editor squiggles and the Problems panel),
 * refreshed on save, on the preflight command and once after activation (extension.ts). The working tree goes to
 * the server as a diff, so a remote `rina serve` analyses the editor's files with the project's preflight config.
 */
import * as vscode from 'vscode'
import type { PreflightAnswer } from '../api/types.ts'
import type { Connection } from '../connection.ts'
import { workingTreeDiff } from '../git/working-tree-diff.ts'
import { diagnosticsByFile } from './findings.ts'

const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  critical: vscode.DiagnosticSeverity.Error,
  high: vscode.DiagnosticSeverity.Error,
  medium: vscode.DiagnosticSeverity.Warning,
  low: vscode.DiagnosticSeverity.Information,
  info: vscode.DiagnosticSeverity.Hint,
}

export class PreflightDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('rina-preflight')
  readonly #conn: Connection
  readonly #subs: vscode.Disposable[] = []
  #running: Promise<PreflightAnswer | null> | null = null
  #again = false
  #disposed = false

  constructor(conn: Connection) {
    this.#conn = conn
    this.#subs.push(
      vscode.workspace.onDidSaveTextDocument(() => {
        if (vscode.workspace.getConfiguration('rinawarp').get<boolean>('preflightOnSave', true))
          void this.refresh()
      }),
    )
  }

  /** Runs preflight now (one at a time; a save during a run runs it once more after). Null when not possible. */
  refresh(): Promise<PreflightAnswer | null> {
    if (this.#running) {
      this.#again = true
      return this.#running
    }
    this.#running = this.#run().finally(() => {
      this.#running = null
      if (this.#again) {
        this.#again = false
        void this.refresh()
      }
    })
    return this.#running
  }

  async #run(): Promise<PreflightAnswer | null> {
    const folder = vscode.workspace.workspaceFolders?.[0]
    if (!folder || this.#disposed) return null
    const client = await this.#conn.client()
    if (!client.hasToken) return null
    const diff = await workingTreeDiff(folder.uri.fsPath)
    if (!diff.ok) return null
    const res = await client.post<PreflightAnswer>('/api/v1/preflight', { diff: diff.diff })
    if (!res.ok || this.#disposed) return null
    this.collection.clear()
    const root = vscode.Uri.file(diff.root)
    for (const [file, items] of diagnosticsByFile(res.value.findings)) {
      this.collection.set(
        vscode.Uri.joinPath(root, file),
        items.map((d) => {
          const range = new vscode.Range(d.startLine, 0, d.endLine, Number.MAX_SAFE_INTEGER)
          const diag = new vscode.Diagnostic(
            range,
            d.message,
            SEVERITY[d.severity] ?? vscode.DiagnosticSeverity.Warning,
          )
          diag.source = 'rina preflight'
          diag.code = d.ruleId
          return diag
        }),
      )
    }
    return res.value
  }

  dispose(): void {
    this.#disposed = true
    for (const s of this.#subs) s.dispose()
    this.collection.dispose()
  }
}
