import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { defaultRegistry } from '../analysis/preflight/analyze.ts'

describe('docs/preflight.md', () => {
  const text = readFileSync(new URL('../../../../docs/preflight.md', import.meta.url), 'utf8')

  it('lists every rule with its default severity when the rules change', () => {
    const missing = defaultRegistry
      .all()
      .filter((r) => !text.includes(`| \`${r.id}\` | ${r.severity} | ${r.title} |`))
      .map((r) => r.id)
    assert.deepEqual(missing, [], 'update the rules table in docs/preflight.md')
  })

  it('lists no rule when it does not exist', () => {
    const listed = [...text.matchAll(/^\| `([a-z-]+\/[a-z0-9-]+)` \|/gm)].map((m) => m[1]!)
    assert.deepEqual(
      listed.filter((id) => !defaultRegistry.get(id)),
      [],
    )
  })
})
