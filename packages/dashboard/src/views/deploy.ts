/**
 * @module The deploy and rollback dialogs. A deploy shows its plan first; a protected environment needs a prior
 * approval of the release by a person, as the engine rules for any non-interactive deploy, and the dialog says so
 * instead of offering a way around it. A rollback is a person's decision with a reason.
 */
import type { Api } from '../api.ts'
import { confirmDialog } from '../dialog.ts'
import { h } from '../dom.ts'
import { problemText, toast } from '../toast.ts'
import type { EnvStatus, Review } from '../types.ts'
import type { ViewCtx } from './context.ts'

/** Why a release cannot be deployed to an environment over the API yet, or null when it can. */
async function approvalBlock(api: Api, env: string, release: string): Promise<string | null> {
  const r = await api.get<Review>(
    `/api/v1/releases/${encodeURIComponent(release)}/review?env=${encodeURIComponent(env)}`,
  )
  if (!r.ok) return null
  const { required, counting } = r.value.approvalsNeeded
  if (counting >= required) return null
  return (
    `${env} needs ${required} approval${required === 1 ? '' : 's'} of ${release} by a person before a deploy ` +
    `started here (${counting} so far). The panel cannot take a typed confirmation: ask an approver to ` +
    `approve it under “Approvals waiting”, then deploy.`
  )
}

export async function openDeploy(env: EnvStatus, ctx: ViewCtx): Promise<void> {
  const releases = ctx.store.model.releases.map((r) => r.id).reverse()
  const list = h('datalist', { id: `releases-${env.env}` }, ...releases.map((r) => h('option', { value: r })))
  const input = h('input', {
    id: 'deploy-release',
    list: `releases-${env.env}`,
    value: releases.find((r) => r !== env.current) ?? '',
    required: true,
    autocomplete: 'off',
    'data-testid': 'deploy-release',
  })
  const pick = await confirmDialog({
    title: `Deploy to ${env.env}`,
    body: [`Current release: ${env.current ?? 'none'}. Which release?`],
    fields: [h('label', { for: 'deploy-release' }, 'Release'), input, list],
    confirmLabel: 'Review plan',
  })
  const release = input.value.trim()
  if (!pick || !release) return
  const [plan, blocked] = await Promise.all([
    ctx.api.post<{ lines: string[] }>('/api/v1/deploys/plan', { env: env.env, release }),
    // A release the journal does not know yet has no review; the deploy's own gates answer for it.
    ctx.store.model.releases.some((r) => r.id === release) ? approvalBlock(ctx.api, env.env, release) : null,
  ])
  if (!plan.ok) return toast(problemText(plan.error), 'bad')
  const ok = await confirmDialog({
    title: `Deploy ${release} to ${env.env}?`,
    body: [h('pre', { class: 'plan', 'data-testid': 'deploy-plan' }, plan.value.lines.join('\n'))],
    blocked,
    confirmLabel: `Deploy ${release}`,
    danger: true,
  })
  if (!ok) return
  const r = await ctx.api.post<{ runId: string }>('/api/v1/deploys', { env: env.env, release })
  if (!r.ok) return toast(problemText(r.error), 'bad')
  toast(`Deploy of ${release} to ${env.env} started (${r.value.runId})`)
  ctx.store.set({ selectedRun: r.value.runId })
  ctx.refresh.soon(['status', 'runs'])
}

export async function openRollback(env: EnvStatus, ctx: ViewCtx): Promise<void> {
  const ok = await confirmDialog({
    title: `Roll ${env.env} back?`,
    body: [
      `${env.env} runs ${env.current ?? 'nothing'}; it switches back to ${env.previous ?? 'the previous release'}.`,
    ],
    reason: { label: 'Reason (recorded in the audit trail)', required: true },
    confirmLabel: 'Roll back',
    danger: true,
  })
  if (!ok) return
  const r = await ctx.api.post<{ runId: string }>('/api/v1/rollbacks', { env: env.env, reason: ok.reason })
  if (!r.ok) return toast(problemText(r.error), 'bad')
  toast(`Rollback of ${env.env} started (${r.value.runId})`)
  ctx.refresh.soon(['status', 'runs'])
}
