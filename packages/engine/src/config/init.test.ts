import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { formatConfigIssues } from './format.ts'
import { projectSlug, starterConfig, starterScripts } from './init.ts'
import { validateConfigText } from './validate.ts'

/** Uncomments the example channels and routes (lines such as `    #   type: slack`). */
const uncommentExamples = (text: string) => text.replace(/^( {4,})# ( *(?:[\w-]+:|- ).*)$/gm, '$1$2')

describe('starterConfig', () => {
  it('passes validation as written when no environment variable is set', () => {
    const r = validateConfigText(starterConfig('shop'), { file: 'rina.yml', env: {} })
    assert.ok(r.ok, r.ok ? '' : formatConfigIssues(r.error))
    const c = r.value.config
    assert.equal(c.project, 'shop')
    assert.deepEqual(Object.keys(c.environments), ['staging', 'production'])
    assert.deepEqual(Object.keys(c.environments['production']!.services), [
      'website',
      'api',
      'worker',
      'electron',
    ])
    assert.deepEqual(
      Object.values(c.environments['staging']!.services).map((s) => s.probes.map((p) => p.type).join()),
      ['http', 'http', 'heartbeat', 'electron-feed'],
    )
    assert.equal(c.environments['production']!.approval?.requirePassed, 'staging')
    assert.deepEqual(c.freeze.windows[0]?.weekly, { from: 'Fri 16:00', to: 'Mon 08:00' })
    assert.deepEqual(Object.keys(c.notifications.channels), ['terminal'])
  })

  it('still validates and yields secrets when the commented channel examples are enabled', () => {
    const env = {
      SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T0/B0/xyz',
      TEAMS_WEBHOOK_URL: 'https://example.webhook.office.com/abc',
      RINA_WEBHOOK_SECRET: 'a-shared-secret-of-32-characters',
      SMTP_USER: 'rina',
      SMTP_PASSWORD: 'smtp-password',
    }
    const r = validateConfigText(uncommentExamples(starterConfig('shop')), { file: 'rina.yml', env })
    assert.ok(r.ok, r.ok ? '' : formatConfigIssues(r.error))
    assert.deepEqual(Object.keys(r.value.config.notifications.channels).sort(), [
      'audit-hook',
      'on-call-mail',
      'team-slack',
      'team-teams',
      'terminal',
    ])
    assert.deepEqual([...r.value.secrets].sort(), Object.values(env).sort())
  })

  it('comments every top-level section when rendering the text', () => {
    const text = starterConfig('shop')
    for (const section of ['store', 'environments', 'notifications', 'freeze']) {
      assert.match(text, new RegExp(`^# .*\\n${section}:$`, 'm'), `${section} has no comment above it`)
    }
  })
})

describe('projectSlug', () => {
  const scenarios: [string, string][] = [
    ['shop', 'shop'],
    ['My Cool App!', 'my-cool-app'],
    ['@acme/web_site', 'web-site'],
    ['2024 plan', 'plan'],
    ['???', 'my-app'],
  ]
  for (const [input, slug] of scenarios) {
    it(`turns "${input}" into "${slug}" when deriving a project name`, () =>
      assert.equal(projectSlug(input), slug))
  }
})

describe('starterScripts', () => {
  it('returns executable wrappers and one example per starter service when asked', () => {
    const files = starterScripts()
    assert.deepEqual(
      files.map((f) => f.path),
      [
        'deploy/deploy-staging.sh',
        'deploy/deploy-prod.sh',
        'deploy/health-check.sh',
        'deploy/freeze.sh',
        'deploy/notify.sh',
        'deploy/incident-response.sh',
        'deploy/website.sh',
        'deploy/api.sh',
        'deploy/worker.sh',
        'deploy/electron.sh',
      ],
    )
    for (const f of files) {
      assert.equal(f.mode, 0o755)
      assert.ok(f.content.startsWith('#!/bin/sh\n'), f.path)
    }
  })

  it('prefers rina on PATH and falls back to npx without installing when wrapping a command', () => {
    const freeze = starterScripts().find((f) => f.path === 'deploy/freeze.sh')!.content
    assert.match(freeze, /exec rina freeze "\$@"/)
    assert.match(freeze, /exec npx --no-install rina freeze "\$@"/)
  })
})
