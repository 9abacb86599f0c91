import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseDiff, unquotePath } from './parse-diff.ts'

const MODIFIED = `diff --git a/src/app.ts b/src/app.ts
index 1111111..2222222 100644
--- a/src/app.ts
+++ b/src/app.ts
@@ -1,4 +1,5 @@ export function main() {
 const a = 1
-const b = 2
+const b = 3
+const c = 4
 
 const d = 5
@@ -20 +21 @@
-old
+new
\\ No newline at end of file
`

const SHAPES = `diff --git a/new.txt b/new.txt
new file mode 100644
index 0000000..3333333
--- /dev/null
+++ b/new.txt
@@ -0,0 +1,2 @@
+hello
+world
diff --git a/gone.txt b/gone.txt
deleted file mode 100644
index 4444444..0000000
--- a/gone.txt
+++ /dev/null
@@ -1 +0,0 @@
-bye
diff --git a/old name.md b/docs/new name.md
similarity index 90%
rename from old name.md
rename to docs/new name.md
index 5555555..6666666 100644
--- a/old name.md
+++ b/docs/new name.md
@@ -3 +3 @@
-x
+y
diff --git a/a.js b/b.js
similarity index 100%
rename from a.js
rename to b.js
diff --git a/logo.png b/logo.png
new file mode 100644
index 0000000..7777777
Binary files /dev/null and b/logo.png differ
diff --git "a/t\\303\\251st.txt" "b/t\\303\\251st.txt"
index 8888888..9999999 100644
--- "a/t\\303\\251st.txt"
+++ "b/t\\303\\251st.txt"
@@ -1 +1 @@
--- not a header
+++ not a header either
`

describe('parseDiff', () => {
  it('numbers added and removed lines across hunks when a file is modified', () => {
    const [f] = parseDiff(MODIFIED).files
    assert.equal(f!.status, 'modified')
    assert.equal(f!.hunks.length, 2)
    assert.equal(f!.hunks[0]!.section, 'export function main() {')
    assert.deepEqual(f!.added, [
      { line: 2, text: 'const b = 3' },
      { line: 3, text: 'const c = 4' },
      { line: 21, text: 'new' },
    ])
    assert.deepEqual(f!.removed, [
      { line: 2, text: 'const b = 2' },
      { line: 20, text: 'old' },
    ])
  })

  it('keeps context lines that are empty when the hunk has a blank line', () => {
    const [f] = parseDiff(MODIFIED).files
    const ctx = f!.hunks[0]!.lines.filter((l) => l.kind === 'context')
    assert.deepEqual(
      ctx.map((l) => [l.oldLine, l.newLine, l.text]),
      [
        [1, 1, 'const a = 1'],
        [3, 4, ''],
        [4, 5, 'const d = 5'],
      ],
    )
  })

  const scenarios = [
    { path: 'new.txt', status: 'added', oldPath: null, binary: false, added: 2, removed: 0 },
    { path: 'gone.txt', status: 'deleted', oldPath: null, binary: false, added: 0, removed: 1 },
    {
      path: 'docs/new name.md',
      status: 'renamed',
      oldPath: 'old name.md',
      binary: false,
      added: 1,
      removed: 1,
    },
    { path: 'b.js', status: 'renamed', oldPath: 'a.js', binary: false, added: 0, removed: 0 },
    { path: 'logo.png', status: 'added', oldPath: null, binary: true, added: 0, removed: 0 },
    { path: 'tést.txt', status: 'modified', oldPath: null, binary: false, added: 1, removed: 1 },
  ] as const
  const files = parseDiff(SHAPES).files
  for (const [i, s] of scenarios.entries()) {
    it(`reads ${s.path} as ${s.status}${s.binary ? ' binary' : ''} when git reports it so`, () => {
      const f = files[i]!
      assert.deepEqual(
        {
          path: f.path,
          status: f.status,
          oldPath: f.oldPath,
          binary: f.binary,
          added: f.added.length,
          removed: f.removed.length,
        },
        s,
      )
    })
  }

  it('treats lines starting with --- or +++ inside a hunk as content when counts say so', () => {
    const f = files[5]!
    assert.deepEqual(f.removed, [{ line: 1, text: '-- not a header' }])
    assert.deepEqual(f.added, [{ line: 1, text: '++ not a header either' }])
  })

  it('returns no files when the input is empty', () => {
    assert.deepEqual(parseDiff('', { base: 'a', head: 'b' }), { base: 'a', head: 'b', files: [] })
  })

  it('decodes octal escapes when a path is quoted', () => {
    assert.equal(unquotePath('"a/\\303\\244\\tb"'), 'a/ä\tb')
  })
})
