/**
 * @module Resolves `${VAR}` references in the string values of a parsed rina.yml, in place, keeping track of
 * where each reference sits (for errors) and which values came from the environment (secrets to redact).
 */
import { isMap, isPair, isScalar, isSeq, parse } from 'yaml'
import type { Document, Node } from 'yaml'
import { hasReference, interpolate } from './interpolate.ts'
import type { Env } from './interpolate.ts'
import type { PathSegment } from './issue.ts'
import type { PendingIssue } from './pending.ts'

export interface EnvResolution {
  /** Values that came from environment variables; callers redact them. */
  secrets: string[]
  /** Each secret with the reference that produced it, to rewrite any message back to `${VAR}`. */
  origins: { value: string; ref: string }[]
  issues: PendingIssue[]
  /** Field paths (formatted as JSON) whose value could not be resolved; other errors there are noise. */
  unresolved: Set<string>
}

export function resolveEnv(doc: Document, source: string, env: Env): EnvResolution {
  const res: EnvResolution = { secrets: [], origins: [], issues: [], unresolved: new Set() }
  walk(doc.contents as Node | null, [], source, env, res)
  res.secrets = [...new Set(res.secrets)]
  return res
}

function walk(node: Node | null, path: PathSegment[], source: string, env: Env, res: EnvResolution): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
      walk(pair.value as Node | null, [...path, key], source, env, res)
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => walk(item as Node | null, [...path, i], source, env, res))
  } else if (isScalar(node) && typeof node.value === 'string' && hasReference(node.value)) {
    resolveScalar(node, path, source, env, res)
  }
}

function resolveScalar(node: Node, path: PathSegment[], source: string, env: Env, res: EnvResolution): void {
  if (!isScalar(node) || typeof node.value !== 'string') return
  const result = interpolate(node.value, env)
  const start = node.range?.[0] ?? 0
  const written = source.slice(start, node.range?.[1] ?? start)
  const offsetOf = (text: string) => {
    const at = written.indexOf(text)
    return at === -1 ? start : start + at
  }
  for (const ref of result.missing) {
    res.issues.push({
      path,
      offset: offsetOf(ref.text),
      kind: 'env',
      message: `environment variable ${ref.name} is not set (used by ${ref.text})`,
      hint: `export ${ref.name}=… before running rina, or write \${${ref.name}:-default}`,
    })
  }
  for (const bad of result.malformed) {
    res.issues.push({
      path,
      offset: offsetOf(bad.text),
      kind: 'env',
      message: `malformed reference ${bad.text}`,
      hint: 'write ${NAME} or ${NAME:-default} (letters, digits and _), or $${ for a literal ${',
    })
  }
  if (result.missing.length > 0 || result.malformed.length > 0) res.unresolved.add(JSON.stringify(path))
  for (const { ref, value } of result.fromEnv) {
    if (value === '') continue
    res.secrets.push(value)
    res.origins.push({ value, ref: ref.text })
  }
  node.value = result.whole && node.type === 'PLAIN' ? scalarValue(result.value) : result.value
}

/** Reads an unquoted whole-reference value as YAML would (`587` → number, `true` → boolean), else keeps the text. */
function scalarValue(text: string): string | number | boolean {
  try {
    const v: unknown = parse(text)
    return typeof v === 'number' || typeof v === 'boolean' ? v : text
  } catch {
    return text
  }
}
