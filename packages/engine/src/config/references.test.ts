import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { formatPath } from './issue.ts'
import { referenceIssues } from './references.ts'

const envs = { staging: {}, production: {} }

describe('referenceIssues', () => {
  const scenarios: { name: string; config: unknown; expected: string[] }[] = [
    { name: 'finds nothing when every reference is defined', config: { environments: envs }, expected: [] },
    {
      name: 'requires staging and production when environments are given',
      config: { environments: { prod: {} } },
      expected: [
        'environments: an environment named staging is required',
        'environments: an environment named production is required',
      ],
    },
    { name: 'stays quiet when environments is not a mapping', config: { environments: 'x' }, expected: [] },
    {
      name: 'flags default and route channels when they are not defined',
      config: {
        environments: envs,
        notifications: { channels: { ops: {} }, default: ['ops', 'opz'], routes: [{ channels: ['x'] }] },
      },
      expected: [
        'notifications.default[1]: unknown channel "opz"',
        'notifications.routes[0].channels[0]: unknown channel "x"',
      ],
    },
    {
      name: 'flags route and freeze environments when they are not defined',
      config: {
        environments: envs,
        notifications: { routes: [{ environments: ['prod'] }, 'junk'] },
        freeze: { windows: [{ environments: ['staging', 'qa'] }, null] },
      },
      expected: [
        'notifications.routes[0].environments[0]: unknown environment "prod"',
        'freeze.windows[0].environments[1]: unknown environment "qa"',
      ],
    },
  ]
  for (const s of scenarios) {
    it(`${s.name}`, () => {
      assert.deepEqual(
        referenceIssues(s.config).map((i) => `${formatPath(i.path)}: ${i.message}`),
        s.expected,
      )
    })
  }

  it('suggests the nearest channel when a reference is a typo', () => {
    const [issue] = referenceIssues({
      environments: envs,
      notifications: { channels: { alerts: {} }, default: ['alert'] },
    })
    assert.equal(
      issue?.hint,
      'define it under notifications.channels; did you mean "alerts"? defined channels: alerts',
    )
  })
})
