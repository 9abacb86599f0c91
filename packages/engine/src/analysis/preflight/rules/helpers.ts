/** @module Small builders shared by rule families: line-pattern rules and added-line scans. */
import type { Rule } from '../rule.ts'
import type { Family, FileChange, NumberedLine, RuleHit, Severity } from '../types.ts'

export interface LineRuleSpec {
  id: string
  family: Family
  severity: Severity
  title: string
  why: string
  fix: string
  /** Which files the rule reads. */
  files: (f: FileChange) => boolean
  /** Matched against each added line; the message is built from the match. */
  pattern: RegExp
  message: (m: RegExpExecArray, line: NumberedLine) => string
  /** Optional second look at the whole line, e.g. to skip comments. */
  accept?: (line: NumberedLine, f: FileChange) => boolean
}

const MAX_EVIDENCE = 160
export const evidence = (text: string): string => {
  const t = text.trim()
  return t.length > MAX_EVIDENCE ? `${t.slice(0, MAX_EVIDENCE - 1)}…` : t
}

export function lineRule(spec: LineRuleSpec): Rule {
  const { files, pattern, message, accept, ...meta } = spec
  return {
    ...meta,
    check(ctx) {
      const hits: RuleHit[] = []
      for (const f of ctx.change.files) {
        if (f.binary || f.status === 'deleted' || !files(f)) continue
        for (const l of f.added) {
          const m = pattern.exec(l.text)
          if (!m || (accept && !accept(l, f))) continue
          hits.push({ file: f.path, line: l.line, message: message(m, l), evidence: evidence(l.text) })
        }
      }
      return hits
    },
  }
}

/** A line that is only a comment in the common languages. */
export const isCommentLine = (text: string): boolean => /^\s*(?:\/\/|#|--|\/\*|\*|<!--|;)/.test(text)
