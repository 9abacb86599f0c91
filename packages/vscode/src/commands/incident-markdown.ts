/** @module An incident as Markdown: severity with its factors, hypotheses, the plan and the prepared rollback. */
import type { IncidentView } from '@rinawarp/engine'

export function incidentMarkdown(i: IncidentView, opened: boolean): string {
  const plan = i.plan
  const rb = plan?.rollback
  return [
    `# ${i.severity} ${i.title}`,
    '',
    `${opened ? 'Opened' : 'Updated'} incident \`${i.id}\` on **${i.env}** · type ${i.type} · status ${i.status}` +
      (i.services.length ? ` · services ${i.services.join(', ')}` : ''),
    '',
    '## Severity',
    ...i.factors.map((f) => `- **${f.name}** (+${f.weight}): ${f.explanation}`),
    '',
    '## Hypotheses',
    ...(i.hypotheses.length
      ? i.hypotheses.map((h) => `- ${h.title} (${h.score})${h.check ? ` — check: \`${h.check}\`` : ''}`)
      : ['- none yet']),
    '',
    `## Plan${plan ? `: ${plan.title}` : ''}`,
    ...(plan?.steps ?? []).map(
      (s, n) =>
        `${n + 1}. ${s.status === 'done' ? '~~' : ''}${s.title}${s.status === 'done' ? '~~' : ''} — ${s.owner}` +
        `${s.human ? ' (human decision)' : ''}${s.command ? ` \`${s.command}\`` : ''}`,
    ),
    '',
    '## Rollback',
    rb
      ? `${rb.ready ? 'Prepared' : 'Not ready'}: ${rb.detail}${rb.command ? ` — \`${rb.command}\`` : ''}`
      : 'No plan.',
    '',
    plan?.next ? `**Next:** \`${plan.next.command}\`${plan.next.human ? ' (a person runs it)' : ''}` : '',
    '',
  ].join('\n')
}
