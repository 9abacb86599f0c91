import { describe } from 'node:test'
import { runScenarios } from '../../../testing/preflight-scenarios.ts'
import { testsRules } from './tests.ts'

describe('test rules', () => {
  runScenarios(testsRules, [
    {
      name: 'a test file is deleted',
      files: { 'src/a.test.ts': { status: 'deleted', removed: ['it("x", () => {})'] } },
      expect: ['tests/deleted'],
    },
    {
      name: 'a test is skipped with it.skip',
      files: { 'src/a.test.ts': ["it.skip('works', () => {})"] },
      expect: ['tests/skipped'],
    },
    {
      name: 'a test is disabled with xit',
      files: { 'spec/a_spec.js': ["xit('works', () => {})"] },
      expect: ['tests/skipped'],
    },
    {
      name: 'a JUnit test is @Disabled',
      files: { 'src/test/java/AppTest.java': ['    @Disabled("flaky")'] },
      expect: ['tests/skipped'],
    },
    {
      name: 'a pytest is skipped',
      files: { 'tests/test_app.py': ['@pytest.mark.skip(reason="later")'] },
      expect: ['tests/skipped'],
    },
    {
      name: 'a suite is focused with describe.only',
      // Built from parts so that tools looking for focused tests in this repository do not flag the fixture.
      files: { 'src/a.test.ts': [`describe${'.only'}('unit', () => {`] },
      expect: ['tests/focused'],
    },
    {
      name: 'a test is focused with fit',
      files: { 'src/a.spec.js': ["fit('x', () => {})"] },
      expect: ['tests/focused'],
    },
    {
      name: 'assertions are removed',
      files: {
        'src/a.test.ts': { removed: ['assert.equal(a, 1)', 'expect(b).toBe(2)'], added: ['const a = 1'] },
      },
      expect: ['tests/assertions-removed'],
    },
    {
      name: 'assertions are rewritten one for one',
      files: { 'src/a.test.ts': { removed: ['assert.equal(a, 1)'], added: ['assert.strictEqual(a, 1)'] } },
      expect: [],
    },
    {
      name: '.only appears in production code',
      files: { 'src/select.ts': ['const pick = list.only(1)'] },
      expect: [],
    },
    {
      name: 'a skip is only mentioned in a comment',
      files: { 'src/a.test.ts': ['// use it.skip() sparingly'] },
      expect: [],
    },
    {
      name: 'a source file is deleted',
      files: { 'src/old.ts': { status: 'deleted', removed: ['export {}'] } },
      expect: [],
    },
  ])
})
