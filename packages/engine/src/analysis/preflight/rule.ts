/**
 * @module The one interface every preflight rule implements, and the registry that holds them by id.
 * A rule is pure: it reads the change set (and history given as data) and returns hits; the engine adds the
 * rule's id, family, severity, why and fix, then applies the options (disable, severity, allowlists).
 */
import type { ChangeSet, Family, HistoryInput, RuleHit, Severity } from './types.ts'

export interface RuleContext {
  change: ChangeSet
  /** Commit and fix-commit counts per file over the look-back window; empty when unknown. */
  history: HistoryInput
  /** Facts about the project the change set cannot show (e.g. an Electron app, from the service kind). */
  project: { electron: boolean }
}

export interface Rule {
  /** `<family>/<name>`, stable: config, inline allows and SARIF refer to it. */
  readonly id: string
  readonly family: Family
  readonly severity: Severity
  /** One line naming what the rule looks for. */
  readonly title: string
  /** Why a finding matters, for the person deciding. */
  readonly why: string
  /** What to do about it. */
  readonly fix: string
  check(ctx: RuleContext): RuleHit[]
}

export interface RuleRegistry {
  all(): readonly Rule[]
  get(id: string): Rule | undefined
}

export function createRegistry(rules: readonly Rule[]): RuleRegistry {
  const byId = new Map<string, Rule>()
  for (const r of rules) {
    if (byId.has(r.id)) throw new Error(`duplicate preflight rule id ${r.id}`)
    if (!r.id.startsWith(`${r.family}/`))
      throw new Error(`rule ${r.id} must start with its family ${r.family}/`)
    byId.set(r.id, r)
  }
  const list = [...byId.values()]
  return { all: () => list, get: (id) => byId.get(id) }
}
