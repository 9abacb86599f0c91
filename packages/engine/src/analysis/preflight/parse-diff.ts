/**
 * @module Pure parser of `git diff` unified output (with --git headers) into a ChangeSet: new, deleted, renamed
 * and binary files, hunks, and the added and removed lines with their line numbers.
 */
import type { ChangeSet, FileChange, FileStatus, Hunk } from './types.ts'

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/
const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  '"': '"',
  '\\': '\\',
  a: '\x07',
  b: '\b',
  f: '\f',
  r: '\r',
  v: '\v',
}

/** Undoes git's C-style quoting of unusual paths ("a/t\303\251st" → a/tést). */
export function unquotePath(raw: string): string {
  if (!raw.startsWith('"') || !raw.endsWith('"')) return raw
  const bytes: number[] = []
  const body = raw.slice(1, -1)
  const enc = new TextEncoder()
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!
    if (c !== '\\') {
      bytes.push(...enc.encode(c))
      continue
    }
    const next = body[i + 1] ?? ''
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8))
      i += 3
    } else {
      bytes.push(...enc.encode(ESCAPES[next] ?? next))
      i += 1
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes))
}

const stripPrefix = (p: string): string => {
  const u = unquotePath(p)
  return u.startsWith('a/') || u.startsWith('b/') ? u.slice(2) : u
}

/** Paths from `diff --git a/x b/y`; ambiguous when names contain " b/", resolved later by ---/+++ or rename lines. */
function headerPaths(rest: string): [string, string] {
  if (rest.startsWith('"')) {
    const end = rest.indexOf('" ', 1)
    return [stripPrefix(rest.slice(0, end + 1)), stripPrefix(rest.slice(end + 2))]
  }
  const mid = rest.indexOf(' b/')
  if (mid < 0) return [stripPrefix(rest), stripPrefix(rest)]
  return [stripPrefix(rest.slice(0, mid)), stripPrefix(rest.slice(mid + 1))]
}

interface Draft {
  oldPath: string
  newPath: string
  status: FileStatus
  binary: boolean
  hunks: Hunk[]
}

function finish(d: Draft): FileChange {
  const added: FileChange['added'] = []
  const removed: FileChange['removed'] = []
  for (const h of d.hunks) {
    for (const l of h.lines) {
      if (l.kind === 'add') added.push({ line: l.newLine!, text: l.text })
      else if (l.kind === 'del') removed.push({ line: l.oldLine!, text: l.text })
    }
  }
  return {
    path: d.status === 'deleted' ? d.oldPath : d.newPath,
    oldPath: d.status === 'renamed' ? d.oldPath : null,
    status: d.status,
    binary: d.binary,
    hunks: d.hunks,
    added,
    removed,
  }
}

export function parseDiff(
  text: string,
  range: { base?: string | null; head?: string | null } = {},
): ChangeSet {
  const files: FileChange[] = []
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  let cur: Draft | null = null
  let hunk: Hunk | null = null
  let oldNo = 0
  let newNo = 0
  let oldLeft = 0
  let newLeft = 0
  for (const raw of lines) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (hunk && (oldLeft > 0 || newLeft > 0)) {
      const tag = line[0]
      const text = line.slice(1)
      if (tag === '+') {
        hunk.lines.push({ kind: 'add', oldLine: null, newLine: newNo++, text })
        newLeft--
        continue
      }
      if (tag === '-') {
        hunk.lines.push({ kind: 'del', oldLine: oldNo++, newLine: null, text })
        oldLeft--
        continue
      }
      if (tag === ' ' || line === '') {
        hunk.lines.push({ kind: 'context', oldLine: oldNo++, newLine: newNo++, text })
        oldLeft--
        newLeft--
        continue
      }
      if (tag === '\\') continue
    }
    if (line.startsWith('\\')) continue
    if (line.startsWith('diff --git ')) {
      if (cur) files.push(finish(cur))
      const [a, b] = headerPaths(line.slice(11))
      cur = { oldPath: a, newPath: b, status: 'modified', binary: false, hunks: [] }
      hunk = null
      continue
    }
    if (!cur) continue
    const m = HUNK.exec(line)
    if (m) {
      hunk = {
        oldStart: Number(m[1]),
        oldLines: m[2] === undefined ? 1 : Number(m[2]),
        newStart: Number(m[3]),
        newLines: m[4] === undefined ? 1 : Number(m[4]),
        section: m[5] ?? '',
        lines: [],
      }
      oldNo = hunk.oldStart
      newNo = hunk.newStart
      oldLeft = hunk.oldLines
      newLeft = hunk.newLines
      cur.hunks.push(hunk)
      continue
    }
    hunk = null
    applyHeader(cur, line)
  }
  if (cur) files.push(finish(cur))
  return { base: range.base ?? null, head: range.head ?? null, files }
}

/** Reads one extended header line (mode, rename, copy, binary, ---/+++) into the file being built. */
function applyHeader(cur: Draft, line: string): void {
  if (line.startsWith('new file mode')) cur.status = 'added'
  else if (line.startsWith('deleted file mode')) cur.status = 'deleted'
  else if (line.startsWith('rename from ')) {
    cur.oldPath = unquotePath(line.slice(12))
    cur.status = 'renamed'
  } else if (line.startsWith('rename to ')) {
    cur.newPath = unquotePath(line.slice(10))
    cur.status = 'renamed'
  } else if (line.startsWith('copy to ')) {
    cur.newPath = unquotePath(line.slice(8))
    cur.status = 'added'
  } else if (line.startsWith('Binary files ') || line === 'GIT binary patch') cur.binary = true
  else if (line.startsWith('--- ') && line !== '--- /dev/null')
    cur.oldPath = stripPrefix(line.slice(4).replace(/\t$/, ''))
  else if (line.startsWith('+++ ') && line !== '+++ /dev/null')
    cur.newPath = stripPrefix(line.slice(4).replace(/\t$/, ''))
}
