/** @module A located problem in rina.yml: file, line, column, field path, message and a hint. */

export type ConfigIssueKind =
  'syntax' | 'unknown-key' | 'missing' | 'type' | 'value' | 'env' | 'reference' | 'file'

export interface ConfigIssue {
  /** File as shown to the user (relative to the working directory when possible). */
  file: string
  /** 1-based line and column. */
  line: number
  column: number
  /** Field path such as `environments.production.services.api.deploy.timeout`; empty for the whole file. */
  path: string
  kind: ConfigIssueKind
  message: string
  /** What to do about it. */
  hint: string
}

export type PathSegment = string | number

/** `environments.production.services.api.probes[0].url`; keys that are not plain words are quoted. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`
    else if (typeof seg === 'string' && /^[A-Za-z0-9_-]+$/.test(seg)) out += out === '' ? seg : `.${seg}`
    else out += `[${JSON.stringify(String(seg))}]`
  }
  return out
}

/** Orders issues by position so they read top to bottom. */
export function sortIssues(issues: readonly ConfigIssue[]): ConfigIssue[] {
  return [...issues].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column)
}
