/** @module The words of preflight: a change set parsed from a diff, the findings rules make and the report. */

export const FILE_STATUSES = ['added', 'modified', 'deleted', 'renamed'] as const
export type FileStatus = (typeof FILE_STATUSES)[number]

/** One line of a hunk; added lines have a new line number, removed lines an old one, context lines both. */
export interface DiffLine {
  kind: 'add' | 'del' | 'context'
  oldLine: number | null
  newLine: number | null
  text: string
}

export interface Hunk {
  oldStart: number
  oldLines: number
  newStart: number
  newLines: number
  /** Text after the second `@@` (often the enclosing function). */
  section: string
  lines: DiffLine[]
}

/** A line with its number: in the new file for added lines, in the old file for removed ones. */
export interface NumberedLine {
  line: number
  text: string
}

export interface FileChange {
  /** Path relative to the repository root, after the change (before it, for deleted files). */
  path: string
  /** Path before a rename; null otherwise. */
  oldPath: string | null
  status: FileStatus
  binary: boolean
  hunks: Hunk[]
  added: NumberedLine[]
  removed: NumberedLine[]
}

export interface ChangeSet {
  /** What the change is measured from and to, as given (refs or labels such as "staged"). */
  base: string | null
  head: string | null
  files: FileChange[]
}

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const
export type Severity = (typeof SEVERITIES)[number]

export const severityRank = (s: Severity): number => SEVERITIES.length - 1 - SEVERITIES.indexOf(s)

export const FAMILIES = [
  'secrets',
  'migrations',
  'tests',
  'unsafe-code',
  'dependencies',
  'config',
  'change-shape',
  'electron',
] as const
export type Family = (typeof FAMILIES)[number]

/** History of one file over the look-back window, read from git by the caller. */
export interface FileHistory {
  commits: number
  fixCommits: number
}

/** Per-file history keyed by path relative to the repository root. */
export type HistoryInput = Record<string, FileHistory>

/** What a rule reports; the engine adds the rule's id, family, default severity, why and fix. */
export interface RuleHit {
  file: string
  line: number
  endLine?: number
  message: string
  /** Shown to people; secrets must already be redacted. */
  evidence?: string
  /** Overrides the rule's default severity for this hit only. */
  severity?: Severity
  /** The raw matched value, used for value allowlists and never rendered. */
  value?: string
}

export interface Finding {
  ruleId: string
  family: Family
  severity: Severity
  file: string
  line: number
  endLine: number
  message: string
  evidence: string | null
  why: string
  fix: string
}

export interface Factor {
  /** Stable name, e.g. "secrets" or "size". */
  name: string
  points: number
  detail: string
}

export const DECISIONS = ['go', 'caution', 'no-go'] as const
export type Decision = (typeof DECISIONS)[number]

export interface Suppressed {
  ruleId: string
  file: string
  line: number
  reason: string
}

export interface PreflightReport {
  decision: Decision
  score: number
  factors: Factor[]
  findings: Finding[]
  /** Findings an inline `rina-allow` comment or the allowlist suppressed, kept for the audit trail. */
  suppressed: Suppressed[]
  summary: string
  stats: { files: number; additions: number; deletions: number }
  base: string | null
  head: string | null
}
