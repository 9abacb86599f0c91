/**
 * @module Database migration rules: destructive or locking schema changes, backfills inside schema migrations and
 * migrations with no way back. Statements are read from added lines (SQL, Rails, Django, Alembic, Knex, Prisma).
 */
import type { Rule } from '../rule.ts'
import type { FileChange, RuleHit, Severity } from '../types.ts'
import { baseName } from './paths.ts'

const MIGRATION_PATH =
  /(?:^|\/)(?:migrations?|migrate|alembic\/versions|db\/versions|flyway|liquibase|changelogs?)\/|\.sql$/i

export const isMigration = (f: FileChange): boolean => MIGRATION_PATH.test(f.path) && !f.binary

interface Statement {
  line: number
  endLine: number
  text: string
}

/** Added lines of a migration joined into statements (split on `;` or, for ORM code, one per line). */
export function statements(f: FileChange): Statement[] {
  const out: Statement[] = []
  const sql = /\.sql$/i.test(f.path)
  let cur = null as Statement | null
  for (const l of f.added) {
    const text = l.text.replace(/--.*$/, '').trim()
    if (!text) continue
    if (!sql) {
      out.push({ line: l.line, endLine: l.line, text })
      continue
    }
    cur = cur
      ? { ...cur, endLine: l.line, text: `${cur.text} ${text}` }
      : { line: l.line, endLine: l.line, text }
    if (text.endsWith(';')) {
      out.push(cur)
      cur = null
    }
  }
  if (cur) out.push(cur)
  return out
}

interface Spec {
  name: string
  severity: Severity
  title: string
  why: string
  fix: string
  test: (s: string, all: Statement[]) => boolean
}

const ddl =
  /\b(?:CREATE|ALTER|DROP)\s+(?:TABLE|INDEX|COLUMN)|create_table|add_column|AddField|op\.(?:add|create|alter|drop)_/i

