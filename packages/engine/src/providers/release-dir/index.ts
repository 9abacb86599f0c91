/**
 * @module The `release-dir` deploy provider: releases side by side under `releases/<id>/`, a `current` symlink
 * switched atomically, an optional start command, the newest releases kept; rollback switches back.
 */
import { resolve } from 'node:path'
import { parseDuration } from '../../domain/duration.ts'
import { DEFAULT_KILL_GRACE_MS, runCommandStep } from '../command-step.ts'
import type { PlanStep, ProviderFactory, RunContext, StepOutcome } from '../types.ts'
import { readCurrent } from './current.ts'
import { currentLink, linkText } from './layout.ts'
import { placeRelease } from './place.ts'
import { planReleaseDir, type ReleaseDirSettings } from './plan.ts'
import { pruneReleases } from './prune.ts'
import type { ReleaseDirProviderConfig } from './schema.ts'
import { switchCurrent } from './switch.ts'

const DEFAULT_TIMEOUT_MS = 120_000

export const releaseDirProvider: ProviderFactory<ReleaseDirProviderConfig> = (config, deps) => {
  const settings: ReleaseDirSettings = {
    root: resolve(deps.configDir, config.root),
    source: resolve(deps.configDir, config.source),
    keep: config.keep,
    start: config.start,
    env: config.env,
    timeoutMs: parseDuration(config.timeout) ?? DEFAULT_TIMEOUT_MS,
  }
  const graceMs = deps.killGraceMs ?? DEFAULT_KILL_GRACE_MS

  const runStep = async (step: PlanStep, ctx: RunContext): Promise<StepOutcome> => {
    const t0 = ctx.now().getTime()
    const done = (r: { ok: true } | { ok: false; reason: string }): StepOutcome =>
      r.ok
        ? { ok: true, durationMs: ctx.now().getTime() - t0 }
        : { ok: false, durationMs: ctx.now().getTime() - t0, reason: r.reason }
    const root = text(step.data?.['root']) ?? settings.root
    const release = text(step.data?.['release'])
    if (release === null) return done({ ok: false, reason: `step ${step.id} names no release` })
    if (ctx.signal.aborted)
      return done({ ok: false, reason: `${step.action} of ${release} was cancelled before it started` })
    try {
      switch (step.action) {
        case 'place': {
          const source = text(step.data?.['source']) ?? settings.source.replaceAll('{release}', release)
          const r = await placeRelease(root, release, source, ctx.now())
          if (r.ok)
            ctx.log(
              r.copied
                ? `placed ${source} as ${linkText(release)}`
                : `${linkText(release)} is already in place`,
              'stdout',
            )
          return done(r)
        }
        case 'switch': {
          const r = await switchCurrent(root, release)
          if (r.ok)
            ctx.log(
              `${currentLink(root)} → ${linkText(release)}${r.from === null ? '' : ` (was ${r.from})`}`,
              'stdout',
            )
          return done(r)
        }
        case 'start':
          return await runCommandStep(step, ctx, { label: 'start command', graceMs, cwd: currentLink(root) })
        case 'prune': {
          const keep = typeof step.data?.['keep'] === 'number' ? step.data['keep'] : settings.keep
          const protect = Array.isArray(step.data?.['protect']) ? step.data['protect'].map(String) : [release]
          const removed = await pruneReleases(root, keep, protect)
          for (const r of removed) ctx.log(`removed old release ${r}`, 'stdout')
          return done({ ok: true })
        }
        default:
          return done({ ok: false, reason: `release-dir has no "${step.action}" step (step ${step.id})` })
      }
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e)
      return done({ ok: false, reason: `${step.action} of ${release} under ${root} failed: ${why}` })
    }
  }

  return {
    type: 'release-dir',
    plan: (req) => planReleaseDir(settings, req),
    runStep,
    current: () => readCurrent(settings.root),
  }
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)
