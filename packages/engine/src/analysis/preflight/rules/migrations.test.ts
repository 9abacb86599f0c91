import { describe } from 'node:test'
import { migrationRules } from './migrations.ts'
import { runScenarios } from '../../../testing/preflight-scenarios.ts'

const up = (sql: string[]) => ({
  'db/migrations/0042_change.up.sql': sql,
  'db/migrations/0042_change.down.sql': ['SELECT 1;'],
})

describe('migration rules', () => {
  runScenarios(migrationRules, [
    { name: 'a table is dropped', files: up(['DROP TABLE users;']), expect: ['migrations/drop-table'] },
    {
      name: 'a column is dropped',
      files: up(['ALTER TABLE users DROP COLUMN email;']),
      expect: ['migrations/drop-column'],
    },
    {
      name: 'a column is renamed',
      files: up(['ALTER TABLE users RENAME COLUMN name TO full_name;']),
      expect: ['migrations/rename'],
    },
    {
      name: 'a column type changes',
      files: up(['ALTER TABLE users ALTER COLUMN age TYPE bigint;']),
      expect: ['migrations/type-change'],
    },
    {
      name: 'a NOT NULL column has no default',
      files: up(['ALTER TABLE users', '  ADD COLUMN plan text NOT NULL;']),
      expect: ['migrations/not-null-without-default'],
    },
    {
      name: 'an index is built without CONCURRENTLY',
      files: up(['CREATE INDEX idx_users_email ON users (email);']),
      expect: ['migrations/locking-index'],
    },
    {
      name: 'a foreign key is validated at once',
      files: up(['ALTER TABLE orders ADD CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users (id);']),
      expect: ['migrations/constraint-validated'],
    },
    {
      name: 'rows are backfilled beside DDL',
      files: up(['ALTER TABLE users ADD COLUMN plan text;', "UPDATE users SET plan = 'free';"]),
      expect: ['migrations/backfill-in-schema-migration'],
    },
    {
      name: 'an up migration has no down',
      files: { 'db/migrations/0043_add.up.sql': ['ALTER TABLE users ADD COLUMN nick text;'] },
      expect: ['migrations/irreversible'],
    },
    {
      name: 'a Rails migration defines up only',
      files: {
        'db/migrate/20240101_add.rb': [
          'class Add < ActiveRecord::Migration[7.1]',
          '  def up',
          '    add_column :users, :nick, :string',
          '  end',
          'end',
        ],
      },
      expect: ['migrations/irreversible'],
    },
    {
      name: 'a Rails migration removes a column',
      files: { 'db/migrate/20240102_rm.rb': ['def change', '  remove_column :users, :nick', 'end'] },
      expect: ['migrations/drop-column'],
    },
    {
      name: 'a Django migration renames a field',
      files: {
        'app/migrations/0005_rename.py': [
          '        migrations.RenameField(model_name="user", old_name="a", new_name="b"),',
        ],
      },
      expect: ['migrations/rename'],
    },
    {
      name: 'a nullable column is added',
      files: up(['ALTER TABLE users ADD COLUMN nick text;']),
      expect: [],
    },
    {
      name: 'NOT NULL comes with a default',
      files: up(["ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';"]),
      expect: [],
    },
    {
      name: 'the index is built concurrently',
      files: up(['CREATE INDEX CONCURRENTLY idx_a ON users (a);']),
      expect: [],
    },
    {
      name: 'the constraint is added NOT VALID',
      files: up(['ALTER TABLE o ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES users (id) NOT VALID;']),
      expect: [],
    },
    {
      name: 'a drop only appears in a comment',
      files: up(['-- DROP TABLE users;', 'SELECT 1;']),
      expect: [],
    },
    {
      name: 'DROP TABLE is in application code, not a migration',
      files: { 'src/admin/reset.ts': ["db.exec('DROP TABLE tmp')"] },
      expect: [],
    },
  ])
})
