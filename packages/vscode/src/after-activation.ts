/**
 * @module Work that `activate` only registers: a task that runs once on the first timer tick after activation
 * has returned (never inside it), and never if the extension is disposed before that tick.
 */
import type * as vscode from 'vscode'

export function afterActivation(task: () => void): vscode.Disposable {
  const timer = setTimeout(task, 0)
  return { dispose: () => clearTimeout(timer) }
}
