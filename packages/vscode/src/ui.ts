/** @module Showing results in the editor: a server problem at its level (one place), and a follow-up choice. */
import * as vscode from 'vscode'
import { describeProblem, problemText } from './api/problems.ts'
import type { ApiProblem } from './api/types.ts'

export async function showProblem(p: ApiProblem, ...actions: string[]): Promise<string | undefined> {
  const text = problemText(p)
  switch (describeProblem(p).level) {
    case 'info':
      return vscode.window.showInformationMessage(text, ...actions)
    case 'warning':
      return vscode.window.showWarningMessage(text, ...actions)
    default:
      return vscode.window.showErrorMessage(text, ...actions)
  }
}

/** Opens read-only Markdown beside the editor (a run's events, an incident's plan). */
export async function showMarkdown(markdown: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown })
  await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside })
}
