/**
 * @module Turns zod issues into located, human problems: unknown keys with "did you mean", missing fields at
 * their parent, wrong types in YAML words, bad enum values with the allowed list, unions resolved by `type`.
 */
import type { z } from 'zod'
import type { Document } from 'yaml'
import type { PathSegment } from './issue.ts'
import { formatPath } from './issue.ts'
import { keyOffset, parentOffset, valueOffset, writtenValue } from './locate.ts'
import type { PendingIssue } from './pending.ts'
import { allowedKeys, descriptionOf, hasValueAt, schemaAt, valueAt } from './shape.ts'
import { suggestHint } from './suggest.ts'
import { expectedWords, receivedWords, typeHint } from './type-words.ts'

type ZodIssue = z.core.$ZodIssue

export interface ZodIssueContext {
  schema: z.ZodType
  /** The data that was validated (after `${VAR}` resolution). */
  data: unknown
  doc: Document
  source: string
}

const DOCS = 'see docs/config.md for every field'

export function fromZodIssues(issues: readonly ZodIssue[], ctx: ZodIssueContext): PendingIssue[] {
  const out: PendingIssue[] = []
  for (const issue of issues) convert(issue, [], ctx, out)
  return out
}

function convert(issue: ZodIssue, base: PathSegment[], ctx: ZodIssueContext, out: PendingIssue[]): void {
  const path = [...base, ...(issue.path as PathSegment[])]
  const field = schemaAt(ctx.schema, path, ctx.data)
  const describe = descriptionOf(field)
  const shown = writtenValue(ctx.doc, ctx.source, path)
  const at = (
    kind: PendingIssue['kind'],
    message: string,
    hint: string,
    offset = valueOffset(ctx.doc, path),
  ): void => {
    out.push({ path, offset, kind, message, hint })
  }

  switch (issue.code) {
    case 'unrecognized_keys':
      for (const key of issue.keys) {
        const allowed = allowedKeys(ctx.schema, path, ctx.data)
        out.push({
          path: [...path, key],
          offset: keyOffset(ctx.doc, [...path, key]),
          kind: 'unknown-key',
          message: `unknown key "${key}"`,
          hint: suggestHint(key, allowed, `allowed keys in ${formatPath(path) || 'the top level'}`),
        })
      }
      return
    case 'invalid_type':
      if (!hasValueAt(ctx.data, path)) return missing(path, issue.expected, field, ctx, out)
      return at(
        'type',
        `expected ${expectedWords(issue.expected)}, got ${receivedWords(valueAt(ctx.data, path), shown)}`,
        typeHint(issue.expected, valueAt(ctx.data, path), describe),
      )
    case 'invalid_value': {
      const allowed = issue.values.map(String)
      const given = shown ?? JSON.stringify(valueAt(ctx.data, path))
      if (allowed.length === 1)
        return at('value', `${given} must be ${JSON.stringify(issue.values[0])}`, describe ?? DOCS)
      return at(
        'value',
        `${given} is not allowed`,
        suggestHint(String(valueAt(ctx.data, path)), allowed, 'allowed values'),
      )
    }
    case 'invalid_union':
      return union(issue, path, ctx, out)
    case 'invalid_key': {
      const key = String(path[path.length - 1])
      const inner = issue.issues[0]?.message ?? issue.message
      const slug = key
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/^[^a-z]+/, '')
      const hint = slug !== '' && slug !== key ? `rename it, e.g. "${slug}"` : inner
      return at('value', `invalid name "${key}": ${inner}`, hint, keyOffset(ctx.doc, path))
    }
    case 'custom': {
      const params = issue.params as { hint?: unknown } | undefined
      const hint = typeof params?.hint === 'string' ? params.hint : (describe ?? DOCS)
      return at(typeof params?.hint === 'string' ? 'reference' : 'value', issue.message, hint)
    }
    default: {
      const isScalarValue = shown !== null
      const message = isScalarValue ? `${shown}: ${issue.message}` : issue.message
      return at('value', message, describe ?? DOCS)
    }
  }
}

function missing(
  path: PathSegment[],
  expected: string,
  field: z.ZodType | null,
  ctx: ZodIssueContext,
  out: PendingIssue[],
) {
  const name = String(path[path.length - 1] ?? '')
  const describe = descriptionOf(field)
  out.push({
    path,
    offset: path.length === 0 ? 0 : parentOffset(ctx.doc, path),
    kind: 'missing',
    message:
      path.length === 0
        ? 'the file is empty'
        : `missing required field "${name}" (${expectedWords(expected)})`,
    hint:
      path.length === 0
        ? 'run `rina init` to write a starter rina.yml'
        : `add ${name}: under ${formatPath(path.slice(0, -1)) || 'the top level'}${describe ? ` (${describe})` : ''}`,
  })
}

/** Unions: an unknown or missing `type` says which types exist; otherwise the matching option's issues count. */
function union(
  issue: Extract<ZodIssue, { code: 'invalid_union' }>,
  path: PathSegment[],
  ctx: ZodIssueContext,
  out: PendingIssue[],
) {
  const disc = issue.discriminator
  if (disc !== undefined && 'options' in issue) {
    const discPath = path[path.length - 1] === disc ? path : [...path, disc]
    return badType(discPath, (issue.options ?? []).map(String), ctx, out)
  }
  const branches = issue.errors
  const typeIssue = (b: readonly ZodIssue[]) =>
    b.find((i) => i.path.length === 1 && i.path[0] === 'type' && i.code === 'invalid_value')
  const matching = branches.filter((b) => typeIssue(b) === undefined)
  if (matching.length === 1) {
    for (const inner of matching[0]!) convert(inner, path, ctx, out)
    return
  }
  if (branches.length > 0 && matching.length === 0) {
    const types = branches.flatMap((b) => {
      const t = typeIssue(b)
      return t !== undefined && t.code === 'invalid_value' ? t.values.map(String) : []
    })
    return badType([...path, 'type'], types, ctx, out)
  }
  const expected = branches.flatMap((b) =>
    b
      .filter((i) => i.path.length === 0 && i.code === 'invalid_type')
      .map((i) => (i.code === 'invalid_type' ? expectedWords(i.expected) : '')),
  )
  const shown = writtenValue(ctx.doc, ctx.source, path)
  out.push({
    path,
    offset: valueOffset(ctx.doc, path),
    kind: 'type',
    message:
      expected.length > 0
        ? `expected ${[...new Set(expected)].join(' or ')}, got ${receivedWords(valueAt(ctx.data, path), shown)}`
        : issue.message,
    hint: descriptionOf(schemaAt(ctx.schema, path, ctx.data)) ?? DOCS,
  })
}

function badType(discPath: PathSegment[], types: string[], ctx: ZodIssueContext, out: PendingIssue[]) {
  const given = valueAt(ctx.data, discPath)
  if (given === undefined) return missing(discPath, `one of ${types.join(', ')}`, null, ctx, out)
  out.push({
    path: discPath,
    offset: valueOffset(ctx.doc, discPath),
    kind: 'value',
    message: `unknown type ${writtenValue(ctx.doc, ctx.source, discPath) ?? JSON.stringify(given)}`,
    hint: suggestHint(String(given), types, 'allowed types'),
  })
}
