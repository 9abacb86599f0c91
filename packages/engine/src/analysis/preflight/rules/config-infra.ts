/**
 * @module Config and infrastructure rules: production config, CI workflows, Dockerfiles, deploy scripts and
 * infrastructure code, feature flags, and new environment variables read without a default.
 */
import type { Rule } from '../rule.ts'
import type { FileChange, RuleHit, Severity } from '../types.ts'
import { isCommentLine } from './helpers.ts'
import { isProductionCode } from './paths.ts'

interface PathSpec {
  name: string
  severity: Severity
  title: string
  why: string
  fix: string
  path: RegExp
}

const PATH_SPECS: PathSpec[] = [
  {
    name: 'production-config',
    severity: 'medium',
    title: 'Production configuration changed',
    why: 'Production settings take effect for every user at once and are rarely covered by tests.',
    fix: 'Have someone who runs production review it, and check the same change was tried on staging.',
    path: /(?:^|[/._-])prod(?:uction)?(?:[/._-]|$)[^/]*$|(?:^|\/)(?:config|conf|settings)\/[^/]*prod/i,
  },
  {
    name: 'ci-workflow',
    severity: 'medium',
    title: 'CI pipeline changed',
    why: 'CI runs with repository secrets and decides what gets released; a change can leak secrets or skip checks.',
    fix: 'Review permissions, triggers and third-party actions (pin them to a commit).',
    path: /^\.github\/workflows\/|(?:^|\/)\.gitlab-ci\.ya?ml$|^\.circleci\/|(?:^|\/)Jenkinsfile$|azure-pipelines\.ya?ml$|^\.buildkite\/|bitbucket-pipelines\.ya?ml$|^\.drone\.ya?ml$/,
  },
  {
    name: 'container',
    severity: 'low',
    title: 'Container build changed',
    why: 'The image defines what runs in production: base image, user, exposed ports and build steps.',
    fix: 'Pin base images by digest, run as a non-root user, and rebuild and scan the image.',
    path: /(?:^|\/)(?:Dockerfile|Containerfile)(?:\.[\w.-]+)?$|(?:^|\/)(?:docker-)?compose(?:\.[\w-]+)?\.ya?ml$|\.dockerfile$/i,
  },
  {
    name: 'deploy-infrastructure',
    severity: 'medium',
    title: 'Deploy script or infrastructure changed',
    why: 'Deploy scripts and infrastructure code change how and where the release runs, outside the application tests.',
    fix: 'Run the deploy path on staging first and review the plan (terraform plan, helm diff) before production.',
    path: /(?:^|\/)(?:deploy|deployment|infra|infrastructure|terraform|helm|charts|k8s|kubernetes|ansible)\/|\.tf$|\.tfvars$|(?:^|\/)(?:Procfile|fly\.toml|vercel\.json|netlify\.toml|serverless\.ya?ml|app\.ya?ml|rina\.ya?ml)$|(?:^|\/)scripts\/[^/]*deploy[^/]*$/i,
  },
  {
    name: 'feature-flags',
    severity: 'low',
    title: 'Feature flags changed',
    why: 'Flag changes switch behaviour for users without a code change to review next time.',
    fix: 'Record who owns the flag and when it will be removed; roll out gradually.',
    path: /(?:^|\/)[^/]*(?:feature[-_]?flags?|flags)\.(?:json|ya?ml|toml|[jt]s)$/i,
  },
]

const pathRule = (s: PathSpec): Rule => ({
  id: `config/${s.name}`,
  family: 'config',
  severity: s.severity,
  title: s.title,
  why: s.why,
  fix: s.fix,
  check: (ctx) =>
    ctx.change.files
      .filter((f) => s.path.test(f.path))
      .map((f) => ({
        file: f.path,
        line: f.added[0]?.line ?? f.removed[0]?.line ?? 1,
        message: `${s.title.toLowerCase()}: ${f.path} (${f.status})`,
      })),
})

/** Environment reads with no fallback, per language; group 1 is the variable name. */
const ENV_READS = [
  /process\.env\.([A-Z][A-Z0-9_]*)\b(?!\s*(?:\?\?|\|\||\?|!==?|===?))/g,
  /process\.env\[["']([A-Z][A-Z0-9_]*)["']\](?!\s*(?:\?\?|\|\|))/g,
  /os\.environ\[["']([A-Z][A-Z0-9_]*)["']\]/g,
  /ENV\.fetch\(\s*["']([A-Z][A-Z0-9_]*)["']\s*\)/g,
  /ENV\[["']([A-Z][A-Z0-9_]*)["']\](?!\s*\|\|)/g,
  /os\.Getenv\("([A-Z][A-Z0-9_]*)"\)/g,
  /std::env::var\("([A-Z][A-Z0-9_]*)"\)\s*[.?]\s*(?:unwrap|expect|\?)/g,
]

function envReads(lines: { text: string; line: number }[]): { name: string; line: number; text: string }[] {
  const out: { name: string; line: number; text: string }[] = []
  for (const l of lines) {
    if (isCommentLine(l.text)) continue
    for (const re of ENV_READS) {
      re.lastIndex = 0
      for (let m = re.exec(l.text); m; m = re.exec(l.text))
        out.push({ name: m[1]!, line: l.line, text: l.text })
    }
  }
  return out
}

export const envWithoutDefaultRule: Rule = {
  id: 'config/env-var-without-default',
  family: 'config',
  severity: 'medium',
  title: 'New environment variable without a default',
  why: 'A new required variable that is not set in every environment makes the release fail at start or at first use.',
  fix: 'Give it a default, validate it at startup with a clear error, and add it to every environment before deploying.',
  check(ctx) {
    const hits: RuleHit[] = []
    const code = ctx.change.files.filter(
      (f: FileChange) => isProductionCode(f.path) && f.status !== 'deleted',
    )
    const known = new Set(code.flatMap((f) => envReads(f.removed).map((r) => r.name)))
    const seen = new Set<string>()
    for (const f of code) {
      for (const r of envReads(f.added)) {
        if (known.has(r.name) || seen.has(r.name)) continue
        seen.add(r.name)
        hits.push({
          file: f.path,
          line: r.line,
          message: `${r.name} is read without a default`,
          evidence: r.text.trim().slice(0, 160),
        })
      }
    }
    return hits
  },
}

export const configRules: Rule[] = [...PATH_SPECS.map(pathRule), envWithoutDefaultRule]
