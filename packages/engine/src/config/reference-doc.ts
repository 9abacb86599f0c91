/**
 * @module The reference page of rina.yml (docs/config.md): every field with its type, default and description,
 * generated from the JSON Schema so the schema stays the one source.
 */
import { DURATION_PATTERN } from '../domain/duration.ts'
import { configJsonSchema } from './json-schema.ts'
import { REQUIRED_ENVIRONMENTS } from './references.ts'

type Json = Record<string, unknown>
interface Row {
  path: string
  type: string
  default: string
  description: string
}
interface Variant {
  type: string
  description: string
  rows: Row[]
}
interface UnionSection {
  path: string
  description: string
  variants: Variant[]
}

const obj = (v: unknown): Json | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null
const options = (s: Json): Json[] => ((s['oneOf'] ?? s['anyOf'] ?? []) as Json[]).map((o) => obj(o) ?? {})
const typeConst = (s: Json): string | null => {
  const c = obj(obj(s['properties'])?.['type'])?.['const']
  return typeof c === 'string' ? c : null
}
const isTypedUnion = (s: Json) => options(s).length > 0 && options(s).every((o) => typeConst(o) !== null)
const hasFields = (s: Json) => obj(s['properties']) !== null
const recordValue = (s: Json): Json | null =>
  s['type'] === 'object' && !hasFields(s) ? obj(s['additionalProperties']) : null

function placeholder(s: Json): string {
  const m = /^(\w+) name\.$/.exec(String(obj(s['propertyNames'])?.['description'] ?? ''))
  return `<${m ? m[1]!.toLowerCase() : 'key'}>`
}

function typeText(s: Json): string {
  if (s['const'] !== undefined) return `\`${JSON.stringify(s['const'])}\``
  if (Array.isArray(s['enum'])) return s['enum'].map((v) => `\`${JSON.stringify(v)}\``).join(' or ')
  if (isTypedUnion(s))
    return `one of type ${options(s)
      .map((o) => `\`${typeConst(o)}\``)
      .join(', ')}`
  if (options(s).length > 0) return options(s).map(typeText).join(' or ')
  const t = s['type']
  if (t === 'string') {
    if (s['pattern'] === DURATION_PATTERN.source) return 'duration (e.g. `30s`, `5m`)'
    if (s['format'] === 'uri') return 'URL'
    if (s['pattern'] === '^[a-z][a-z0-9-]{0,39}$') return 'name (lowercase, digits, dashes)'
    if (typeof s['pattern'] === 'string') return `string matching \`${s['pattern']}\``
    return s['minLength'] === 1 ? 'non-empty string' : 'string'
  }
  if (t === 'integer' || t === 'number') {
    const [min, max] = [s['minimum'], s['maximum']].map((n) =>
      typeof n === 'number' && Math.abs(n) < 1e9 ? n : null,
    )
    const range = min !== null && max !== null ? ` ${min}–${max}` : min !== null ? ` ≥ ${min}` : ''
    return `${t}${range}`
  }
  if (t === 'array') return `list of ${typeText(obj(s['items']) ?? {})}`
  if (t === 'object') {
    const value = recordValue(s)
    if (value !== null)
      return `mapping of \`${placeholder(s)}\` → ${hasFields(value) ? 'mapping' : typeText(value)}`
    return hasFields(s) ? 'mapping' : 'any'
  }
  return typeof t === 'string' ? t : 'any'
}

function walk(s: Json, prefix: string, rows: Row[], unions: UnionSection[]): void {
  const props = obj(s['properties']) ?? {}
  const required = new Set((s['required'] ?? []) as string[])
  for (const [name, raw] of Object.entries(props)) {
    const p = obj(raw) ?? {}
    const path = prefix === '' ? name : `${prefix}.${name}`
    const def =
      p['default'] !== undefined
        ? `\`${JSON.stringify(p['default'])}\``
        : required.has(name)
          ? '**required**'
          : '—'
    rows.push({ path, type: typeText(p), default: def, description: String(p['description'] ?? '') })
    descend(p, path, rows, unions)
  }
}

function descend(p: Json, path: string, rows: Row[], unions: UnionSection[]): void {
  const items = p['type'] === 'array' ? obj(p['items']) : null
  const value = recordValue(p)
  if (isTypedUnion(p)) unions.push(unionSection(p, path, unions))
  else if (hasFields(p)) walk(p, path, rows, unions)
  else if (value !== null) descend(value, `${path}.${placeholder(p)}`, rows, unions)
  else if (items !== null) descend(items, `${path}[]`, rows, unions)
}

function unionSection(s: Json, path: string, unions: UnionSection[]): UnionSection {
  const variants = options(s).map((o) => {
    const rows: Row[] = []
    walk(o, '', rows, unions)
    return { type: typeConst(o)!, description: String(o['description'] ?? ''), rows }
  })
  return { path, description: String(s['description'] ?? ''), variants }
}

const cell = (t: string) => t.replace(/\|/g, '\\|').replace(/\n/g, ' ')
function table(rows: Row[]): string {
  const head = '| Field | Type | Default | Description |\n| --- | --- | --- | --- |'
  const body = rows.map(
    (r) => `| \`${r.path}\` | ${cell(r.type)} | ${cell(r.default)} | ${cell(r.description)} |`,
  )
  return [head, ...body].join('\n')
}

export function renderConfigReference(): string {
  const schema = configJsonSchema()
  const rows: Row[] = []
  const unions: UnionSection[] = []
  walk(schema, '', rows, unions)
  const out = [
    '# rina.yml reference',
    '',
    '<!-- Generated from the config schema by `npm run docs:config`. Do not edit by hand. -->',
    '',
    `${String(schema['description'])} \`rina\` finds rina.yml by walking up from the working directory, or reads the file given with \`--config PATH\`. Paths in it are relative to its directory.`,
    '',
    `Environments named ${REQUIRED_ENVIRONMENTS.map((e) => `\`${e}\``).join(' and ')} are required; environments are listed in promotion order. Any string value may use \`\${VAR}\` or \`\${VAR:-default}\` to read an environment variable; values read this way are treated as secrets and redacted from all output (write \`$\${\` for a literal \`\${\`). A missing variable without a default is an error.`,
    '',
    'Editors can complete and check rina.yml with the JSON Schema printed by `rina config schema`.',
    '',
    '## Fields',
    '',
    table(rows),
  ]
  for (const u of unions) {
    out.push('', `## \`${u.path}\``, '')
    if (u.description !== '') out.push(u.description, '')
    out.push(`Set \`type\` to one of: ${u.variants.map((v) => `\`${v.type}\``).join(', ')}.`)
    for (const v of u.variants) {
      out.push('', `### \`type: ${v.type}\``, '')
      if (v.description !== '') out.push(v.description, '')
      out.push(table(v.rows))
    }
  }
  return `${out.join('\n')}\n`
}
