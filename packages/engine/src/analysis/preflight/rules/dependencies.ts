/**
 * @module Dependency rules: new packages, major upgrades, a lockfile changed without its manifest (or the
 * reverse), and new install scripts. Dependencies are read from the added and removed lines of manifests.
 */
import type { Rule } from '../rule.ts'
import type { FileChange, NumberedLine, RuleHit } from '../types.ts'
import { LOCKFILES, baseName, dirName, isLockfile } from './paths.ts'

const MANIFESTS = new Set(Object.values(LOCKFILES).flat().concat(['requirements.txt']))
const NOT_DEPS = new Set([
  'name',
  'version',
  'description',
  'main',
  'module',
  'types',
  'node',
  'npm',
  'license',
  'type',
  'private',
  'packageManager',
  'homepage',
  'author',
])

interface Dep {
  name: string
  version: string
  line: number
}

/** Dependency declarations in manifest lines (package.json, requirements.txt, go.mod, Cargo.toml, Gemfile …). */
export function parseDeps(manifest: string, lines: NumberedLine[]): Dep[] {
  const out: Dep[] = []
  for (const l of lines) {
    let m: RegExpExecArray | null = null
    if (manifest === 'package.json' || manifest === 'composer.json') {
      m =
        /^\s*"(@?[\w.-]+(?:\/[\w.-]+)?)"\s*:\s*"((?:[~^<>=v ]*\d[^"]*)|workspace:[^"]*|npm:[^"]*|latest|\*|git[^"]*)"/.exec(
          l.text,
        )
      if (m && NOT_DEPS.has(m[1]!)) m = null
    } else if (manifest === 'requirements.txt')
      m = /^\s*([A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?\s*(?:[=<>~!]=?\s*([\w.*]+))?/.exec(l.text)
    else if (manifest === 'go.mod')
      m = /^\s*(?:require\s+)?([\w.-]+\.[\w]+\/[\w./-]+)\s+(v[\w.+-]+)/.exec(l.text)
    else if (manifest === 'Cargo.toml' || manifest === 'pyproject.toml' || manifest === 'Pipfile')
      m = /^\s*([A-Za-z][\w-]*)\s*=\s*(?:"([^"]+)"|\{[^}]*version\s*=\s*"([^"]+)")/.exec(l.text)
    else if (manifest === 'Gemfile')
      m = /^\s*gem\s+["']([\w.-]+)["'](?:\s*,\s*["']([^"']+)["'])?/.exec(l.text)
    if (m && !/^\s*#/.test(l.text))
      out.push({ name: m[1]!, version: (m[2] ?? m[3] ?? '').trim(), line: l.line })
  }
  return out
}

const major = (v: string): number | null => {
  const m = /(\d+)(?:\.(\d+))?/.exec(v)
  if (!m) return null
  return Number(m[1]) === 0 && m[2] !== undefined ? Number(`0.${m[2]}`) : Number(m[1])
}

const manifests = (files: FileChange[]) =>
  files.filter((f) => MANIFESTS.has(baseName(f.path)) && f.status !== 'deleted')

function depChanges(f: FileChange) {
  const manifest = baseName(f.path)
  const before = new Map(parseDeps(manifest, f.removed).map((d) => [d.name, d]))
  return parseDeps(manifest, f.added).map((d) => ({ dep: d, old: before.get(d.name) ?? null }))
}

export const newPackageRule: Rule = {
  id: 'dependencies/new-package',
  family: 'dependencies',
  severity: 'low',
  title: 'New dependency',
  why: 'Every new package is code you ship and trust, with its own maintainers and vulnerabilities.',
  fix: 'Check the package (maintenance, licence, size, install scripts) and that it is really needed.',
  check: (ctx) =>
    manifests(ctx.change.files).flatMap((f) =>
      depChanges(f)
        .filter((c) => c.old === null)
        .map((c) => ({
          file: f.path,
          line: c.dep.line,
          message: `new dependency ${c.dep.name}${c.dep.version ? `@${c.dep.version}` : ''}`,
        })),
    ),
}

export const majorUpgradeRule: Rule = {
  id: 'dependencies/major-upgrade',
  family: 'dependencies',
  severity: 'medium',
  title: 'Major version upgrade',
  why: 'A major version may break APIs and behaviour the code relies on.',
  fix: 'Read the changelog for breaking changes and make sure the tests exercise the upgraded package.',
  check: (ctx) =>
    manifests(ctx.change.files).flatMap((f) =>
      depChanges(f).flatMap((c) => {
        const from = c.old ? major(c.old.version) : null
        const to = major(c.dep.version)
        if (from === null || to === null || to <= from) return []
        return [
          {
            file: f.path,
            line: c.dep.line,
            message: `${c.dep.name} upgraded ${c.old!.version} → ${c.dep.version}`,
          },
        ]
      }),
    ),
}

const ancestors = (dir: string): string[] => {
  const out = [dir]
  while (dir) out.push((dir = dirName(dir)))
  return out
}

export const lockfileMismatchRule: Rule = {
  id: 'dependencies/lockfile-mismatch',
  family: 'dependencies',
  severity: 'medium',
  title: 'Lockfile and manifest changed apart',
  why: 'A lockfile changed without its manifest (or dependencies changed without the lockfile) means installs differ from what was reviewed.',
  fix: 'Run the package manager install so manifest and lockfile change together, and commit both.',
  check(ctx) {
    const files = ctx.change.files
    const hits: RuleHit[] = []
    for (const lock of files.filter((f) => isLockfile(f.path))) {
      const names = LOCKFILES[baseName(lock.path)]!
      const dir = dirName(lock.path)
      const paired = files.some(
        (f) => names.includes(baseName(f.path)) && (dir === '' || f.path.startsWith(`${dir}/`)),
      )
      if (!paired)
        hits.push({
          file: lock.path,
          line: 1,
          message: `${baseName(lock.path)} changed without ${names.join(' or ')}`,
        })
    }
    for (const m of manifests(files)) {
      if (baseName(m.path) === 'requirements.txt') continue
      const changed =
        parseDeps(baseName(m.path), m.added).length + parseDeps(baseName(m.path), m.removed).length
      if (changed === 0) continue
      const dirs = ancestors(dirName(m.path))
      const locked = files.some(
        (f) =>
          isLockfile(f.path) &&
          LOCKFILES[baseName(f.path)]!.includes(baseName(m.path)) &&
          dirs.includes(dirName(f.path)),
      )
      if (!locked)
        hits.push({
          file: m.path,
          line: m.added[0]?.line ?? 1,
          message: `dependencies in ${baseName(m.path)} changed without a lockfile update`,
        })
    }
    return hits
  },
}

export const installScriptRule: Rule = {
  id: 'dependencies/install-script',
  family: 'dependencies',
  severity: 'high',
  title: 'Install script added',
  why: 'Install scripts run arbitrary code on every machine and CI runner that installs the package.',
  fix: 'Avoid lifecycle scripts, or review exactly what they run; for dependencies, prefer packages without them.',
  check: (ctx) =>
    ctx.change.files.flatMap((f) => {
      const name = baseName(f.path)
      if (name === 'package.json')
        return f.added
          .filter((l) => /^\s*"(?:preinstall|install|postinstall|prepare)"\s*:/.test(l.text))
          .map((l) => ({
            file: f.path,
            line: l.line,
            message: `install script ${l.text.trim().split(':')[0]} added`,
          }))
      if (name === 'package-lock.json')
        return f.added
          .filter((l) => /"hasInstallScript"\s*:\s*true/.test(l.text))
          .map((l) => ({
            file: f.path,
            line: l.line,
            message: 'a dependency with an install script was added',
            severity: 'medium' as const,
          }))
      return []
    }),
}

export const dependencyRules: Rule[] = [
  newPackageRule,
  majorUpgradeRule,
  lockfileMismatchRule,
  installScriptRule,
]
