/**
 * @module Electron rules: the version bump must move forward and match the update feed, and changes to code
 * signing or auto-update settings deserve a careful look. They apply to Electron projects only.
 */
import type { Rule, RuleContext } from '../rule.ts'
import type { FileChange, RuleHit } from '../types.ts'
import { baseName } from './paths.ts'

const BUILDER =
  /(?:^|\/)(?:electron-builder\.(?:ya?ml|json5?|toml|[cm]?[jt]s)|forge\.config\.[cm]?[jt]s|electron\.vite\.config\.[jt]s)$/
const FEED = /(?:^|\/)latest(?:-mac|-linux(?:-arm64)?)?\.yml$/
const SIGNING =
  /\b(?:identity|certificate(?:File|Password|Subject\w*|Sha1)|CSC_\w+|WIN_CSC_\w+|notarize|hardenedRuntime|entitlements(?:Inherit)?|signingHashAlgorithms|signtool\w*|sign(?:Dlls|AndEditExecutable)?|appleId\w*|teamId|osxSign|osxNotarize|azureSignOptions|publisherName)\b/
const UPDATE =
  /\b(?:publish|autoUpdater|electron-updater|update-electron-app|setFeedURL|feedURL|updaterCacheDirName|allowDowngrade|allowPrerelease|autoDownload|autoInstallOnAppQuit|channel|generateUpdatesFilesForAllChannels)\b/

const isElectron = (ctx: RuleContext): boolean =>
  ctx.project.electron || ctx.change.files.some((f) => BUILDER.test(f.path) || FEED.test(f.path))

const semver = (v: string): number[] | null => {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(v.trim())
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null
}
const compare = (a: number[], b: number[]): number => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!

const versionIn = (lines: FileChange['added'], re: RegExp) => {
  for (const l of lines) {
    const m = re.exec(l.text)
    if (m) return { version: m[1]!, line: l.line }
  }
  return null
}
const PKG_VERSION = /^\s*"version"\s*:\s*"([^"]+)"/
const FEED_VERSION = /^version:\s*["']?([\w.+-]+)/

export const versionBumpRule: Rule = {
  id: 'electron/version-bump',
  family: 'electron',
  severity: 'high',
  title: 'App version not moving forward with the update feed',
  why: 'electron-updater only offers a version newer than the installed one that matches the feed; otherwise users never get the release.',
  fix: 'Bump package.json "version" above the released one and publish the feed (latest*.yml) for exactly that version.',
  check(ctx) {
    if (!isElectron(ctx)) return []
    const hits: RuleHit[] = []
    const pkg = ctx.change.files.find(
      (f) => f.path === 'package.json' || (ctx.project.electron && baseName(f.path) === 'package.json'),
    )
    const next = pkg ? versionIn(pkg.added, PKG_VERSION) : null
    const prev = pkg ? versionIn(pkg.removed, PKG_VERSION) : null
    if (pkg && next && prev) {
      const a = semver(prev.version)
      const b = semver(next.version)
      if (a && b && compare(b, a) <= 0)
        hits.push({
          file: pkg.path,
          line: next.line,
          message: `version goes from ${prev.version} to ${next.version}: not newer, the updater will not offer it`,
        })
    }
    for (const feed of ctx.change.files.filter((f) => FEED.test(f.path) && f.status !== 'deleted')) {
      const fv = versionIn(feed.added, FEED_VERSION)
      if (fv && next && fv.version !== next.version)
        hits.push({
          file: feed.path,
          line: fv.line,
          message: `update feed announces ${fv.version} but package.json says ${next.version}`,
        })
    }
    return hits
  },
}

const settingRule = (
  id: string,
  re: RegExp,
  title: string,
  why: string,
  fix: string,
  what: string,
): Rule => ({
  id,
  family: 'electron',
  severity: id.endsWith('signing') ? 'high' : 'medium',
  title,
  why,
  fix,
  check(ctx) {
    if (!isElectron(ctx)) return []
    const hits: RuleHit[] = []
    for (const f of ctx.change.files) {
      const config =
        BUILDER.test(f.path) || baseName(f.path) === 'package.json' || /entitlements.*\.plist$/.test(f.path)
      const code = what === 'auto-update' && /\.[cm]?[jt]sx?$/.test(f.path)
      if (!config && !code) continue
      const changed = [...f.added, ...f.removed].find((l) => re.test(l.text))
      if (changed)
        hits.push({
          file: f.path,
          line: changed.line,
          message: `${what} settings changed in ${baseName(f.path)}`,
          evidence: changed.text.trim().slice(0, 160),
        })
    }
    return hits
  },
})

export const signingRule = settingRule(
  'electron/signing',
  SIGNING,
  'Code signing settings changed',
  'Unsigned or wrongly signed builds are blocked by macOS Gatekeeper and Windows SmartScreen, and auto-update rejects them.',
  'Build and verify a signed, notarized artifact on staging before release.',
  'signing',
)

export const autoUpdateRule = settingRule(
  'electron/auto-update',
  UPDATE,
  'Auto-update settings changed',
  'A wrong feed URL, channel or provider strands every installed copy on the current version.',
  'Test the update from the previous released version to this one against the staging feed.',
  'auto-update',
)

export const electronRules: Rule[] = [versionBumpRule, signingRule, autoUpdateRule]
