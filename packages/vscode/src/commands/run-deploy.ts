/**
 * @module Starting a deploy and following it to its end with progress, then offering the run: shared by the
 * staging and production commands. Denials come back as the gate's reasons.
 */
import * as vscode from 'vscode'
import type { ApiClient } from '../api/client.ts'
import { followRun } from '../api/follow-run.ts'
import type { JournalEvent, StartedRun } from '../api/types.ts'
import { showMarkdown, showProblem } from '../ui.ts'

export interface DeployOutcome {
  runId: string | null
  status: 'succeeded' | 'failed' | 'interrupted' | 'refused' | 'lost'
}

export async function runDeploy(
  client: ApiClient,
  body: { env: string; release?: string },
  progress: vscode.Progress<{ message?: string }>,
  token: vscode.CancellationToken,
): Promise<DeployOutcome> {
  progress.report({ message: `starting the deploy to ${body.env}` })
  const started = await client.post<StartedRun>('/api/v1/deploys', body)
  if (!started.ok) {
    void showProblem(started.problem)
    return { runId: null, status: 'refused' }
  }
  const run = started.value
  const abort = new AbortController()
  const sub = token.onCancellationRequested(() => abort.abort())
  try {
    const end = await followRun(client, run, (line) => progress.report({ message: line }), abort.signal)
    if (!end.ok) {
      void showProblem(end.problem)
      return { runId: run.runId, status: 'lost' }
    }
    const release = String(end.event.payload.release)
    const text =
      end.status === 'succeeded'
        ? `Deployed ${release} to ${body.env} (run ${run.runId}).`
        : `Deploy of ${release} to ${body.env} ${end.status}: ${String(end.event.payload.reason ?? '')} (run ${run.runId}).`
    const show =
      end.status === 'succeeded' ? vscode.window.showInformationMessage : vscode.window.showErrorMessage
    void show(text, 'Show Run').then((pick) => {
      if (pick === 'Show Run') void showMarkdown(runMarkdown(client.baseUrl, run, end.events))
    })
    return { runId: run.runId, status: end.status }
  } finally {
    sub.dispose()
  }
}

export function runMarkdown(baseUrl: string, run: StartedRun, events: readonly JournalEvent[]): string {
  const rows = events.map(
    (e) =>
      `| ${e.seq} | ${e.time} | ${e.type} | ${e.actor.id} | ${(e.reason ?? '').replaceAll('|', '\\|')} |`,
  )
  return [
    `# Run ${run.runId}`,
    '',
    `API: ${baseUrl}${run.links.run}`,
    '',
    '| seq | time | event | actor | reason |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n')
}
