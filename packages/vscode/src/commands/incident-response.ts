/**
 * @module "Trigger AI Incident Response": type and severity quick picks (or let the analysis decide), then the
 * server checks health and logs now and answers with the incident, its plan and the prepared rollback.
 */
import * as vscode from 'vscode'
import { INCIDENT_SEVERITIES, INCIDENT_TYPES } from '../api/words.ts'
import type { IncidentAnswer } from '../api/types.ts'
import type { Connection } from '../connection.ts'
import { envNames } from '../settings.ts'
import { showMarkdown, showProblem } from '../ui.ts'
import { incidentMarkdown } from './incident-markdown.ts'

const ASSESS = 'Let the analysis decide'

export function incidentResponse(conn: Connection) {
  return async (): Promise<IncidentAnswer | null> => {
    const client = await conn.ready()
    if (!client) return null
    const env = envNames().production
    const type = await vscode.window.showQuickPick([ASSESS, ...INCIDENT_TYPES], {
      title: `Incident on ${env}: type`,
      placeHolder: 'What kind of incident?',
    })
    if (!type) return null
    const severity = await vscode.window.showQuickPick([ASSESS, ...INCIDENT_SEVERITIES], {
      title: `Incident on ${env}: severity`,
      placeHolder: 'SEV1 is the most severe',
    })
    if (!severity) return null
    const body = {
      env,
      ...(type === ASSESS ? {} : { type }),
      ...(severity === ASSESS ? {} : { severity }),
    }
    const answer = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: 'Incident response: checking health and logs',
      },
      () => client.post<IncidentAnswer>('/api/v1/incident-response', body),
    )
    if (!answer.ok) return (void showProblem(answer.problem), null)
    const i = answer.value.incident
    void vscode.window.showWarningMessage(
      `Incident ${i.id} ${answer.value.opened ? 'opened' : 'updated'}: ${i.severity} ${i.title}.` +
        (i.plan?.rollback.ready ? ` Rollback prepared to ${i.plan.rollback.to}.` : ''),
    )
    await showMarkdown(incidentMarkdown(i, answer.value.opened))
    return answer.value
  }
}
