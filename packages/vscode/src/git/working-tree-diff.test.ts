/** @module The working tree as a diff, in a real git repository: modified and untracked files, ignored ones left out. */
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { parsePreflightDiff } from '@rinawarp/engine'
import { newFileText, workingTreeDiff } from './working-tree-diff.ts'

describe('workingTreeDiff', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rina-vscode-git-'))
  after(() => rmSync(dir, { recursive: true, force: true }))
  const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, stdio: 'ignore' })

  it('reads modified and untracked files and leaves ignored ones out when run in a repository', async () => {
    git('init', '-q', '-b', 'main')
    git('config', 'user.email', 'dev@example.com')
    git('config', 'user.name', 'Dev')
    writeFileSync(join(dir, '.gitignore'), 'secret.env\n')
    writeFileSync(join(dir, 'a.ts'), 'export const a = 1\n')
    git('add', '-A')
    git('commit', '-q', '-m', 'initial')
    writeFileSync(join(dir, 'a.ts'), 'export const a = 2\n')
    writeFileSync(join(dir, 'b.ts'), 'export const b = 1\nexport const c = 2\n')
    writeFileSync(join(dir, 'secret.env'), 'TOKEN=x\n')
    const d = await workingTreeDiff(dir)
    assert.ok(d.ok)
    const change = parsePreflightDiff(d.diff, { base: 'HEAD', head: 'working-tree' })
    assert.deepEqual(change.files.map((f) => [f.path, f.status]).sort(), [
      ['a.ts', 'modified'],
      ['b.ts', 'added'],
    ])
    assert.deepEqual(
      change.files.find((f) => f.path === 'b.ts')!.added.map((l) => l.line),
      [1, 2],
    )
  })

  it('answers a reason instead of a diff when the folder is not a repository', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'rina-vscode-nogit-'))
    try {
      const d = await workingTreeDiff(plain)
      assert.equal(d.ok, false)
    } finally {
      rmSync(plain, { recursive: true, force: true })
    }
  })

  it('writes an empty new file as a header only when it has no lines', () => {
    assert.equal(
      newFileText('e.txt', ''),
      'diff --git a/e.txt b/e.txt\nnew file mode 100644\n--- /dev/null\n+++ b/e.txt\n',
    )
  })
})
