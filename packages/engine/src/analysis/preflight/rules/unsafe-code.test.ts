import { describe } from 'node:test'
import { runScenarios } from '../../../testing/preflight-scenarios.ts'
import { unsafeCodeRules } from './unsafe-code.ts'

describe('unsafe code rules', () => {
  runScenarios(unsafeCodeRules, [
    {
      name: 'console.log is added to production code',
      files: { 'src/api/users.ts': ['console.log(user)'] },
      expect: ['unsafe-code/debug-output'],
    },
    {
      name: 'a debugger statement is added',
      files: { 'src/app.js': ['  debugger'] },
      expect: ['unsafe-code/debug-output'],
    },
    {
      name: 'TLS verification is disabled in Node',
      files: { 'src/http.ts': ['const agent = new https.Agent({ rejectUnauthorized: false })'] },
      expect: ['unsafe-code/tls-verification-disabled'],
    },
    {
      name: 'TLS verification is disabled in Python',
      files: { 'app/client.py': ['requests.get(url, verify=False)'] },
      expect: ['unsafe-code/tls-verification-disabled'],
    },
    {
      name: 'TLS verification is disabled in Go',
      files: { 'pkg/client.go': ['TLSClientConfig: &tls.Config{InsecureSkipVerify: true},'] },
      expect: ['unsafe-code/tls-verification-disabled'],
    },
    { name: 'eval is added', files: { 'src/calc.js': ['return eval(expr)'] }, expect: ['unsafe-code/eval'] },
    {
      name: 'an auth middleware is commented out',
      files: { 'src/routes.ts': ['// router.use(requireAuth)'] },
      expect: ['unsafe-code/auth-check-commented-out'],
    },
    {
      name: 'login_required is commented out',
      files: { 'app/views.py': ['# @login_required'] },
      expect: ['unsafe-code/auth-check-commented-out'],
    },
    {
      name: 'a TODO is added',
      files: { 'src/app.ts': ['// TODO: handle retries'] },
      expect: ['unsafe-code/todo'],
    },
    { name: 'console.log is in a test', files: { 'src/app.test.ts': ['console.log(x)'] }, expect: [] },
    { name: 'console.log is commented out', files: { 'src/app.ts': ['// console.log(x)'] }, expect: [] },
    {
      name: 'rejectUnauthorized stays true',
      files: { 'src/http.ts': ['rejectUnauthorized: true'] },
      expect: [],
    },
    {
      name: 'evaluate is a method name',
      files: { 'src/rules.ts': ['rules.evaluate(input)', 'model.eval()'] },
      expect: [],
    },
    {
      name: 'an auth check is active code',
      files: { 'src/routes.ts': ['router.use(requireAuth)'] },
      expect: [],
    },
    { name: 'console.log is in docs', files: { 'docs/usage.md': ['console.log(result)'] }, expect: [] },
  ])
})
