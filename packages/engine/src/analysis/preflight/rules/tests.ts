/** @module Test rules: tests deleted, skipped or focused, and assertions removed. */
import type { Rule } from '../rule.ts'
import { isCommentLine, lineRule } from './helpers.ts'
import { isTestPath } from './paths.ts'

const inTests = (f: { path: string }) => isTestPath(f.path)

const SKIP =
  /(?:\b(?:describe|it|test|context|suite)\.skip\s*\(|\b(?:xit|xdescribe|xtest|xcontext)\s*\(|@(?:Disabled|Ignore)\b|@pytest\.mark\.skip|@unittest\.skip|\bt\.Skip(?:Now|f)?\(|\bskip\s*\(\s*["'`]|\b(?:it|test)\.todo\s*\()/
const FOCUS =
  /(?:\b(?:describe|it|test|context|suite)\.only\s*\(|\b(?:fit|fdescribe|ftest)\s*\(|\{\s*only:\s*true\s*\})/
const ASSERT =
  /\b(?:assert\w*|expect)\s*[.(]|\.(?:should|to(?:Be|Equal|Match|Throw|Have\w*)|assert\w+)\b|\bt\.(?:Error|Fatal|Fail)\w*\(|\brequire\.\w+\(/

export const deletedTestsRule: Rule = {
  id: 'tests/deleted',
  family: 'tests',
  severity: 'high',
  title: 'Test file deleted',
  why: 'Deleting tests removes the safety net for the code they covered.',
  fix: 'Keep the tests or replace them; if the code went away too, say so in the change description.',
  check: (ctx) =>
    ctx.change.files
      .filter((f) => f.status === 'deleted' && inTests(f))
      .map((f) => ({ file: f.path, line: 1, message: `test file deleted (${f.removed.length} lines)` })),
}

export const skippedTestsRule = lineRule({
  id: 'tests/skipped',
  family: 'tests',
  severity: 'medium',
  title: 'Test skipped or disabled',
  why: 'A skipped test no longer checks anything while still looking like coverage.',
  fix: 'Fix the test or the code; if it must stay skipped, link the issue that tracks it.',
  files: inTests,
  pattern: SKIP,
  message: (m) => `test skipped (${m[0].replace(/\s*\($/, '').trim()})`,
  accept: (l) => !isCommentLine(l.text),
})

export const focusedTestsRule = lineRule({
  id: 'tests/focused',
  family: 'tests',
  severity: 'high',
  title: 'Test focused with only',
  why: 'A focused test makes the runner skip every other test in the file or suite.',
  fix: 'Remove the .only / fit / fdescribe before merging.',
  files: inTests,
  pattern: FOCUS,
  message: (m) => `test focused (${m[0].replace(/\s*\($/, '').trim()}): other tests will not run`,
  accept: (l) => !isCommentLine(l.text),
})

export const assertionsRemovedRule: Rule = {
  id: 'tests/assertions-removed',
  family: 'tests',
  severity: 'medium',
  title: 'Assertions removed',
  why: 'Fewer assertions mean the tests check less than before while still passing.',
  fix: 'Restore the assertions or replace them with equivalent checks.',
  check: (ctx) =>
    ctx.change.files
      .filter((f) => f.status !== 'deleted' && inTests(f))
      .flatMap((f) => {
        const removed = f.removed.filter((l) => ASSERT.test(l.text) && !isCommentLine(l.text))
        const added = f.added.filter((l) => ASSERT.test(l.text) && !isCommentLine(l.text)).length
        if (removed.length <= added) return []
        return [
          {
            file: f.path,
            line: removed[0]!.line,
            message: `${removed.length - added} assertion(s) removed (${removed.length} removed, ${added} added)`,
          },
        ]
      }),
}

export const testsRules: Rule[] = [
  deletedTestsRule,
  skippedTestsRule,
  focusedTestsRule,
  assertionsRemovedRule,
]
