/** @module The webview host of the AI Terminal Panel: one panel, revealed when open, reloaded when the link changes. */
import { randomBytes } from 'node:crypto'
import * as vscode from 'vscode'
import type { Connection } from '../connection.ts'
import { panelHtml } from './panel-html.ts'

export class TerminalPanel implements vscode.Disposable {
  readonly #conn: Connection
  #panel: vscode.WebviewPanel | null = null
  #sub: vscode.Disposable

  constructor(conn: Connection) {
    this.#conn = conn
    this.#sub = conn.onDidChange(() => void this.#render())
  }

  get isOpen(): boolean {
    return this.#panel !== null
  }

  /** Opens (or reveals) the panel; answers whether a server was there to show. */
  async open(focus?: string): Promise<boolean> {
    const client = await this.#conn.ready()
    if (!client) return false
    if (this.#panel) this.#panel.reveal()
    else {
      this.#panel = vscode.window.createWebviewPanel(
        'rinawarp.terminalPanel',
        'AI Terminal Panel',
        vscode.ViewColumn.Active,
        { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [] },
      )
      this.#panel.onDidDispose(() => (this.#panel = null))
    }
    await this.#render(focus)
    return true
  }

  async #render(focus?: string): Promise<void> {
    if (!this.#panel) return
    const nonce = randomBytes(16).toString('base64url')
    const token = await this.#conn.token()
    this.#panel.webview.html = panelHtml({ serverUrl: this.#conn.serverUrl, token, nonce, focus })
  }

  dispose(): void {
    this.#sub.dispose()
    this.#panel?.dispose()
  }
}
