import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createLogAnalyzer } from './analyzer.ts'
import { parseLines } from './parse-lines.ts'

describe('createLogAnalyzer', () => {
  it('folds, templates and classifies JSON and plain lines when fed one by one', () => {
    const a = createLogAnalyzer()
    const lines = [
      '{"level":30,"time":1704153600000,"msg":"request done in 12ms","route":"/a"}',
      '{"level":30,"time":1704153601000,"msg":"request done in 30ms","route":"/b"}',
      '2024-01-02 00:00:02,000 ERROR [main] com.acme.Job: job 7 failed',
      'java.lang.IllegalStateException: bad',
      '\tat com.acme.Job.run(Job.java:1)',
    ]
    const events = lines.flatMap((l) => a.push(l).events)
    events.push(...a.flush().events)
    assert.equal(events.length, 3)
    assert.equal(events[1]!.template, 'request done in <*>')
    assert.equal(events[0]!.id, events[1]!.id)
    assert.equal(events[2]!.template, 'job <*> failed')
    assert.equal(events[2]!.severity, 'error')
    assert.equal(events[2]!.event.frames.length, 1)
    const summary = a.templates().find((t) => t.template === 'job <*> failed')
    assert.equal(summary?.exception, true)
  })

  it('uses the arrival time and source when a line carries none', () => {
    const a = createLogAnalyzer({ anomaly: { warmupBuckets: 2 } })
    const t = Date.parse('2024-01-02T00:00:00Z')
    for (let m = 0; m < 4; m++) a.push('worker heartbeat ok', { time: t + m * 60_000, source: 'worker' })
    a.markRelease('r42', t + 3 * 60_000)
    a.push('worker lost connection to queue', { time: t + 4 * 60_000, source: 'worker' })
    const { signals } = a.flush()
    assert.equal(signals.length, 1)
    assert.equal(signals[0]!.kind, 'new-template')
    assert.equal(signals[0]!.source, 'worker')
    assert.equal(signals[0]!.evidence.firstSeen, t + 4 * 60_000)
    assert.equal(signals[0]!.evidence.release, 'r42')
    assert.equal(signals[0]!.severity, 'warning')
  })
})

describe('parseLines', () => {
  it('gives every input line the final template of its cluster when early lines were more specific', () => {
    const rows = parseLines(
      [
        'Invalid user a from 1.1.1.1',
        'Invalid user b from 1.1.1.2',
        'Invalid user c from 1.1.1.3',
        'Invalid user d from 1.1.1.4',
        'Invalid user e from 1.1.1.5',
      ],
      {
        preprocess: false,
      },
    )
    assert.deepEqual(
      rows.map((r) => r.lineId),
      [1, 2, 3, 4, 5],
    )
    assert.ok(rows.every((r) => r.template === 'Invalid user <*> from <*>'))
  })

  it('strips headers before mining when preprocessing is on', () => {
    const rows = parseLines([
      'Dec 10 06:55:46 host sshd[1]: Accepted password for root',
      'Dec 10 06:55:47 host sshd[2]: Accepted password for root',
    ])
    assert.equal(rows[0]!.template, 'Accepted password for root')
  })
})
