import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { gitRepo } from '../testing/git-repo.ts'
import {
  changeSetForRange,
  changeSetStaged,
  changeSetWorkingTree,
  defaultBranch,
  fileHistory,
  mergeBase,
} from './git.ts'

const NOW = new Date('2025-06-01T12:00:00Z')
const clock = { now: () => NOW }

const repo = () => gitRepo({ date: '2025-05-01T00:00:00Z' })

describe('git change sets', () => {
  const r = repo()
  let base = ''
  let head = ''
  before(() => {
    base = r.commit('initial', {
      'src/app.ts': 'const a = 1\nconst b = 2\n',
      'old.txt': 'bye\n',
      'move.md': 'same text\n'.repeat(5),
    })
    head = r.commit('change', {
      'src/app.ts': 'const a = 1\nconst b = 3\nconst c = 4\n',
      'old.txt': null,
      'move.md': null,
      'docs/moved.md': 'same text\n'.repeat(5),
      'logo.bin': '\0\x01\x02binary',
    })
  })
  after(() => r.cleanup())

  it('reads added, deleted, renamed and binary files when given a range', async () => {
    const res = await changeSetForRange(r.dir, base, head)
    assert.ok(res.ok)
    const byPath = Object.fromEntries(res.value.files.map((f) => [f.path, f]))
    assert.deepEqual(Object.keys(byPath).sort(), ['docs/moved.md', 'logo.bin', 'old.txt', 'src/app.ts'])
    assert.deepEqual(byPath['src/app.ts']!.added, [
      { line: 2, text: 'const b = 3' },
      { line: 3, text: 'const c = 4' },
    ])
    assert.equal(byPath['old.txt']!.status, 'deleted')
    assert.deepEqual(
      [byPath['docs/moved.md']!.status, byPath['docs/moved.md']!.oldPath],
      ['renamed', 'move.md'],
    )
    assert.equal(byPath['logo.bin']!.binary, true)
  })

  it('returns NOT_FOUND when a ref does not exist', async () => {
    const res = await changeSetForRange(r.dir, 'no-such-ref', head)
    assert.ok(!res.ok)
    assert.equal(res.error.code, 'NOT_FOUND')
  })

  it('refuses a ref when it looks like an option', async () => {
    const res = await changeSetForRange(r.dir, '--output=/tmp/x', head)
    assert.ok(!res.ok)
    assert.equal(res.error.code, 'USAGE')
  })

  it('returns VCS_FAILED when the folder is not a repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rina-nogit-'))
    try {
      const res = await changeSetStaged(dir)
      assert.ok(!res.ok)
      assert.equal(res.error.code, 'VCS_FAILED')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('reads only the index when asked for staged changes', async () => {
    r.write({ 'staged.ts': 'export const s = 1\n', 'unstaged.ts': 'export const u = 1\n' })
    r.git('add', 'staged.ts')
    const staged = await changeSetStaged(r.dir)
    assert.ok(staged.ok)
    assert.deepEqual(
      staged.value.files.map((f) => f.path),
      ['staged.ts'],
    )

    const tree = await changeSetWorkingTree(r.dir)
    assert.ok(tree.ok)
    const untracked = tree.value.files.find((f) => f.path === 'unstaged.ts')!
    assert.deepEqual(
      [untracked.status, untracked.added],
      ['added', [{ line: 1, text: 'export const u = 1' }]],
    )
    assert.ok(tree.value.files.some((f) => f.path === 'staged.ts'))
  })
})

describe('git history', () => {
  const r = repo()
  after(() => r.cleanup())

  it('finds the default branch and the merge base when a feature branch exists', async () => {
    const root = r.commit('initial', { 'a.txt': '1\n' })
    r.git('checkout', '-q', '-b', 'feature')
    r.commit('feature work', { 'b.txt': '2\n' })
    assert.deepEqual(await defaultBranch(r.dir), { ok: true, value: 'main' })
    assert.deepEqual(await mergeBase(r.dir, 'main', 'feature'), { ok: true, value: root })
  })

  it('counts commits and fix commits per file when they fall inside the window', async () => {
    r.commit('add pay', { 'src/pay.ts': 'v1\n' }, '2025-03-01T00:00:00Z')
    r.commit('fix rounding in pay', { 'src/pay.ts': 'v2\n' }, '2025-04-01T00:00:00Z')
    r.commit('Revert "tweak"', { 'src/pay.ts': 'v3\n', 'src/other.ts': 'x\n' }, '2025-05-01T00:00:00Z')
    r.commit('ancient fix', { 'src/old.ts': 'x\n' }, '2023-01-01T00:00:00Z')
    const res = await fileHistory(r.dir, { months: 6, clock })
    assert.ok(res.ok)
    assert.deepEqual(res.value['src/pay.ts'], { commits: 3, fixCommits: 2 })
    assert.deepEqual(res.value['src/other.ts'], { commits: 1, fixCommits: 1 })
    assert.equal(res.value['src/old.ts'], undefined)
  })

  it('limits history to the given paths when paths are passed', async () => {
    const res = await fileHistory(r.dir, { months: 6, clock, paths: ['src/other.ts'] })
    assert.ok(res.ok)
    assert.deepEqual(Object.keys(res.value), ['src/other.ts'])
  })
})