const SPECS: Spec[] = [
  {
    name: 'drop-table',
    severity: 'critical',
    title: 'Table dropped',
    why: 'Dropping a table deletes its data; code still running the old release will fail on it.',
    fix: 'Stop using the table in one release, back it up, and drop it in a later migration.',
    test: (s) => /\bDROP\s+TABLE\b|\bdrop_table\b|\bdropTable\(|\bDeleteModel\(|op\.drop_table\(/i.test(s),
  },
  {
    name: 'drop-column',
    severity: 'high',
    title: 'Column dropped',
    why: 'The data in the column is lost and the running release may still read or write it.',
    fix: 'Deploy code that no longer uses the column first, then drop it in a later migration.',
    test: (s) =>
      /\bDROP\s+COLUMN\b|\bremove_column\b|\bdropColumn\(|\bRemoveField\(|op\.drop_column\(/i.test(s),
  },
  {
    name: 'rename',
    severity: 'high',
    title: 'Table or column renamed',
    why: 'A rename breaks every query of the release that is still running during the deploy.',
    fix: 'Add the new name, copy and dual-write, switch readers, then remove the old name (expand and contract).',
    test: (s) =>
      /\bRENAME\s+(?:COLUMN|TO)\b|\brename_(?:column|table)\b|\brename(?:Column|Table)\(|\bRename(?:Field|Model)\(/i.test(
        s,
      ),
  },
  {
    name: 'type-change',
    severity: 'high',
    title: 'Column type changed',
    why: 'Changing a type rewrites the table under an exclusive lock and can fail or truncate existing values.',
    fix: 'Add a new column of the new type, backfill it in batches, and switch over.',
    test: (s) =>
      /\bALTER\s+COLUMN\s+\S+\s+(?:SET\s+DATA\s+)?TYPE\b|\bMODIFY\s+(?:COLUMN\s+)?\S+\s+\w|\bchange_column\b|\bAlterField\(|op\.alter_column\([^)]*type_/i.test(
        s,
      ),
  },
  {
    name: 'not-null-without-default',
    severity: 'high',
    title: 'NOT NULL without a default',
    why: 'Adding a NOT NULL column without a default fails on existing rows; SET NOT NULL scans the whole table.',
    fix: 'Add the column nullable or with a default, backfill, then add the constraint (NOT VALID, then VALIDATE).',
    test: (s) =>
      (/\bADD\s+(?:COLUMN\s+)?[^,;]*\bNOT\s+NULL\b/i.test(s) && !/\bDEFAULT\b/i.test(s)) ||
      /\bSET\s+NOT\s+NULL\b/i.test(s) ||
      (/\badd_column\b.*null:\s*false/.test(s) && !/default:/.test(s)),
  },
  {
    name: 'locking-index',
    severity: 'medium',
    title: 'Index created without CONCURRENTLY',
    why: 'On PostgreSQL a plain CREATE INDEX blocks writes to the table until the index is built.',
    fix: 'Use CREATE INDEX CONCURRENTLY (outside a transaction) or algorithm: :concurrently.',
    test: (s) =>
      (/\bCREATE\s+(?:UNIQUE\s+)?INDEX\b/i.test(s) && !/\bCONCURRENTLY\b/i.test(s)) ||
      (/\badd_index\b/.test(s) && !/algorithm:\s*:concurrently/.test(s)),
  },
  {
    name: 'constraint-validated',
    severity: 'medium',
    title: 'Constraint added and validated in one step',
    why: 'Adding a foreign key or check constraint validates every row while holding a lock on the table.',
    fix: 'Add the constraint with NOT VALID, then VALIDATE CONSTRAINT in a separate migration.',
    test: (s) =>
      /\bADD\s+CONSTRAINT\b[^;]*\b(?:FOREIGN\s+KEY|CHECK|REFERENCES)\b/i.test(s) &&
      !/\bNOT\s+VALID\b/i.test(s),
  },
  {
    name: 'backfill-in-schema-migration',
    severity: 'medium',
    title: 'Data backfill inside a schema migration',
    why: 'Updating rows in the same migration as schema changes holds locks for the length of the backfill.',
    fix: 'Move the backfill to its own migration or job, in batches.',
    test: (s, all) =>
      /^\s*(?:UPDATE\s+\S+\s+SET\b|INSERT\s+INTO\s+\S+.*\bSELECT\b|DELETE\s+FROM\b)|\.update_all\(|\bRunPython\(|op\.execute\(\s*["']UPDATE/i.test(
        s,
      ) && all.some((o) => ddl.test(o.text)),
  },
]

const specRule = (spec: Spec): Rule => ({
  id: `migrations/${spec.name}`,
  family: 'migrations',
  severity: spec.severity,
  title: spec.title,
  why: spec.why,
  fix: spec.fix,
  check(ctx) {
    const hits: RuleHit[] = []
    for (const f of ctx.change.files) {
      if (f.status === 'deleted' || !isMigration(f)) continue
      const all = statements(f)
      for (const s of all) {
        if (spec.test(s.text, all))
          hits.push({
            file: f.path,
            line: s.line,
            endLine: s.endLine,
            message: `${spec.title} in ${baseName(f.path)}`,
            evidence: s.text.slice(0, 160),
          })
      }
    }
    return hits
  },
})

const UP = /\.up\.sql$/i

/** True when an added migration file has no way back. */
function irreversible(f: FileChange, all: FileChange[]): boolean {
  const text = f.added.map((l) => l.text).join('\n')
  if (/IrreversibleMigration/.test(text)) return true
  if (UP.test(f.path)) return !all.some((o) => o.path === f.path.replace(UP, '.down.sql'))
  if (/\bdef\s+up\b/.test(text)) return !/\bdef\s+down\b/.test(text)
  if (/\bdef\s+upgrade\s*\(/.test(text))
    return (
      /\bdef\s+downgrade\s*\(\s*\)\s*(?:->\s*None\s*)?:\s*(?:\n\s*(?:#.*|""".*"""))*\n?\s*pass\b/.test(
        text,
      ) || !/\bdef\s+downgrade\b/.test(text)
    )
  if (/\b(?:exports\.up|export\s+(?:async\s+)?function\s+up)\b/.test(text))
    return !/\b(?:exports\.down|function\s+down)\b/.test(text)
  return false
}

export const irreversibleRule: Rule = {
  id: 'migrations/irreversible',
  family: 'migrations',
  severity: 'medium',
  title: 'Migration with no way back',
  why: 'Without a down migration a failed release cannot be rolled back to the previous schema.',
  fix: 'Write the down migration (or document the manual restore) before shipping.',
  check: (ctx) =>
    ctx.change.files
      .filter((f) => f.status === 'added' && isMigration(f) && irreversible(f, ctx.change.files))
      .map((f) => ({ file: f.path, line: 1, message: `${baseName(f.path)} cannot be rolled back` })),
}

export const migrationRules: Rule[] = [...SPECS.map(specRule), irreversibleRule]
