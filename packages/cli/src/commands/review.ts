/** @module rina review RELEASE */
import { formatActor, review as reviewRelease } from '@rinawarp/engine'
import type { ProbeSummary } from '@rinawarp/engine'
import { withContext } from '../context.ts'
import type { Run } from '../io.ts'
import { table } from '../output.ts'

export async function review(run: Run, release: string, opts: { env?: string }): Promise<void> {
  await withContext(run, async (ctx) => {
    const r = await reviewRelease(ctx, { release, env: opts.env })
    run.out.result(r)
    const p = run.out.paint
    const rel = r.release
    run.out.line(p('bold', `Release ${rel.id}`) + ` for ${r.target}`)
    run.out.line(
      `  built from ${rel.commit?.slice(0, 12) ?? 'an unknown commit'}${rel.branch ? ` on ${rel.branch}` : ''}${rel.subject ? `: ${rel.subject}` : ''}`,
    )
    run.out.line(`  requested by ${formatActor(rel.registeredBy)} at ${rel.registeredAt}`)
    run.out.line(
      `\n${p('bold', 'Changes')}${r.comparedWith ? ` since ${r.comparedWith.release} (running in ${r.target})` : ''}`,
    )
    if (r.diffStat) run.out.line(`  ${r.diffStat}`)
    for (const c of r.commits.slice(0, 20)) run.out.line(`  ${c}`)
    if (r.commits.length > 20) run.out.line(`  … and ${r.commits.length - 20} more`)
    if (!r.commits.length) run.out.line('  (no commit information)')
    run.out.line(`\n${p('bold', 'Preflight')}`)
    if (!r.preflight) run.out.line('  not run')
    else {
      run.out.line(
        `  ${r.preflight.decision}${r.preflight.score !== null ? `, risk ${r.preflight.score}/100` : ''}: ${r.preflight.summary}`,
      )
      if (r.acceptedRiskReason) run.out.line(p('yellow', `  risk accepted: ${r.acceptedRiskReason}`))
      for (const f of r.preflight.findings.slice(0, 10))
        run.out.line(`  [${f.severity}] ${f.ruleId} ${f.file}:${f.line} ${f.message}`)
    }
    run.out.line(`\n${p('bold', 'Validation')}`)
    if (!r.runs.length) run.out.line('  never deployed')
    for (const x of r.runs) {
      run.out.line(
        `  ${x.kind} in ${x.env}: ${x.status}${x.reason && x.status !== 'succeeded' ? ` (${x.reason})` : ''}, ${x.startedAt}`,
      )
      if (x.gate) probes(run, 'health gate', x.gate)
      if (x.soak) probes(run, 'soak', x.soak)
    }
    run.out.line(
      `\n${p('bold', 'Approvals')} for ${r.approvalsNeeded.env}: ${r.approvalsNeeded.counting} of ${r.approvalsNeeded.required}`,
    )
    for (const [env, list] of Object.entries(r.approvals)) {
      for (const a of list) run.out.line(`  ${env}: ${formatActor(a.by)} at ${a.at}: ${a.reason}`)
    }
    run.out.line(`\napprove with: rina approve ${rel.id} --env ${r.target} --reason "…"`)
  })
}

function probes(run: Run, title: string, list: ProbeSummary[]): void {
  run.out.line(`    ${title}:`)
  const rows = list.map((s) => [
    `      ${s.service}/${s.probe}`,
    `${s.passes} ok / ${s.failures} failed`,
    `p50 ${s.latencyMs.p50} ms, max ${s.latencyMs.max} ms`,
    s.lastDetail,
  ])
  if (rows.length) run.out.line(table(rows))
}
