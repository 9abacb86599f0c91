import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { renderCliReference } from './reference.ts'

describe('docs/cli.md', () => {
  it('matches the command definitions when regenerated', () => {
    const current = readFileSync(new URL('../../../docs/cli.md', import.meta.url), 'utf8')
    assert.equal(current, renderCliReference(), 'docs/cli.md is stale: run `npm run docs:cli`')
  })
})
