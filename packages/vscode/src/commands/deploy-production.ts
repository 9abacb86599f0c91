/**
 * @module "Deploy: Production": shows freeze, approvals and health first, then a modal confirmation in which the
 * person types the environment name. The API call still needs a prior approval by a person: when it is missing
 * the gate's reasons are shown; nothing here bypasses a gate.
 */
import * as vscode from 'vscode'
import type { EnvStatus, HealthCheckAnswer, Review } from '../api/types.ts'
import type { Connection } from '../connection.ts'
import { envNames } from '../settings.ts'
import { showProblem } from '../ui.ts'
import { productionFacts } from './production-facts.ts'
import type { DeployOutcome } from './run-deploy.ts'
import { runDeploy } from './run-deploy.ts'

export function deployProduction(conn: Connection) {
  return async (): Promise<DeployOutcome | null> => {
    const client = await conn.ready()
    if (!client) return null
    const envs = envNames()
    const facts = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Checking ${envs.production}` },
      async (progress) => {
        progress.report({ message: 'freeze and releases' })
        const status = await client.get<{ environments: EnvStatus[] }>('/api/v1/status')
        if (!status.ok) return void showProblem(status.problem)
        const prod = status.value.environments.find((e) => e.env === envs.production)
        if (!prod)
          return void vscode.window.showErrorMessage(`No environment ${envs.production} on the server.`)
        const staging = status.value.environments.find((e) => e.env === envs.staging)
        const release = staging?.current
        progress.report({ message: 'approvals' })
        const review = release
          ? await client.get<Review>(`/api/v1/releases/${encodeURIComponent(release)}/review?env=${prod.env}`)
          : null
        progress.report({ message: 'health' })
        const health = await client.post<HealthCheckAnswer>('/api/v1/health/check', { env: prod.env })
        return productionFacts(
          staging,
          prod,
          review?.ok ? review.value : null,
          health.ok ? health.value : null,
        )
      },
    )
    if (!facts) return null
    if (!facts.release) {
      void vscode.window.showWarningMessage(
        `Nothing to promote: ${envs.staging} has no release. Deploy staging first.`,
      )
      return null
    }
    const detail = [...facts.lines, ...facts.blockers.map((b) => `⚠ ${b}`)].join('\n')
    const go = await vscode.window.showWarningMessage(
      `Deploy ${facts.release} to ${envs.production}?`,
      { modal: true, detail },
      'Confirm…',
    )
    if (go !== 'Confirm…') return null
    const typed = await vscode.window.showInputBox({
      title: `Deploy ${facts.release} to ${envs.production}`,
      prompt: `Type "${envs.production}" to confirm`,
      ignoreFocusOut: true,
      validateInput: (v) => (v === envs.production ? null : `type ${envs.production} exactly`),
    })
    if (typed !== envs.production) {
      void vscode.window.showInformationMessage('Production deploy cancelled: the name was not typed.')
      return null
    }
    const outcome = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Deploy to ${envs.production}`,
        cancellable: true,
      },
      (progress, token) =>
        runDeploy(client, { env: envs.production, release: facts.release! }, progress, token),
    )
    return outcome
  }
}
