/** @module rina incident-response [TYPE] [SEVERITY] and rina incident list|show|ack|update|escalate|resolve|recover */
import type { IncidentView, RecoveryPath, ResponsePlan } from '@rinawarp/engine'
import {
  acknowledgeIncident,
  deliverNotifications,
  escalateIncident,
  formatActor,
  incidentResponse,
  listIncidents,
  noteIncident,
  RECOVERY_CHOICES,
  recoverIncident,
  resolveIncident,
  showIncident,
} from '@rinawarp/engine'
import { withContext } from '../context.ts'
import type { Run } from '../io.ts'
import { table } from '../output.ts'

const SEVERITY = /^sev\d+$/i

/** `rina incident-response [TYPE] [SEVERITY]`: either may be left out, e.g. `rina incident-response SEV1`. */
export async function response(
  run: Run,
  first: string | undefined,
  second: string | undefined,
  opts: { env?: string },
): Promise<void> {
  const args = [first, second].filter((a): a is string => a !== undefined)
  const severity = args.find((a) => SEVERITY.test(a))
  const type = args.find((a) => a !== severity)
  await withContext(run, async (ctx) => {
    const r = await run.out.progress('responding', (update) =>
      incidentResponse({ ...ctx, progress: update }, { env: opts.env, type, severity }),
    )
    run.out.result(r)
    const p = run.out.paint
    const bad = r.health.probes.filter((x) => !x.lastOk).map((x) => `${x.service}/${x.probe}`)
    run.out.line(
      `health: ${r.health.healthy ? p('green', 'every probe passes') : p('red', `failing: ${bad.join(', ')}`)}`,
    )
    for (const l of r.logs)
      run.out.line(
        `logs: ${l.name} ${l.error ? p('yellow', `unreadable (${l.error}): ${l.path}`) : `${l.lines} recent lines, ${l.errors} errors`}`,
      )
    run.out.line()
    printIncident(run, r.incident, r.opened ? 'opened' : 'updated')
  })
}

export async function list(run: Run, opts: { all?: boolean; env?: string }): Promise<void> {
  await withContext(run, async (ctx) => {
    const incidents = await listIncidents(ctx, { all: opts.all === true, env: opts.env })
    run.out.result({ incidents })
    if (!incidents.length) {
      run.out.line(
        opts.all ? 'no incidents' : 'no open incidents (rina incident list --all shows resolved ones)',
      )
      return
    }
    const rows = incidents.map((i) => [i.id, i.severity, i.status, i.env, i.startedAt, i.title])
    run.out.line(table([['ID', 'SEV', 'STATUS', 'ENV', 'STARTED', 'TITLE'], ...rows]))
  })
}

export async function show(run: Run, id: string): Promise<void> {
  await withContext(run, async (ctx) => {
    const v = await showIncident(ctx, id)
    run.out.result(v)
    printIncident(run, v, null)
    run.out.line(`\n${run.out.paint('bold', 'Timeline')}`)
    run.out.line(table(v.timeline.map((t) => [t.time, t.actor, t.text])))
    printRecovery(run, v.id, v.recovery)
  })
}

export async function ack(run: Run, id: string): Promise<void> {
  await withContext(run, async (ctx) => {
    const r = await acknowledgeIncident(ctx, id)
    run.out.result(r)
    run.out.line(
      r.changed
        ? `${r.incidentId} acknowledged (event ${r.seq})`
        : `${r.incidentId} was already acknowledged`,
    )
  })
}

export async function update(run: Run, id: string, opts: { note?: string; done?: string[] }): Promise<void> {
  await withContext(run, async (ctx) => {
    const r = await noteIncident(ctx, id, { text: opts.note, done: opts.done ?? [] })
    run.out.result(r)
    run.out.line(`note added to ${r.incidentId} (event ${r.seq})`)
  })
}

export async function escalate(
  run: Run,
  id: string,
  opts: { severity?: string; reason?: string },
): Promise<void> {
  await withContext(run, async (ctx) => {
    const r = await escalateIncident(ctx, id, { severity: opts.severity, reason: opts.reason })
    run.out.result(r)
    run.out.line(
      r.changed
        ? `${r.incidentId}: ${r.from} → ${r.to} (event ${r.seq})`
        : `${r.incidentId} is already ${r.to}`,
    )
  })
}

export async function resolve(run: Run, id: string, opts: { reason?: string }): Promise<void> {
  await withContext(run, async (ctx) => {
    const r = await resolveIncident(ctx, id, { reason: opts.reason })
    run.out.result(r)
    run.out.line(`${run.out.paint('green', '✓')} ${r.incidentId} resolved (event ${r.seq})`)
    run.out.line(`postmortem draft: ${r.postmortem}`)
    printRecovery(run, r.incidentId, r.recovery)
  })
}

