/**
 * @module The working tree as one unified diff: `git diff HEAD` (or the index before the first commit) plus each
 * untracked file as a new-file diff, so the server can analyse the editor's files wherever it runs.
 */
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

/** Larger untracked files are left out: preflight reads changes a person reviews, not generated blobs. */
const MAX_UNTRACKED_BYTES = 512_000

function git(cwd: string, args: string[]): Promise<{ ok: boolean; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (e, out, err) =>
      resolve({ ok: !e, out: String(out), err: String(err) }),
    )
  })
}

export type DiffResult = { ok: true; root: string; diff: string } | { ok: false; reason: string }

export async function workingTreeDiff(cwd: string): Promise<DiffResult> {
  const top = await git(cwd, ['rev-parse', '--show-toplevel'])
  if (!top.ok) return { ok: false, reason: `not a git repository: ${cwd}` }
  const root = top.out.trim()
  const hasHead = (await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD'])).ok
  const base = [
    '-c',
    'core.quotepath=off',
    'diff',
    '--no-color',
    '--no-ext-diff',
    '--find-renames',
    '--unified=3',
  ]
  const tracked = await git(root, hasHead ? [...base, 'HEAD', '--'] : [...base, '--cached', '--'])
  if (!tracked.ok) return { ok: false, reason: tracked.err.trim() }
  const others = await git(root, ['ls-files', '--others', '--exclude-standard', '-z'])
  if (!others.ok) return { ok: false, reason: others.err.trim() }
  const parts = [tracked.out]
  for (const path of others.out.split('\0').filter(Boolean)) parts.push(await newFileDiff(root, path))
  return { ok: true, root, diff: parts.filter(Boolean).join('') }
}

export function newFileText(path: string, content: string): string {
  const lines = content.split('\n')
  if (lines.at(-1) === '') lines.pop()
  const head = `diff --git a/${path} b/${path}\nnew file mode 100644\n--- /dev/null\n+++ b/${path}\n`
  if (lines.length === 0) return head
  return `${head}@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l.replace(/\r$/, '')}`).join('\n')}\n`
}

async function newFileDiff(root: string, path: string): Promise<string> {
  const buf = await readFile(join(root, path)).catch(() => Buffer.alloc(0))
  if (buf.length > MAX_UNTRACKED_BYTES || buf.subarray(0, 8000).includes(0)) return ''
  return newFileText(path, buf.toString('utf8'))
}
