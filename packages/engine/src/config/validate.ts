/**
 * @module Validates the text of a rina.yml: YAML syntax, `${VAR}` references, then the schema and the
 * cross-references, and returns every problem at once, located. No file I/O: editors can check unsaved text.
 */
import { isMap, LineCounter, parseDocument } from 'yaml'
import type { Document, YAMLError } from 'yaml'
import { err, ok } from '../result.ts'
import type { Result } from '../result.ts'
import { resolveEnv } from './env.ts'
import type { Env } from './interpolate.ts'
import type { ConfigIssue } from './issue.ts'
import { formatPath, sortIssues } from './issue.ts'
import { valueOffset } from './locate.ts'
import type { PendingIssue } from './pending.ts'
import { referenceIssues } from './references.ts'
import { configSchema } from './schema.ts'
import type { RinaConfig } from './schema.ts'
import { fromZodIssues } from './zod-issues.ts'

export interface ValidateOptions {
  /** File name shown in issues, e.g. `rina.yml`. */
  file: string
  env: Env
}

export interface ValidConfig {
  config: RinaConfig
  /** Values taken from environment variables: redact them wherever output leaves the process. */
  secrets: string[]
}

const SYNTAX_HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'remove or rename one of the two keys',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  BAD_INDENT: 'check the indentation: a nested field is indented further than its parent, with spaces',
  MULTILINE_IMPLICIT_KEY: 'a key may be missing its colon, or a value containing ": " needs quotes',
  BLOCK_AS_IMPLICIT_KEY: 'a key may be missing its colon, or a value containing ": " needs quotes',
}
const FLOW_HINT = 'inside [ ] or { }, quote values that contain ${VAR}, braces or commas: "${VAR}"'
const SYNTAX_HINT =
  'fix the YAML: values containing ": " or " #", or starting with @, `, {, [ or *, need quotes'

export function validateConfigText(text: string, opts: ValidateOptions): Result<ValidConfig, ConfigIssue[]> {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
  const located = (pending: PendingIssue[], origins: { value: string; ref: string }[] = []) =>
    err(sortIssues(dedupe(pending).map((p) => toIssue(p, opts.file, lines, origins))))

  if (doc.errors.length > 0) return located(firstPerLine(doc.errors, lines).map((e) => syntaxIssue(e, text)))
  const root = rootIssue(doc)
  if (root !== null) return located([root])

  const env = resolveEnv(doc, text, opts.env)
  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: 1000 })
  } catch (e) {
    return located([
      { path: [], offset: 0, kind: 'syntax', message: (e as Error).message, hint: SYNTAX_HINT },
    ])
  }
  const parsed = configSchema.safeParse(data)
  if (parsed.success && env.issues.length === 0) return ok({ config: parsed.data, secrets: env.secrets })

  const pending = [...env.issues]
  if (!parsed.success) {
    const fromSchema = fromZodIssues(parsed.error.issues, { schema: configSchema, data, doc, source: text })
    const fromRefs = referenceIssues(data).map((r): PendingIssue => ({
      ...r,
      offset: valueOffset(doc, r.path),
      kind: 'reference',
    }))
    for (const p of [...fromSchema, ...fromRefs]) {
      if (!env.unresolved.has(JSON.stringify(p.path))) pending.push(p)
    }
  }
  return located(pending, env.origins)
}

function syntaxIssue(e: YAMLError, text: string): PendingIssue {
  const lineStart = text.lastIndexOf('\n', e.pos[0] - 1) + 1
  const line = text.slice(
    lineStart,
    text.indexOf('\n', e.pos[0]) === -1 ? undefined : text.indexOf('\n', e.pos[0]),
  )
  const flowRef = /[[{][^'"]*\$\{/.test(line)
  const hint = flowRef ? FLOW_HINT : (SYNTAX_HINTS[e.code] ?? SYNTAX_HINT)
  return { path: [], offset: e.pos[0], kind: 'syntax', message: e.message, hint }
}

/** One error per line: after the first, YAML parsers report the same mistake again and again. */
function firstPerLine(errors: YAMLError[], lines: LineCounter): YAMLError[] {
  const seen = new Set<number>()
  return errors.filter((e) => {
    const line = lines.linePos(e.pos[0]).line
    if (seen.has(line)) return false
    seen.add(line)
    return true
  })
}

function rootIssue(doc: Document): PendingIssue | null {
  if (doc.contents === null) {
    return {
      path: [],
      offset: 0,
      kind: 'missing',
      message: 'the file is empty',
      hint: 'run `rina init` to write a starter rina.yml',
    }
  }
  if (isMap(doc.contents)) return null
  return {
    path: [],
    offset: doc.contents.range?.[0] ?? 0,
    kind: 'type',
    message: 'the top level must be a mapping of keys (project:, environments:, …)',
    hint: 'run `rina init` to see a starter rina.yml',
  }
}

function dedupe(issues: PendingIssue[]): PendingIssue[] {
  const seen = new Set<string>()
  return issues.filter((p) => {
    const key = `${JSON.stringify(p.path)}\n${p.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function toIssue(
  p: PendingIssue,
  file: string,
  lines: LineCounter,
  origins: { value: string; ref: string }[],
): ConfigIssue {
  const pos = lines.linePos(p.offset)
  return {
    file,
    line: pos.line,
    column: pos.col,
    path: formatPath(p.path),
    kind: p.kind,
    message: hideSecrets(p.message, origins),
    hint: hideSecrets(p.hint, origins),
  }
}

/** Writes `${VAR}` back wherever a value taken from the environment would appear in a message. */
function hideSecrets(text: string, origins: { value: string; ref: string }[]): string {
  let out = text
  for (const { value, ref } of [...origins].sort((a, b) => b.value.length - a.value.length)) {
    out = out.split(JSON.stringify(value)).join(JSON.stringify(ref))
    if (value.length >= 4) out = out.split(value).join(ref)
  }
  return out
}
