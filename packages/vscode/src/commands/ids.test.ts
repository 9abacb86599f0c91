/** @module The manifest and the code agree: every declared command has a handler id here, with the same title. */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { COMMANDS } from './ids.ts'

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  main: string
  contributes: { commands: { command: string; title: string }[] }
}

describe('commands', () => {
  it('declares exactly the commands the extension registers when package.json is read', () => {
    assert.deepEqual(
      manifest.contributes.commands.map((c) => [c.command, c.title]).sort(),
      Object.values(COMMANDS)
        .map((c) => [c.id, c.title])
        .sort(),
    )
  })

  it('names the five palette commands of the issue when listed', () => {
    const titles = manifest.contributes.commands.map((c) => c.title)
    for (const t of [
      'Deploy: Staging',
      'Deploy: Production',
      'Toggle Production Freeze',
      'Trigger AI Incident Response',
      'Open AI Terminal Panel',
    ])
      assert.ok(titles.includes(t), t)
  })

  it('points main at the CommonJS bundle when packaged', () => {
    assert.equal(manifest.main, './dist/extension.cjs')
  })
})
