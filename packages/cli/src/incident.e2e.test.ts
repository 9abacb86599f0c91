import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Workspace } from './testing/workspace.ts'
import { workspace } from './testing/workspace.ts'

const config = `project: shop
environments:
  staging:
    services:
      api: { deploy: { type: command, deploy: "true" } }
  production:
    services:
      api:
        kind: api
        deploy: { type: command, deploy: "true" }
        probes: [{ name: up, type: command, run: "false" }]
        logs: [{ type: file, path: logs/api.log }]
notifications:
  channels: { ops: { type: console } }
  default: [ops]
`

const log = [
  ...Array.from({ length: 40 }, (_, i) => `INFO GET /cart/${i} 200`),
  ...Array.from({ length: 10 }, (_, i) => `ERROR checkout failed: connect ECONNREFUSED 10.0.0.${i}:5432`),
].join('\n')

interface Json {
  [key: string]: unknown
}

describe('rina incident (end to end)', () => {
  let ws: Workspace
  let id: string
  before(() => {
    ws = workspace({ 'rina.yml': config, 'logs/api.log': `${log}\n` })
  })
  after(() => ws.dispose())

  it('opens an incident from the failing probe and prints severity, hypotheses, plan and the next command', async () => {
    const r = await ws.rina(['incident-response', 'outage', 'sev2'])
    assert.equal(r.code, 0, r.stderr)
    id = /Incident (\S+) opened/.exec(r.stdout)![1]!
    assert.match(r.stdout, /health: failing: api\/up/)
    assert.match(r.stdout, /logs: production\/api 50 recent lines, 10 errors/)
    assert.match(r.stdout, /Severity SEV2/)
    assert.match(r.stdout, /declared\s+SEV2/)
    assert.match(r.stdout, /Hypotheses\n {2}1\. /)
    assert.match(r.stdout, /Plan: Outage: a service does not answer/)
    assert.match(r.stdout, /\[todo\] Freeze deploys .* \[human decision\]/)
    assert.match(r.stdout, new RegExp(`\\$ rina freeze enable --env production --reason "incident ${id}`))
    assert.match(r.stdout, /\[done\] Confirm which services and probes are down/)
    assert.match(r.stdout, new RegExp(`Next: rina incident ack ${id}\\n`))
  })

  it('refuses an unknown type or severity as a usage error', async () => {
    assert.equal((await ws.rina(['incident-response', 'meltdown'])).code, 2)
    assert.equal((await ws.rina(['incident-response', 'outage', 'SEV9'])).code, 2)
    assert.equal(
      (await ws.rina(['incident', 'escalate', id, '--severity', 'big', '--reason', 'x y z'])).code,
      2,
    )
  })

  it('lists, shows and acknowledges the incident, with --json too', async () => {
    const list = await ws.rina(['incident', 'list', '--json'])
    assert.equal(list.code, 0, list.stderr)
    const incidents = (JSON.parse(list.stdout) as { incidents: Json[] }).incidents
    assert.deepEqual(
      incidents.map((i) => [i.id, i.severity, i.status]),
      [[id, 'SEV2', 'open']],
    )
    const ack = await ws.rina(['incident', 'ack', id.slice(0, 8)])
    assert.equal(ack.code, 0, ack.stderr)
    assert.match(ack.stdout, new RegExp(`${id} acknowledged`))
    const show = await ws.rina(['incident', 'show', id, '--json'])
    const v = JSON.parse(show.stdout) as { status: string; plan: { steps: Json[] }; timeline: Json[] }
    assert.equal(v.status, 'acknowledged')
    assert.equal(v.plan.steps.find((s) => s.id === 'acknowledge')!.status, 'done')
    assert.ok(v.timeline.some((t) => t.text === 'incident.acknowledged'))
    const text = await ws.rina(['incident', 'show', id])
    assert.match(text.stdout, /Timeline\n/)
    assert.match(text.stdout, /Recovery \(starts once the incident is resolved\)/)
  })

  it('escalates with a reason, and notes an update', async () => {
    const up = await ws.rina(['incident', 'escalate', id, '--severity', 'SEV1', '--reason', 'checkout down'])
    assert.equal(up.code, 0, up.stderr)
    assert.match(up.stdout, /SEV2 → SEV1/)
    assert.equal((await ws.rina(['incident', 'escalate', id, '--severity', 'SEV1'])).code, 3)
    const note = await ws.rina([
      'incident',
      'update',
      id,
      '--note',
      'db pool exhausted',
      '--done',
      'investigate',
    ])
    assert.equal(note.code, 0, note.stderr)
  })

  it('resolves with a reason, writing the postmortem draft and printing its path', async () => {
    assert.equal((await ws.rina(['incident', 'resolve', id])).code, 3)
    const r = await ws.rina(['incident', 'resolve', id, '--reason', 'db pool raised; checkout works'])
    assert.equal(r.code, 0, r.stderr)
    const path = join(ws.dir, '.rina', 'postmortems', `${id}.md`)
    assert.match(r.stdout, new RegExp(`postmortem draft: ${path.replace(/[.]/g, '\\.')}`))
    assert.ok(existsSync(path))
    const md = readFileSync(path, 'utf8')
    assert.match(md, /^# Postmortem: /)
    assert.match(md, /incident\.note: db pool exhausted/)
    assert.match(md, /\| Severity \| SEV1 \(assessed SEV2\) \|/)
    assert.match(r.stdout, new RegExp(`Next: rina incident recover ${id} --step verify`))
  })

  it('journals each recovery step it runs', async () => {
    const verify = await ws.rina(['incident', 'recover', id, '--step', 'verify'])
    assert.equal(verify.code, 0, verify.stderr)
    assert.match(verify.stdout, /✗ verify-restored: still failing: api\/up/)
    const update = await ws.rina(['incident', 'recover', id, '--step', 'update'])
    assert.equal(update.code, 0, update.stderr)
    assert.match(update.stderr, /Resolved: /)
    const resume = await ws.rina(['incident', 'recover', id, '--step', 'resume', '--json'])
    const out = JSON.parse(resume.stdout) as { step: Json; recovery: { next: Json } }
    assert.equal(out.step.done, true)
    assert.equal(out.recovery.next.stepId, 'verify-restored')
    const audit = await ws.rina(['audit', 'log', '--type', 'incident.*', '--json'])
    const events = JSON.parse(audit.stdout) as { events: Json[] } | Json[]
    const list = Array.isArray(events) ? events : events.events
    assert.deepEqual(
      list.map((e) => e.type),
      [
        'incident.opened',
        'incident.acknowledged',
        'incident.escalated',
        'incident.note',
        'incident.resolved',
        'incident.recovery_step',
        'incident.recovery_step',
        'incident.recovery_step',
      ],
    )
    assert.equal((await ws.rina(['audit', 'verify'])).code, 0)
  })
})
