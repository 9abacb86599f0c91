/**
 * @module The `electron-feed` probe: the auto-update feed serves the deployed release. It GETs the feed,
 * checks that its version is ctx.release (a leading "v" ignored on both sides), and, as configured, that each
 * artifact URL (resolved against the feed URL) answers or that its download matches the feed's sha512.
 */
import type { z } from 'zod'
import { aborted, describeNetworkError, failed, stopwatch } from '../observation.ts'
import { excerpt, readBodyText } from '../read-body.ts'
import type { Probe } from '../types.ts'
import { type ArtifactCheck, reachArtifact, verifyArtifact } from './artifact.ts'
import { normalizeVersion, parseFeed } from './feed.ts'
import type { electronFeedProbeSchema } from './schema.ts'

export type ElectronFeedProbeConfig = z.output<typeof electronFeedProbeSchema>

export const electronFeedProbe: Probe<ElectronFeedProbeConfig> = {
  type: 'electron-feed',
  async observe(config, ctx) {
    if (ctx.signal.aborted) return aborted()
    const elapsed = stopwatch()
    let text: string
    try {
      const res = await fetch(config.url, {
        headers: { 'user-agent': 'rinawarp-deploy-probe' },
        signal: ctx.signal,
      })
      text = await readBodyText(res)
      if (!res.ok) {
        const body = excerpt(text, 80)
        return failed(`feed answered ${res.status}${body ? `: ${body}` : ''}`, elapsed(), {
          status: res.status,
        })
      }
    } catch (e) {
      return ctx.signal.aborted ? aborted(elapsed()) : failed(`feed: ${describeNetworkError(e)}`, elapsed())
    }
    const parsed = parseFeed(text)
    if (!parsed.ok) return failed(parsed.error, elapsed())
    const { feed } = parsed

    const problems: string[] = []
    const deployed = ctx.release === null ? null : normalizeVersion(ctx.release)
    if (deployed !== null && normalizeVersion(feed.version) !== deployed) {
      problems.push(`feed says ${feed.version}, deployed ${ctx.release}`)
    }
    if ((config.checkArtifact || config.verifySha512) && feed.files.length === 0) {
      problems.push('feed names no artifact')
    }
    const artifacts: { url: string; status: number | null }[] = []
    if (config.checkArtifact || config.verifySha512) {
      for (const file of feed.files) {
        const url = new URL(file.url, config.url)
        const check: ArtifactCheck = config.verifySha512
          ? await verifyArtifact(url, file, ctx.signal)
          : await reachArtifact(url, ctx.signal)
        if (ctx.signal.aborted) return aborted(elapsed())
        artifacts.push({ url: url.href, status: check.status })
        if (!check.ok) problems.push(check.detail)
      }
    }
    const latencyMs = elapsed()
    const values = { version: feed.version, expected: ctx.release, releaseDate: feed.releaseDate, artifacts }
    if (problems.length > 0) return failed(problems.join('; '), latencyMs, values)
    const what = config.verifySha512
      ? ', artifact sha512 verified'
      : config.checkArtifact
        ? ', artifact answers'
        : ''
    return { ok: true, latencyMs, detail: `feed serves ${feed.version}${what}`, values }
  },
}
