/**
 * @module Secrets rules: each detector of the scanner is one rule over the added lines of every text file,
 * plus committed .env files. Evidence is always redacted. Lockfiles are skipped (their hashes are not secrets).
 */
import type { Rule, RuleContext } from '../../rule.ts'
import type { ChangeSet, FileChange, RuleHit, Severity } from '../../types.ts'
import { baseName, isLockfile } from '../paths.ts'
import { redactLine } from './redact.ts'
import { scanSecrets, type SecretDetector, type SecretMatch } from './scan.ts'

interface FileMatches {
  file: FileChange
  matches: SecretMatch[]
}

const cache = new WeakMap<ChangeSet, FileMatches[]>()

/** Scans each run of consecutive added lines once per change set; rules share the result. */
function scanChange(change: ChangeSet): FileMatches[] {
  const hit = cache.get(change)
  if (hit) return hit
  const out: FileMatches[] = []
  for (const file of change.files) {
    if (file.binary || file.status === 'deleted' || isLockfile(file.path) || file.added.length === 0) continue
    const matches: SecretMatch[] = []
    let run: typeof file.added = []
    const flush = () => {
      if (run.length === 0) return
      const first = run[0]!.line
      for (const m of scanSecrets(run.map((l) => l.text).join('\n'))) {
        matches.push({ ...m, line: m.line + first - 1, endLine: m.endLine + first - 1 })
      }
      run = []
    }
    for (const l of file.added) {
      if (run.length > 0 && run.at(-1)!.line !== l.line - 1) flush()
      run.push(l)
    }
    flush()
    if (matches.length > 0) out.push({ file, matches })
  }
  cache.set(change, out)
  return out
}

function hitsFor(ctx: RuleContext, detector: SecretDetector): RuleHit[] {
  const hits: RuleHit[] = []
  for (const { file, matches } of scanChange(ctx.change)) {
    const text = new Map(file.added.map((l) => [l.line, l.text]))
    for (const m of matches) {
      if (m.detector !== detector) continue
      hits.push({
        file: file.path,
        line: m.line,
        endLine: m.endLine,
        message: `${m.label} added`,
        evidence: redactLine(text.get(m.line) ?? '', [m.value]),
        value: m.value,
      })
    }
  }
  return hits
}

const FIX =
  'Remove it from the change, revoke and rotate it, and load it from the environment or a secret store.'

const detectorRule = (detector: SecretDetector, severity: Severity, title: string, why: string): Rule => ({
  id: `secrets/${detector}`,
  family: 'secrets',
  severity,
  title,
  why,
  fix: FIX,
  check: (ctx) => hitsFor(ctx, detector),
})

const ENV_FILE = /^\.env(?:\.(?!example$|sample$|template$|dist$|defaults?$|schema$)[\w.-]+)?$/

export const envFileRule: Rule = {
  id: 'secrets/env-file',
  family: 'secrets',
  severity: 'high',
  title: 'A .env file is committed',
  why: '.env files hold the local secrets of a machine; once committed they are in every clone and in history.',
  fix: 'Remove the file from the repository, add it to .gitignore and commit a .env.example without values.',
  check: (ctx) =>
    ctx.change.files
      .filter((f) => f.status !== 'deleted' && ENV_FILE.test(baseName(f.path)))
      .map((f) => ({ file: f.path, line: f.added[0]?.line ?? 1, message: `${baseName(f.path)} committed` })),
}

export const secretsRules: Rule[] = [
  detectorRule(
    'private-key',
    'critical',
    'Private key added',
    'A private key lets anyone who reads it sign or decrypt as you.',
  ),
  detectorRule(
    'provider-token',
    'critical',
    'Provider token or key added',
    'A live provider credential in the repository can be used by anyone who can read it, including from history after removal.',
  ),
  detectorRule(
    'url-credentials',
    'critical',
    'Credentials in a URL or connection string',
    'User and password embedded in a URL end up in logs, error messages and every clone.',
  ),
  detectorRule(
    'http-auth',
    'high',
    'HTTP credentials in a command or header',
    'Basic or bearer credentials written into commands and headers are as good as the password.',
  ),
  detectorRule(
    'kubernetes-secret',
    'high',
    'Kubernetes Secret with data committed',
    'Secret data is only base64-encoded, not encrypted: committing it publishes the values.',
  ),
  detectorRule(
    'generic-assignment',
    'high',
    'Secret-like value assigned to a secret-like name',
    'A random-looking literal assigned to a password, token or key name is most likely a real credential.',
  ),
  envFileRule,
]
