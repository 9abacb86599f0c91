/**
 * @module "Deploy: Staging": preflight of the working tree, a health check of staging, then the deploy with
 * progress and a link to the run. A no-go preflight or unhealthy staging asks before going on; the server's
 * own gates still decide.
 */
import * as vscode from 'vscode'
import type { HealthCheckAnswer } from '../api/types.ts'
import type { Connection } from '../connection.ts'
import { envNames } from '../settings.ts'
import { showProblem } from '../ui.ts'
import type { PreflightDiagnostics } from '../views/diagnostics.ts'
import type { DeployOutcome } from './run-deploy.ts'
import { runDeploy } from './run-deploy.ts'

export function deployStaging(conn: Connection, preflight: PreflightDiagnostics) {
  return async (): Promise<DeployOutcome | null> => {
    const client = await conn.ready()
    if (!client) return null
    const env = envNames().staging
    const release = await vscode.window.showInputBox({
      title: `Deploy to ${env}`,
      prompt: 'Release to deploy (empty: the git commit at HEAD of the project)',
      placeHolder: 'e.g. 1.4.2',
      ignoreFocusOut: true,
      validateInput: (v) => (v === '' || /^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(v) ? null : 'not a release id'),
    })
    if (release === undefined) return null
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Deploy to ${env}`, cancellable: true },
      async (progress, token) => {
        progress.report({ message: 'preflight of the working tree' })
        const report = await preflight.refresh()
        if (report?.decision === 'no-go') {
          const go = await vscode.window.showWarningMessage(
            `Preflight says no-go: ${report.summary}. The server will refuse the deploy unless the risk is accepted.`,
            'Deploy anyway',
          )
          if (go !== 'Deploy anyway') return { runId: null, status: 'refused' }
        }
        progress.report({ message: `health check of ${env}` })
        const health = await client.post<HealthCheckAnswer>('/api/v1/health/check', { env })
        if (!health.ok) {
          void showProblem(health.problem)
          return { runId: null, status: 'refused' }
        }
        // Before a first release nothing runs there: failing probes are expected then, not a reason to stop.
        const running = health.value.environments.filter((e) => e.release !== null)
        const failing = running.flatMap((e) => e.results.filter((r) => !r.ok))
        if (failing.length) {
          const go = await vscode.window.showWarningMessage(
            `${env} is unhealthy: ${failing.map((r) => `${r.service}/${r.probe}: ${r.detail}`).join('; ')}`,
            'Deploy anyway',
          )
          if (go !== 'Deploy anyway') return { runId: null, status: 'refused' }
        }
        return runDeploy(client, { env, ...(release ? { release } : {}) }, progress, token)
      },
    )
  }
}
