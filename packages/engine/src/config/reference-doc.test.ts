import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { describe, it } from 'node:test'
import { CONFIG_DOCS_PATH } from '../../../../scripts/gen-config-docs.ts'
import { renderConfigReference } from './reference-doc.ts'

describe('renderConfigReference', () => {
  const text = renderConfigReference()

  it('lists every field path with its type and default when rendering the schema', () => {
    assert.match(
      text,
      /^\| `environments\.<environment>\.health\.within` \| duration .*\| `"2m"` \| \.\.\.within this window\. \|$/m,
    )
    assert.match(text, /^\| `project` \| name .*\| \*\*required\*\* \|/m)
    assert.match(text, /^### `type: electron-feed`$/m)
    assert.match(text, /^## `notifications\.channels\.<channel>`$/m)
  })

  it('matches docs/config.md when the docs are up to date', async () => {
    const onDisk = await readFile(CONFIG_DOCS_PATH, 'utf8').catch(() => '')
    assert.ok(
      onDisk === text,
      'docs/config.md is out of date with the config schema: run `npm run docs:config`',
    )
  })
})
