import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Env } from './interpolate.ts'
import type { ConfigIssue } from './issue.ts'
import { formatConfigIssues } from './format.ts'
import { validateConfigText } from './validate.ts'

const lines = (...l: string[]) => `${l.join('\n')}\n`

/** A valid config; `services` and `tail` are spliced in so each test states only what matters. */
const config = (opts: { staging?: string[]; tail?: string[]; production?: boolean } = {}) =>
  lines(
    'project: demo',
    'environments:',
    '  staging:',
    '    services:',
    '      api:',
    ...(opts.staging ?? ['        deploy: { type: command, deploy: ./deploy/api.sh }']),
    ...(opts.production === false
      ? []
      : [
          '  production:',
          '    services:',
          '      api:',
          '        deploy: { type: command, deploy: ./deploy/api.sh }',
        ]),
    ...(opts.tail ?? []),
  )

function issuesOf(text: string, env: Env = {}): ConfigIssue[] {
  const r = validateConfigText(text, { file: 'rina.yml', env })
  assert.equal(r.ok, false, 'expected the config to be invalid')
  return r.ok ? [] : r.error
}

const brief = (i: ConfigIssue) => ({ line: i.line, column: i.column, path: i.path, kind: i.kind })

describe('validateConfigText', () => {
  it('returns the config with defaults when the text is valid', () => {
    const r = validateConfigText(config(), { file: 'rina.yml', env: {} })
    assert.ok(r.ok)
    assert.equal(r.value.config.store.type, 'sqlite')
    assert.equal(r.value.config.environments['staging']?.services['api']?.deploy.type, 'command')
    assert.deepEqual(r.value.secrets, [])
  })

  it('positions YAML syntax errors when the text is not valid YAML', () => {
    const [issue, ...rest] = issuesOf(lines('project: demo', 'environments:', '  staging: [a, b', 'x: 1'))
    assert.equal(rest.length, 0)
    assert.deepEqual(brief(issue!), { line: 4, column: 1, path: '', kind: 'syntax' })
    assert.match(issue!.message, /flow sequence/i)
  })

  it('hints to quote a reference when ${VAR} sits unquoted inside [ ] or { }', () => {
    const [issue] = issuesOf(config({ tail: ['notifications:', '  default: [${CHANNEL}]'] }))
    assert.deepEqual(brief(issue!), { line: 12, column: 14, path: '', kind: 'syntax' })
    assert.match(issue!.hint, /quote values that contain \$\{VAR\}/)
  })

  it('reports a duplicate key at the second occurrence when a key repeats', () => {
    const [issue] = issuesOf(lines('project: demo', 'project: other'))
    assert.deepEqual(brief(issue!), { line: 2, column: 1, path: '', kind: 'syntax' })
    assert.match(issue!.hint, /remove or rename/)
  })

  it('positions a wrong type at the value when a field has the wrong type', () => {
    const issues = issuesOf(
      config({ staging: ['        deploy: { type: command, deploy: ./deploy/api.sh, timeout: 5 }'] }),
    )
    assert.deepEqual(issues.map(brief), [
      { line: 6, column: 68, path: 'environments.staging.services.api.deploy.timeout', kind: 'type' },
    ])
    assert.equal(issues[0]!.message, 'expected a string, got the number 5')
  })

  it('suggests the nearest key when a key is unknown', () => {
    const issues = issuesOf(
      config({
        staging: [
          '        deploy:',
          '          type: command',
          '          deploy: x',
          '          timout: 5m',
        ],
      }),
    )
    assert.deepEqual(issues.map(brief), [
      { line: 9, column: 11, path: 'environments.staging.services.api.deploy.timout', kind: 'unknown-key' },
    ])
    assert.match(issues[0]!.hint, /^did you mean "timeout"\? allowed keys in .*: type, deploy, rollback/)
  })

  it('reports a missing required field at its parent when it is absent', () => {
    const issues = issuesOf(config({ staging: ['        kind: api'] }))
    assert.deepEqual(issues.map(brief), [
      { line: 5, column: 7, path: 'environments.staging.services.api.deploy', kind: 'missing' },
    ])
    assert.match(issues[0]!.message, /missing required field "deploy"/)
  })

  it('lists the allowed values when an enum value is wrong', () => {
    const issues = issuesOf(
      config({ staging: ['        kind: apii', '        deploy: { type: command, deploy: x }'] }),
    )
    assert.equal(issues[0]!.message, '"apii" is not allowed')
    assert.equal(issues[0]!.hint, 'did you mean "api"? allowed values: website, api, worker, electron, other')
  })

  it('names the allowed types when a probe type is unknown', () => {
    const issues = issuesOf(
      config({
        staging: [
          '        deploy: { type: command, deploy: x }',
          '        probes:',
          '          - { name: a, type: htp }',
        ],
      }),
    )
    assert.deepEqual(issues.map(brief), [
      { line: 8, column: 30, path: 'environments.staging.services.api.probes[0].type', kind: 'value' },
    ])
    assert.match(issues[0]!.hint, /did you mean "http"\? allowed types: http, tcp, command/)
  })

  it('reports the fields of the matching probe type when the type is known', () => {
    const issues = issuesOf(
      config({
        staging: [
          '        deploy: { type: command, deploy: x }',
          '        probes:',
          '          - { name: a, type: http }',
        ],
      }),
    )
    assert.deepEqual(
      issues.map((i) => [i.path, i.kind]),
      [['environments.staging.services.api.probes[0].url', 'missing']],
    )
  })

  it('positions a missing environment variable inside the value when it is not set', () => {
    const issues = issuesOf(
      config({
        tail: [
          'notifications:',
          '  channels:',
          '    ops: { type: slack, webhookUrl: "https://x/${SLACK_URL}" }',
        ],
      }),
    )
    assert.deepEqual(issues.map(brief), [
      { line: 13, column: 48, path: 'notifications.channels.ops.webhookUrl', kind: 'env' },
    ])
    assert.match(issues[0]!.hint, /^export SLACK_URL=…/)
  })

  it('reports a missing required environment at the environments key when production is absent', () => {
    const issues = issuesOf(config({ production: false }))
    assert.deepEqual(issues.map(brief), [{ line: 2, column: 1, path: 'environments', kind: 'reference' }])
    assert.equal(issues[0]!.message, 'an environment named production is required')
  })

  it('reports an unknown channel at the reference when a route names an undefined channel', () => {
    const issues = issuesOf(
      config({
        tail: [
          'notifications:',
          '  channels:',
          '    ops: { type: console }',
          '  routes:',
          '    - channels: [ops, opz]',
        ],
      }),
    )
    assert.deepEqual(issues.map(brief), [
      { line: 15, column: 23, path: 'notifications.routes[0].channels[1]', kind: 'reference' },
    ])
    assert.match(issues[0]!.hint, /did you mean "ops"\?/)
  })

  it('reports every problem at once when type errors and reference errors mix', () => {
    const issues = issuesOf(
      config({
        production: false,
        staging: ['        kind: 3', '        deploy: { type: comand }'],
        tail: ['notifications:', '  default: [nope]', 'extra: true'],
      }),
    )
    assert.deepEqual(
      issues.map((i) => i.path),
      [
        'environments',
        'environments.staging.services.api.kind',
        'environments.staging.services.api.deploy.type',
        'notifications.default[0]',
        'extra',
      ],
    )
  })

  it('collects values from environment variables as secrets and reads a whole plain reference as a number', () => {
    const r = validateConfigText(
      config({
        tail: [
          'notifications:',
          '  channels:',
          '    mail:',
          '      type: email',
          '      host: smtp.example.com',
          '      port: ${SMTP_PORT}',
          '      password: ${SMTP_PASSWORD}',
          '      from: a@example.com',
          '      to: [b@example.com]',
        ],
      }),
      { file: 'rina.yml', env: { SMTP_PORT: '2525', SMTP_PASSWORD: 'hunter2-secret' } },
    )
    assert.ok(r.ok, r.ok ? '' : formatConfigIssues(r.error))
    const mail = r.value.config.notifications.channels['mail']
    assert.equal(mail?.type === 'email' && mail.port, 2525)
    assert.deepEqual(r.value.secrets.sort(), ['2525', 'hunter2-secret'])
  })

  it('never prints a value taken from the environment when that value is invalid', () => {
    const secret = 'not-a-url-but-a-secret-token'
    const channel = 'chan-secret-name'
    const issues = issuesOf(
      config({
        tail: [
          'notifications:',
          '  channels:',
          '    ops: { type: slack, webhookUrl: "${SLACK_URL}" }',
          '  default: ["${DEFAULT_CHANNEL}"]',
          '  delivery: { maxAttempts: "${ATTEMPTS}" }',
        ],
      }),
      { SLACK_URL: secret, DEFAULT_CHANNEL: channel, ATTEMPTS: 'many-attempts' },
    )
    const text = formatConfigIssues(issues)
    assert.equal(issues.length, 3, text)
    for (const value of [secret, channel, 'many-attempts']) assert.ok(!text.includes(value), text)
    assert.match(text, /\$\{SLACK_URL\}/)
    assert.match(text, /unknown channel "\$\{DEFAULT_CHANNEL\}"/)
  })

  it('reports an empty file with a hint to run rina init when there is no content', () => {
    const [issue] = issuesOf('# nothing yet\n')
    assert.equal(issue!.message, 'the file is empty')
    assert.match(issue!.hint, /rina init/)
  })
})
