/**
 * @module Debug and unsafe code added to production paths: console.log and debugger, TLS verification disabled,
 * eval, authentication checks commented out, TODO/FIXME markers.
 */
import type { Rule } from '../rule.ts'
import type { FileChange } from '../types.ts'
import { isCommentLine, lineRule } from './helpers.ts'
import { isJsPath, isProductionCode, isTestPath } from './paths.ts'

const production = (f: FileChange) => isProductionCode(f.path)
const notTest = (f: FileChange) => !isTestPath(f.path) && !/(?:^|\/)(?:docs?|examples?)\//.test(f.path)

export const debugOutputRule = lineRule({
  id: 'unsafe-code/debug-output',
  family: 'unsafe-code',
  severity: 'low',
  title: 'Debug output or debugger statement',
  why: 'Debug output leaks internal data into logs, and a debugger statement pauses the process under an inspector.',
  fix: 'Remove it or use the project logger at the right level.',
  files: (f) => production(f) && isJsPath(f.path),
  pattern: /\bconsole\.(?:log|debug|trace|dir)\s*\(|^\s*debugger\s*;?\s*$/,
  message: (m) =>
    m[0].includes('debugger') ? 'debugger statement added' : `${m[0].replace(/\s*\($/, '')} added`,
  accept: (l) => !isCommentLine(l.text),
})

export const tlsDisabledRule = lineRule({
  id: 'unsafe-code/tls-verification-disabled',
  family: 'unsafe-code',
  severity: 'high',
  title: 'TLS certificate verification disabled',
  why: 'Without certificate checks anyone on the network path can read and alter the traffic.',
  fix: 'Keep verification on; trust a private CA explicitly (ca option, REQUESTS_CA_BUNDLE, NODE_EXTRA_CA_CERTS).',
  files: notTest,
  pattern:
    /rejectUnauthorized\s*:\s*false|NODE_TLS_REJECT_UNAUTHORIZED\s*[=:]\s*["']?0|\bverify\s*=\s*False\b|InsecureSkipVerify\s*:\s*true|CURLOPT_SSL_VERIFY(?:PEER|HOST)\s*,\s*(?:false|0)|(?:^|\s)curl\s(?:.*\s)?(?:-k|--insecure)\b|strict-ssl\s*[=:]?\s*false|ssl_verify\s*[=:]\s*(?:false|0|none)|VERIFY_NONE|check_hostname\s*=\s*False|checkServerIdentity\s*:\s*\(\)\s*=>\s*(?:undefined|null)/i,
  message: () => 'TLS certificate verification disabled',
  accept: (l) => !isCommentLine(l.text),
})

export const evalRule = lineRule({
  id: 'unsafe-code/eval',
  family: 'unsafe-code',
  severity: 'medium',
  title: 'Dynamic code evaluation',
  why: 'eval and its relatives run strings as code: with any outside input that is code injection.',
  fix: 'Parse the data instead (JSON.parse, a lookup table) or call the function directly.',
  files: production,
  pattern: /(?<![\w.$])eval\s*\(|\bnew\s+Function\s*\(|\bsetTimeout\s*\(\s*["'`]|\bvm\.runIn\w*Context\s*\(/,
  message: (m) => `${m[0].replace(/\s*\($/, '').trim()} used`,
  accept: (l) => !isCommentLine(l.text),
})

const AUTH_CALL =
  /\b(?:require_?[Aa]uth\w*|authenticate\w*|authori[sz]e\w*|isAuthenticated|ensure(?:Logged|Auth)\w*|check(?:Auth|Permission|Access)\w*|verify(?:Token|Jwt|Session|Auth)\w*|jwt\.verify|passport\.authenticate|login_required|permission_required|before_action\s+:authenticate\w*|RequireAuth|UseAuthorization|Authorize\])/

export const authCommentedOutRule: Rule = {
  id: 'unsafe-code/auth-check-commented-out',
  family: 'unsafe-code',
  severity: 'high',
  title: 'Authentication or authorization check commented out',
  why: 'A commented-out auth check silently opens the route or action to everyone.',
  fix: 'Restore the check; if it must change, replace it with the new check in the same change.',
  check: (ctx) =>
    ctx.change.files
      .filter((f) => notTest(f) && !f.binary && f.status !== 'deleted')
      .flatMap((f) =>
        f.added
          .filter((l) => isCommentLine(l.text) && AUTH_CALL.test(l.text))
          .map((l) => ({
            file: f.path,
            line: l.line,
            message: 'auth check commented out',
            evidence: l.text.trim().slice(0, 160),
          })),
      ),
}

export const todoRule = lineRule({
  id: 'unsafe-code/todo',
  family: 'unsafe-code',
  severity: 'info',
  title: 'TODO or FIXME added',
  why: 'A TODO in shipped code marks work known to be unfinished.',
  fix: 'Finish it, or track it in an issue and reference the issue in the comment.',
  files: production,
  pattern: /(?:\/\/|#|\/\*|\*|--)\s*(TODO|FIXME|XXX|HACK)\b/,
  message: (m) => `${m[1]} added`,
})

export const unsafeCodeRules: Rule[] = [
  debugOutputRule,
  tlsDisabledRule,
  evalRule,
  authCommentedOutRule,
  todoRule,
]
