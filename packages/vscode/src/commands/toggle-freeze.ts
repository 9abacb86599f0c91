/**
 * @module "Toggle Production Freeze": reads the freeze, asks for the reason (a person's action always has one),
 * then freezes or lifts it. The engine journals it and the notifications go out from the server's outbox.
 */
import * as vscode from 'vscode'
import type { FreezeStatus } from '../api/types.ts'
import type { Connection } from '../connection.ts'
import { envNames } from '../settings.ts'
import { showProblem } from '../ui.ts'

export type FreezeOutcome = { frozen: boolean; changed: boolean } | null

export function toggleFreeze(conn: Connection) {
  return async (): Promise<FreezeOutcome> => {
    const client = await conn.ready()
    if (!client) return null
    const env = envNames().production
    const now = await client.get<{ environments: FreezeStatus[] }>(
      `/api/v1/freeze?env=${encodeURIComponent(env)}`,
    )
    if (!now.ok) return (void showProblem(now.problem), null)
    const frozen = now.value.environments[0]?.frozen ?? false
    const by = now.value.environments[0]?.manual
    const reason = await vscode.window.showInputBox({
      title: frozen ? `Lift the freeze of ${env}` : `Freeze ${env}`,
      prompt: frozen
        ? `Frozen${by ? ` by ${by.by.id}: ${by.reason}` : ''}. Why lift it now?`
        : `No deploy will be accepted until it is lifted. Why freeze ${env}?`,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim().length >= 3 ? null : 'a reason is required'),
    })
    if (!reason) return null
    const path = frozen ? '/api/v1/freeze/disable' : '/api/v1/freeze/enable'
    const done = await client.post<Record<string, { changed: boolean }[]>>(path, {
      env,
      reason: reason.trim(),
    })
    if (!done.ok) return (void showProblem(done.problem), null)
    const changed = Object.values(done.value)[0]?.[0]?.changed ?? false
    void vscode.window.showInformationMessage(
      frozen
        ? `${env} unfrozen: ${reason.trim()}. Notifications sent.`
        : `${env} frozen: ${reason.trim()}. Notifications sent.`,
    )
    return { frozen: !frozen, changed }
  }
}
