/**
 * @module The link to `rina serve`: the URL from settings, the token in VS Code's SecretStorage, and the offer to
 * start a local server when the workspace has a rina.yml and nothing answers. Fires onDidChange when either
 * changes, so live views reconnect.
 */
import type { ChildProcess } from 'node:child_process'
import * as vscode from 'vscode'
import { ApiClient } from './api/client.ts'
import { configFolder, createToken, localUser, rinaCommand, startRinaServe } from './local-server.ts'

const TOKEN_KEY = 'rinawarp.token'
const START = 'Start local rina serve'
const SET_TOKEN = 'Enter token'
const MAKE_TOKEN = 'Create a local token'

export class Connection implements vscode.Disposable {
  readonly #secrets: vscode.SecretStorage
  readonly #changed = new vscode.EventEmitter<void>()
  readonly onDidChange = this.#changed.event
  #server: ChildProcess | null = null
  #subs: vscode.Disposable[] = []

  constructor(secrets: vscode.SecretStorage) {
    this.#secrets = secrets
    this.#subs.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('rinawarp.serverUrl')) this.#changed.fire()
      }),
      secrets.onDidChange((e) => {
        if (e.key === TOKEN_KEY) this.#changed.fire()
      }),
    )
  }

  get serverUrl(): string {
    return vscode.workspace.getConfiguration('rinawarp').get<string>('serverUrl') || 'http://127.0.0.1:7070'
  }

  async token(): Promise<string | null> {
    return (await this.#secrets.get(TOKEN_KEY)) ?? null
  }

  async setToken(token: string | null): Promise<void> {
    if (token) await this.#secrets.store(TOKEN_KEY, token)
    else await this.#secrets.delete(TOKEN_KEY)
  }

  /** A client as configured now, without checking anything (for background views). */
  async client(): Promise<ApiClient> {
    return new ApiClient({ baseUrl: this.serverUrl, token: await this.token() })
  }

  /**
   * A client for a command a person started: the server answers and a token is set, else the person was told
   * why and offered the way out (start a local server, enter or create a token); null then.
   */
  async ready(): Promise<ApiClient | null> {
    let client = await this.client()
    if (!(await client.alive())) {
      const folder = this.#folder()
      const where = `rina serve does not answer at ${this.serverUrl}.`
      if (!folder) {
        void vscode.window.showErrorMessage(`${where} Start it, or set rinawarp.serverUrl.`)
        return null
      }
      const pick = await vscode.window.showWarningMessage(`${where} This workspace has a rina.yml.`, START)
      if (pick !== START || !(await this.startLocal())) return null
      client = await this.client()
    }
    if (!client.hasToken) {
      const folder = this.#folder()
      const pick = await vscode.window.showWarningMessage(
        'RinaWarp needs an API token (rina token create).',
        SET_TOKEN,
        ...(folder ? [MAKE_TOKEN] : []),
      )
      if (pick === SET_TOKEN) await this.promptToken()
      else if (pick === MAKE_TOKEN && folder) await this.makeLocalToken(folder)
      client = await this.client()
      if (!client.hasToken) return null
    }
    return client
  }

  async promptToken(): Promise<boolean> {
    const token = await vscode.window.showInputBox({
      title: 'RinaWarp API token',
      prompt: 'A token from `rina token create` (kept in VS Code’s secret storage)',
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (/^rwd_\S+$/.test(v.trim()) ? null : 'a token looks like rwd_…'),
    })
    if (!token) return false
    await this.setToken(token.trim())
    return true
  }

  /** Starts `rina serve` in the rina.yml folder on the configured port and waits until it answers. */
  async startLocal(): Promise<boolean> {
    const folder = this.#folder()
    if (!folder) {
      void vscode.window.showErrorMessage('No rina.yml in this workspace: nothing to serve.')
      return false
    }
    const url = new URL(this.serverUrl)
    const port = Number(url.port || 7070)
    const rina = rinaCommand(
      folder,
      vscode.workspace.getConfiguration('rinawarp').get<string>('rinaPath') ?? '',
    )
    this.#server?.kill('SIGTERM')
    const child = startRinaServe(rina, folder, port)
    this.#server = child
    const client = await this.client()
    const up = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Starting rina serve on port ${port}` },
      async () => {
        for (let i = 0; i < 80 && child.exitCode === null; i++) {
          if (await client.alive()) return true
          await new Promise((r) => setTimeout(r, 250))
        }
        return false
      },
    )
    if (!up) void vscode.window.showErrorMessage(`rina serve did not start in ${folder} (${rina.command}).`)
    else this.#changed.fire()
    return up
  }

  async makeLocalToken(folder: string): Promise<boolean> {
    const rina = rinaCommand(
      folder,
      vscode.workspace.getConfiguration('rinawarp').get<string>('rinaPath') ?? '',
    )
    const made = await createToken(rina, folder, await localUser(folder))
    if (!made.ok) {
      void vscode.window.showErrorMessage(`rina token create failed: ${made.reason}`)
      return false
    }
    await this.setToken(made.secret)
    return true
  }

  dispose(): void {
    this.#server?.kill('SIGTERM')
    for (const s of this.#subs) s.dispose()
    this.#changed.dispose()
  }

  #folder(): string | null {
    return configFolder((vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath))
  }
}
