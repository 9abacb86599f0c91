/**
 * @module Status bar: production's freeze and the overall health, refreshed from the journal's live event stream
 * (reconnecting with backoff) and on every connection change; a click opens the AI Terminal Panel. Building it
 * only shows the item: the stream starts with `start()` or the first connection change.
 */
import * as vscode from 'vscode'
import { readSse } from '../api/sse.ts'
import type { EnvStatus } from '../api/types.ts'
import { COMMANDS } from '../commands/ids.ts'
import type { Connection } from '../connection.ts'
import { envNames } from '../settings.ts'
import { statusSummary } from './status-summary.ts'

const DEBOUNCE_MS = 250
const MAX_BACKOFF_MS = 15_000

export class StatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem
  readonly #conn: Connection
  readonly #subs: vscode.Disposable[] = []
  #live: AbortController | null = null
  #timer: ReturnType<typeof setTimeout> | null = null
  #disposed = false

  constructor(conn: Connection) {
    this.#conn = conn
    this.item = vscode.window.createStatusBarItem('rinawarp.status', vscode.StatusBarAlignment.Left, 50)
    this.item.name = 'RinaWarp Deploy'
    this.item.command = COMMANDS.openPanel.id
    this.item.text = '$(sync~spin) RinaWarp'
    this.item.show()
    this.#subs.push(conn.onDidChange(() => this.restart()))
  }

  /** Connects the live stream and refreshes now, unless it already runs. */
  start(): void {
    if (!this.#live) this.restart()
  }

  /** (Re)connects the live stream and refreshes now. */
  restart(): void {
    this.#live?.abort()
    if (this.#disposed) return
    const live = new AbortController()
    this.#live = live
    void this.#follow(live.signal)
  }

  async refresh(): Promise<void> {
    const client = await this.#conn.client()
    if (!client.hasToken)
      return this.#show('$(plug) RinaWarp: no token', 'Set a token: RinaWarp: Set API Token')
    const res = await client.get<{ environments: EnvStatus[] }>('/api/v1/status?runs=0')
    if (!res.ok) return this.#show('$(plug) RinaWarp: offline', res.problem.message)
    const s = statusSummary(res.value.environments, envNames().production)
    this.item.text = s.text
    this.item.tooltip = s.tooltip
    this.item.backgroundColor =
      s.tone === 'normal' ? undefined : new vscode.ThemeColor(`statusBarItem.${s.tone}Background`)
  }

  async #follow(signal: AbortSignal): Promise<void> {
    let backoff = 1000
    while (!signal.aborted) {
      const client = await this.#conn.client()
      const res = client.hasToken ? await client.stream('/api/v1/events', signal) : null
      // Read state only once the stream is open, so no event falls between the two.
      await this.refresh()
      if (res?.ok) {
        backoff = 1000
        try {
          for await (const frame of readSse(res.value)) if (frame.event === 'journal') this.#soon()
        } catch {
          // the stream broke: reconnect below
        }
      }
      if (signal.aborted) return
      await new Promise((r) => setTimeout(r, backoff))
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS)
    }
  }

  #soon(): void {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = setTimeout(() => void this.refresh(), DEBOUNCE_MS)
  }

  #show(text: string, tooltip: string): void {
    this.item.text = text
    this.item.tooltip = `${tooltip}\nClick to open the AI Terminal Panel`
    this.item.backgroundColor = undefined
  }

  dispose(): void {
    this.#disposed = true
    this.#live?.abort()
    if (this.#timer) clearTimeout(this.#timer)
    for (const s of this.#subs) s.dispose()
    this.item.dispose()
  }
}
