/** @module Builders for preflight tests: a change set from a few lines per file, stating only what matters. */
import type { ChangeSet, FileChange, FileStatus } from '../analysis/preflight/types.ts'

export interface FileSpec {
  status?: FileStatus
  added?: string[]
  removed?: string[]
  /** First line number of the added lines (default 1). */
  start?: number
  oldPath?: string
  binary?: boolean
}

export function fileChange(path: string, spec: FileSpec = {}): FileChange {
  const start = spec.start ?? 1
  const added = (spec.added ?? []).map((text, i) => ({ line: start + i, text }))
  const removed = (spec.removed ?? []).map((text, i) => ({ line: start + i, text }))
  const lines = [
    ...removed.map((l) => ({ kind: 'del' as const, oldLine: l.line, newLine: null, text: l.text })),
    ...added.map((l) => ({ kind: 'add' as const, oldLine: null, newLine: l.line, text: l.text })),
  ]
  const status =
    spec.status ??
    (removed.length === 0 && added.length > 0
      ? 'added'
      : added.length === 0 && removed.length > 0
        ? 'deleted'
        : 'modified')
  const hunk = {
    oldStart: start,
    oldLines: removed.length,
    newStart: start,
    newLines: added.length,
    section: '',
    lines,
  }
  return {
    path,
    oldPath: spec.oldPath ?? null,
    status,
    binary: spec.binary ?? false,
    hunks: lines.length ? [hunk] : [],
    added,
    removed,
  }
}

export function changeSet(files: ScenarioFiles): ChangeSet {
  return {
    base: 'base',
    head: 'head',
    files: Object.entries(files).map(([path, spec]) =>
      fileChange(path, Array.isArray(spec) ? { added: spec } : spec),
    ),
  }
}

/** Files of a scenario: a spec per path, or just the added lines. */
export type ScenarioFiles = Record<string, FileSpec | string[]>
