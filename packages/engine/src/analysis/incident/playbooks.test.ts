import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { incidentConfigSchema, incidentWindows } from './config.ts'
import { mergePlaybooks } from './merge-playbooks.ts'
import { builtInPlaybooks, PLACEHOLDERS } from './playbooks.ts'
import { INCIDENT_TYPES } from './types.ts'

const ids = (type: (typeof INCIDENT_TYPES)[number], pb = builtInPlaybooks) => pb[type].steps.map((s) => s.id)

describe('builtInPlaybooks', () => {
  it('has one playbook per incident type when loaded', () => {
    assert.deepEqual(Object.keys(builtInPlaybooks).sort(), [...INCIDENT_TYPES].sort())
    for (const type of INCIDENT_TYPES) assert.equal(builtInPlaybooks[type].type, type)
  })

  it('uses only known placeholders and unique step ids when any playbook is read', () => {
    for (const type of INCIDENT_TYPES) {
      const steps = builtInPlaybooks[type].steps
      assert.equal(new Set(steps.map((s) => s.id)).size, steps.length, type)
      for (const s of steps)
        for (const m of (s.command ?? '').matchAll(/\{([a-z]+)\}/g))
          assert.ok((PLACEHOLDERS as readonly string[]).includes(m[1]!), `${type}/${s.id}: {${m[1]}}`)
    }
  })

  it('marks freeze, rollback, escalation and resolution as human decisions when any playbook has them', () => {
    for (const type of INCIDENT_TYPES)
      for (const s of builtInPlaybooks[type].steps)
        if (['freeze', 'rollback', 'escalate', 'resolve'].includes(s.action))
          assert.equal(s.human, true, `${type}/${s.id}`)
  })

  it('starts with acknowledging and ends with verifying and resolving when any playbook is read', () => {
    for (const type of INCIDENT_TYPES) {
      const list = ids(type)
      assert.equal(list[0], 'acknowledge')
      assert.deepEqual(list.slice(-2), ['verify', 'resolve'])
    }
  })
})

describe('incidentConfigSchema', () => {
  it('fills the defaults when the section is empty', () => {
    assert.deepEqual(incidentConfigSchema.parse({}), {
      dedupWindow: '5m',
      mergeWindow: '10m',
      deployWindow: '2h',
      quietAfter: '15m',
      playbooks: {},
    })
  })

  it('gives the windows in milliseconds when correlation needs them', () => {
    assert.deepEqual(incidentWindows(incidentConfigSchema.parse({ mergeWindow: '90s' })), {
      dedupWindowMs: 300_000,
      mergeWindowMs: 90_000,
      deployWindowMs: 7_200_000,
      quietMs: 900_000,
    })
  })

  const bad: { name: string; input: unknown; path: (string | number)[]; message: RegExp }[] = [
    {
      name: 'an unknown placeholder',
      input: {
        playbooks: { outage: { steps: [{ id: 'page', title: 'Page', owner: 'x', command: 'page {who}' }] } },
      },
      path: ['playbooks', 'outage', 'steps', 0, 'command'],
      message: /unknown placeholder \{who\}/,
    },
    {
      name: 'an unknown incident type',
      input: { playbooks: { meltdown: { steps: [] } } },
      path: ['playbooks'],
      message: /meltdown/,
    },
    {
      name: 'removing a step the playbook lacks',
      input: { playbooks: { outage: { remove: ['review-release'] } } },
      path: ['playbooks', 'outage', 'remove', 0],
      message: /outage has no step review-release/,
    },
    {
      name: 'inserting after a step the playbook lacks',
      input: {
        playbooks: { security: { steps: [{ id: 'legal', title: 'Tell legal', owner: 'x', after: 'nope' }] } },
      },
      path: ['playbooks', 'security', 'steps', 0, 'after'],
      message: /security has no step nope to insert after/,
    },
    {
      name: 'a replaced playbook without steps',
      input: { playbooks: { outage: { mode: 'replace' } } },
      path: ['playbooks', 'outage', 'steps'],
      message: /at least one step/,
    },
    {
      name: 'a bad duration',
      input: { dedupWindow: 'soon' },
      path: ['dedupWindow'],
      message: /expected a duration/,
    },
  ]
  for (const b of bad) {
    it(`reports the field when given ${b.name}`, () => {
      const r = incidentConfigSchema.safeParse(b.input)
      assert.equal(r.success, false)
      const issue = r.error!.issues.find((i) => JSON.stringify(i.path) === JSON.stringify(b.path))
      assert.ok(issue, JSON.stringify(r.error!.issues))
      assert.match(issue.message, b.message)
    })
  }
})

describe('mergePlaybooks', () => {
  const merge = (playbooks: unknown) =>
    mergePlaybooks(builtInPlaybooks, incidentConfigSchema.parse({ playbooks }).playbooks)

  it('inserts a new step before resolve when no position is given', () => {
    const pb = merge({
      outage: { steps: [{ id: 'status-page', title: 'Update the status page', owner: 'communications' }] },
    })
    assert.deepEqual(ids('outage', pb).slice(-3), ['verify', 'status-page', 'resolve'])
    assert.deepEqual(pb.outage.steps.at(-2), {
      id: 'status-page',
      title: 'Update the status page',
      owner: 'communications',
      human: false,
      action: 'mitigate',
    })
  })

  it('inserts after the named step when `after` is given', () => {
    const pb = merge({
      security: { steps: [{ id: 'legal', title: 'Tell legal', owner: 'security lead', after: 'notify' }] },
    })
    const list = ids('security', pb)
    assert.equal(list[list.indexOf('notify') + 1], 'legal')
  })

  it('replaces a step in place when its id exists, and drops removed ones', () => {
    const pb = merge({
      outage: {
        remove: ['escalate'],
        steps: [
          {
            id: 'notify',
            title: 'Post to #status',
            owner: 'comms',
            command: 'rina notify "{message}" --channel status',
          },
        ],
      },
    })
    assert.equal(ids('outage', pb).includes('escalate'), false)
    const notify = pb.outage.steps.find((s) => s.id === 'notify')!
    assert.equal(ids('outage', pb).indexOf('notify'), ids('outage').indexOf('notify'))
    assert.equal(notify.command, 'rina notify "{message}" --channel status')
  })

  it('replaces every step and the title when mode is replace', () => {
    const pb = merge({
      'degraded-performance': {
        mode: 'replace',
        title: 'Slow',
        steps: [
          {
            id: 'scale',
            title: 'Scale out',
            owner: 'sre',
            human: true,
            command: 'kubectl scale deploy/api --replicas=6',
          },
        ],
      },
    })
    assert.deepEqual(pb['degraded-performance'], {
      type: 'degraded-performance',
      title: 'Slow',
      steps: [
        {
          id: 'scale',
          title: 'Scale out',
          owner: 'sre',
          command: 'kubectl scale deploy/api --replicas=6',
          human: true,
          action: 'mitigate',
        },
      ],
    })
    assert.equal(pb.outage, builtInPlaybooks.outage)
  })
})
