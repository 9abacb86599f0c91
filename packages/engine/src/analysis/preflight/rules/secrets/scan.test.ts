import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { changeSet } from '../../../../testing/preflight.ts'
import { analyzePreflight } from '../../analyze.ts'
import { redactValue } from './redact.ts'
import { scanSecrets } from './scan.ts'

// Fake credentials are assembled at runtime so that no scanner flags this file; none of them is real.
const j = (...parts: string[]) => parts.join('')
const R = 'q8Zr4T1vXw9Lk2Hs7Nd3Pf6Gb0Jm5Yc'
const fake = {
  github: j('gh', 'p_', R, 'Ab3xK'),
  aws: j('AK', 'IA', 'Q3ZV7WJ2KXN4MRB6'),
  slack: j('xo', 'xb-', '263594206564-', '2343594206574-', 'FGqddMF8t08v8N7Oq4i57vs1'),
  stripe: j('sk', '_live_', '4eC39HqLyjWDarjtT1zdp7dc'),
  jwt: j(
    'ey',
    'JhbGciOiJIUzI1NiJ9',
    '.ey',
    'JzdWIiOiIxMjM0NTY3ODkwIn0',
    '.',
    'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  ),
  key: j(
    '-----BEGIN ',
    'RSA PRIVATE KEY-----\n',
    'MIIEpQIBAAKCAQEAn6/O8li+SX4m98LLYt/PKSzEmQ++ZBD7Loh9P13f4yQ92EF3\n',
    'yxR5MsXFu9PRsrYQA7/4UTPHiC4y2sAVCBg4C2yyBpUEtMQjyCESi6Y=\n',
    '-----END RSA PRIVATE KEY-----',
  ),
}

const scenarios: { name: string; text: string; detector: string | null }[] = [
  { name: 'a GitHub token', text: `token: ${fake.github}`, detector: 'provider-token' },
  { name: 'an AWS access key id', text: `aws_access_key_id = ${fake.aws}`, detector: 'provider-token' },
  { name: 'a Slack bot token', text: `"bot": "${fake.slack}"`, detector: 'provider-token' },
  { name: 'a Stripe secret key', text: `STRIPE=${fake.stripe}`, detector: 'provider-token' },
  { name: 'a JSON Web Token', text: `Authorization: Bearer ${fake.jwt}`, detector: 'provider-token' },
  { name: 'a private key block', text: fake.key, detector: 'private-key' },
  {
    name: 'a password in a connection string',
    text: j('DATABASE_URL=postgres://app:', 'Xk29vLq7Tz', '@db.internal:5432/app'),
    detector: 'url-credentials',
  },
  {
    name: 'curl basic credentials',
    text: j('curl -u deploy:', 'h0pk1ns~21s', ' https://api.internal'),
    detector: 'http-auth',
  },
  {
    name: 'a random value assigned to api_key',
    text: j('api_key = "', 'Zf3D0LXCM3EIMbgJpUNnkRtOfOueHznB', '"'),
    detector: 'generic-assignment',
  },
  {
    name: 'a literal password in XML',
    text: j('<add key="ClearTextPassword" value="', 'Tr0ub4dor&3', '" />'),
    detector: 'generic-assignment',
  },
  {
    name: 'Kubernetes Secret data',
    text: 'apiVersion: v1\nkind: Secret\ndata:\n  password: UyFCXCpkJHpEc2I9\n',
    detector: 'kubernetes-secret',
  },
  {
    name: 'a UUID under a token name',
    text: j('crmToken = ', '9fc86328-786c-902a-ecf4-d066fd280dcc'),
    detector: 'generic-assignment',
  },
  {
    name: 'a prefixed token with a typed run inside',
    text: j('FIGMA_TOKEN=fi', 'gd_', 'aBcDeFgHiJkLmNoPqRsT1234567890abcdefghijklmn'),
    detector: 'provider-token',
  },
  {
    name: 'a prefixed token made of words',
    text: j('gl', 'soat-', 'PREfix_helloworld380_testin_pretty_long_token'),
    detector: null,
  },
  { name: 'a placeholder token', text: j('gh', 'p_', 'x'.repeat(36)), detector: null },
  { name: 'an AWS documentation key', text: j('AK', 'IA', 'IOSFODNN7', 'EXAMPLE'), detector: null },
  { name: 'an environment reference', text: 'password: ${DB_PASSWORD}', detector: null },
  { name: 'a template variable', text: 'password: {{ .Values.password }}', detector: null },
  { name: 'a code expression', text: 'administrator_login_password = var.db_password', detector: null },
  {
    name: 'a lockfile integrity hash',
    text: '"integrity": "sha512-Qw5Vh3t0Xz8r4Yb7Kc2Jf1Gm6Nd9Ls0Pq3Wr5Tu8Ve1Xa4Bz7Cd0Ef2Gh5Ij8Kl1Mn4Op7Qr0St3Uv6Wx9Yz2A=="',
    detector: null,
  },
  {
    name: 'a UUID that is an id',
    text: 'request_id = "dafa7817-e246-48f3-91a7-e87653d587b8"',
    detector: null,
  },
  { name: 'a commit hash', text: 'commit_sha = "6d2fabeb6add229bc199faba28fd3efb57df0bd3"', detector: null },
  { name: 'a publishable key', text: j('pk_', 'live_', 'j5krY8XTgIcDaHDb3YrsAfCl'), detector: null },
  {
    name: 'a public key block',
    text: '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAn6\n-----END PUBLIC KEY-----',
    detector: null,
  },
  {
    name: 'default credentials in a local URL',
    text: 'postgres://postgres:postgres@localhost:5432/app',
    detector: null,
  },
  { name: 'an empty password', text: 'password = ""', detector: null },
]

describe('scanSecrets', () => {
  for (const s of scenarios) {
    it(`${s.detector ? `reports ${s.detector}` : 'reports nothing'} when the text holds ${s.name}`, () => {
      const found = scanSecrets(s.text)
      assert.deepEqual(
        found.map((f) => f.detector),
        s.detector ? [s.detector] : [],
      )
    })
  }

  it('spans the whole block when a private key covers several lines', () => {
    const [m] = scanSecrets(`x = 1\n${fake.key}\n`)
    assert.deepEqual([m!.line, m!.endLine], [2, 5])
  })
})

describe('secrets rules', () => {
  it('redacts the value in evidence when a token is added', () => {
    const report = analyzePreflight(changeSet({ 'src/config.ts': [`export const token = '${fake.github}'`] }))
    const f = report.findings.find((x) => x.ruleId === 'secrets/provider-token')!
    assert.equal(f.line, 1)
    assert.ok(!JSON.stringify(report).includes(fake.github))
    assert.ok(f.evidence!.includes(redactValue(fake.github)))
  })

  it('reports a committed .env file when one is added', () => {
    const report = analyzePreflight(changeSet({ '.env': ['PORT=3000'], '.env.example': ['PORT='] }))
    assert.deepEqual(
      report.findings.filter((f) => f.ruleId === 'secrets/env-file').map((f) => f.file),
      ['.env'],
    )
  })

  it('ignores lockfiles when their hashes look random', () => {
    const report = analyzePreflight(changeSet({ 'package-lock.json': [j('"token": "', R, '"')] }))
    assert.equal(report.findings.filter((f) => f.family === 'secrets').length, 0)
  })

  it('numbers findings in the new file when added lines start mid-file', () => {
    const report = analyzePreflight(
      changeSet({ 'app.py': { added: ['x = 1', `KEY = "${fake.stripe}"`], start: 40 } }),
    )
    assert.equal(report.findings.find((f) => f.family === 'secrets')!.line, 41)
  })
})
