/** @module Runs a `scenarios` table of change sets against one rule family (shared by the family tests). */
import assert from 'node:assert/strict'
import { it } from 'node:test'
import { changeSet, type ScenarioFiles } from './preflight.ts'
import { analyzePreflight } from '../analysis/preflight/analyze.ts'
import { createRegistry, type Rule } from '../analysis/preflight/rule.ts'
import type { HistoryInput } from '../analysis/preflight/types.ts'

export interface Scenario {
  name: string
  files: ScenarioFiles
  /** Rule ids expected, sorted; [] for must-not-flag cases. */
  expect: string[]
  history?: HistoryInput
  electron?: boolean
}

export function runScenarios(rules: readonly Rule[], scenarios: Scenario[]): void {
  const registry = createRegistry(rules)
  for (const s of scenarios) {
    it(`${s.expect.length ? `reports ${s.expect.join(', ')}` : 'reports nothing'} when ${s.name}`, () => {
      const report = analyzePreflight(changeSet(s.files), {
        registry,
        history: s.history,
        project: { electron: s.electron },
      })
      assert.deepEqual([...new Set(report.findings.map((f) => f.ruleId))].sort(), [...s.expect].sort())
    })
  }
}
