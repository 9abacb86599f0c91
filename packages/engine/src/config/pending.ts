/** @module A problem found while reading rina.yml, located by source offset before it becomes a ConfigIssue. */
import type { ConfigIssueKind, PathSegment } from './issue.ts'

export interface PendingIssue {
  path: PathSegment[]
  /** Offset into the source text; turned into line and column at the end. */
  offset: number
  kind: ConfigIssueKind
  message: string
  hint: string
}
