/** @module The default preflight rules, one family per file or folder; adding a rule is one line here. */
import type { Rule } from '../rule.ts'
import { changeShapeRules } from './change-shape.ts'
import { configRules } from './config-infra.ts'
import { dependencyRules } from './dependencies.ts'
import { electronRules } from './electron.ts'
import { migrationRules } from './migrations.ts'
import { secretsRules } from './secrets/rules.ts'
import { testsRules } from './tests.ts'
import { unsafeCodeRules } from './unsafe-code.ts'

export const defaultRules: readonly Rule[] = [
  ...secretsRules,
  ...migrationRules,
  ...testsRules,
  ...unsafeCodeRules,
  ...dependencyRules,
  ...configRules,
  ...changeShapeRules,
  ...electronRules,
]