export async function recover(run: Run, id: string, opts: { step?: string; reason?: string }): Promise<void> {
  await withContext(run, async (ctx) => {
    const r = await recoverIncident(ctx, id, { step: opts.step, reason: opts.reason })
    const delivery = r.notificationId
      ? await run.out.progress('delivering the update', (progress) =>
          deliverNotifications(
            { ...ctx, progress },
            { waitMs: 10_000, deps: { env: run.io.env, write: (t) => run.io.stderr.write(t) } },
          ),
        )
      : null
    run.out.result({ ...r, delivery })
    if (r.step) {
      const mark = r.step.done ? run.out.paint('green', '✓') : run.out.paint('red', '✗')
      run.out.line(`${mark} ${r.step.id}: ${r.step.detail} (event ${r.step.seq})`)
    }
    printRecovery(run, r.incidentId, r.recovery)
  })
}

function printIncident(run: Run, i: IncidentView, change: 'opened' | 'updated' | null): void {
  const p = run.out.paint
  const what = change ? ` ${change}` : ''
  run.out.line(`${p('bold', `Incident ${i.id}${what}`)}: ${i.title}`)
  run.out.line(
    `status ${i.status}, opened by ${formatActor(i.openedBy)} at ${i.openedAt}, first signal ${i.startedAt}`,
  )
  const score = i.factors.reduce((sum, f) => sum + f.weight, 0)
  const suggested = i.assessed !== i.severity ? ` (assessment now ${i.assessed})` : ''
  run.out.line(`\n${p('bold', `Severity ${i.severity}`)}${suggested}, score ${score}`)
  run.out.line(table(i.factors.map((f) => [`  ${f.name}`, String(f.value), `+${f.weight}`, f.explanation])))
  run.out.line(`\n${p('bold', 'Signals')}`)
  for (const s of i.signals) run.out.line(`  ${s.time} ${s.kind}: ${s.summary}`)
  run.out.line(`\n${p('bold', 'Hypotheses')}`)
  if (!i.hypotheses.length) run.out.line('  none matched the evidence')
  i.hypotheses.forEach((h, n) => {
    run.out.line(`  ${n + 1}. ${h.title} (${h.score}/100)`)
    for (const e of h.evidence) run.out.line(`     - ${e}`)
    if (h.check) run.out.line(`     check: ${h.check}`)
  })
  if (i.plan) printPlan(run, i.plan)
}

function printPlan(run: Run, plan: ResponsePlan): void {
  const p = run.out.paint
  run.out.line(`\n${p('bold', `Plan: ${plan.title}`)}`)
  plan.steps.forEach((s, n) => {
    const mark = s.status === 'done' ? p('green', 'done') : s.status === 'skipped' ? p('dim', 'skip') : 'todo'
    const human = s.human ? p('yellow', ' [human decision]') : ''
    run.out.line(`  ${String(n + 1).padStart(2)}. [${mark}] ${s.title} (${s.owner})${human}`)
    if (s.command && s.status !== 'skipped') run.out.line(`         $ ${s.command}`)
    if (s.note && s.note !== 'done') run.out.line(p('dim', `         ${s.note}`))
  })
  const rb = plan.rollback
  run.out.line(`\nrollback: ${rb.ready ? p('green', 'prepared') : 'not prepared'}: ${rb.detail}`)
  if (plan.next) {
    const who = plan.next.human ? ' (a person decides)' : ''
    run.out.line(`\n${p('bold', 'Next')}${who}: ${p('cyan', plan.next.command)}`)
  }
}

function printRecovery(run: Run, id: string, r: RecoveryPath): void {
  const p = run.out.paint
  run.out.line(`\n${p('bold', 'Recovery')}${r.available ? '' : ' (starts once the incident is resolved)'}`)
  for (const s of r.steps)
    run.out.line(`  [${s.done ? p('green', 'done') : 'todo'}] ${s.title} (${s.owner}): ${s.detail}`)
  if (r.complete) run.out.line(p('green', 'recovery complete'))
  if (!r.next) return
  const step = Object.entries(RECOVERY_CHOICES).find(([, full]) => full === r.next!.stepId)![0]
  const reason = r.next.human ? ' --reason "…"' : ''
  const who = r.next.human ? ' (a person decides)' : ''
  run.out.line(
    `\n${p('bold', 'Next')}${who}: ${p('cyan', `rina incident recover ${id} --step ${step}${reason}`)}`,
  )
}
