/**
 * @module Driving the VS Code workbench in a browser: the command palette (with the retries a freshly painted
 * workbench needs), quick inputs, notifications and modal dialogs, and screenshots into artifacts/screenshots.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { REPO } from './code-server.ts'

export const SHOTS = join(REPO, 'artifacts', 'screenshots')

export class Workbench {
  readonly page: Page

  constructor(page: Page) {
    this.page = page
  }

  async open(url: string, folder: string): Promise<void> {
    await this.page.goto(`${url}/?folder=${encodeURIComponent(folder)}`)
    await this.page.locator('#workbench\\.parts\\.statusbar').waitFor({ timeout: 90_000 })
  }

  /** Runs a palette command by its title; retries while contributed commands are still being registered. */
  async run(title: string, deadlineMs = 90_000): Promise<void> {
    const end = Date.now() + deadlineMs
    const input = this.page.locator('.quick-input-widget .quick-input-box input')
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first()
    for (;;) {
      try {
        await this.page.keyboard.press('F1')
        await input.waitFor({ state: 'visible', timeout: 3000 })
        await input.fill(`>${title}`)
        await row.waitFor({ timeout: 3000 })
        const label = (await row.getAttribute('aria-label')) ?? ''
        const focused = await row.evaluate((el) => el.classList.contains('focused'))
        if (focused && label.startsWith(title)) await this.page.keyboard.press('Enter')
        else await row.click()
        return
      } catch (e) {
        if (Date.now() > end) throw e
        await this.page.keyboard.press('Escape')
        await this.page.waitForTimeout(500)
      }
    }
  }

  /** Answers the quick input whose title or prompt shows `marker` (an input box, or a pick by its label). */
  async answer(marker: string, text: string): Promise<void> {
    const widget = this.page.locator('.quick-input-widget', { hasText: marker })
    await widget.waitFor({ state: 'visible', timeout: 60_000 })
    const input = widget.locator('.quick-input-box input')
    await input.fill(text)
    await this.page.waitForTimeout(200)
    await input.press('Enter')
    await widget.waitFor({ state: 'hidden', timeout: 60_000 }).catch(() => {})
  }

  /** Waits for a notification (or its screen-reader announcement) with this text; answers its text. */
  async notification(text: string | RegExp, timeout = 120_000): Promise<string> {
    const n = this.page
      .locator('.notifications-toasts .notification-toast, .monaco-alert', { hasText: text })
      .first()
    try {
      await n.waitFor({ state: 'attached', timeout })
    } catch (e) {
      await this.shot(`failed-${String(text).replace(/\W+/g, '-').slice(0, 40)}`)
      throw e
    }
    return (await n.textContent()) ?? ''
  }

  /** Clicks a button of the modal dialog that shows `marker`; answers the dialog's text. */
  async dialog(marker: string, button: string): Promise<string> {
    const box = this.page.locator('.monaco-dialog-box', { hasText: marker })
    await box.waitFor({ timeout: 60_000 })
    const text = (await box.textContent()) ?? ''
    await box.locator('.monaco-button', { hasText: button }).first().click()
    return text
  }

  async statusBar(text: string | RegExp): Promise<void> {
    await this.page
      .locator('#workbench\\.parts\\.statusbar .statusbar-item', { hasText: text })
      .first()
      .waitFor({ timeout: 60_000 })
  }

  async clearNotifications(): Promise<void> {
    await this.run('Notifications: Clear All Notifications').catch(() => {})
  }

  async shot(name: string): Promise<string> {
    mkdirSync(SHOTS, { recursive: true })
    const path = join(SHOTS, `vscode-${name}.png`)
    await this.page.screenshot({ path })
    return path
  }
}
