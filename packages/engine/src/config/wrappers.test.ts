import assert from 'node:assert/strict'
import { readFileSync, statSync } from 'node:fs'
import { describe, it } from 'node:test'
import { wrapperScripts } from './init.ts'

describe('deploy/*.sh in the repository', () => {
  for (const f of wrapperScripts()) {
    it(`${f.path} is the generated thin wrapper and executable`, () => {
      const url = new URL(`../../../../${f.path}`, import.meta.url)
      assert.equal(readFileSync(url, 'utf8'), f.content, `regenerate ${f.path} from wrapperScripts()`)
      assert.ok(statSync(url).mode & 0o100)
    })
  }
})
