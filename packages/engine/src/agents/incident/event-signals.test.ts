import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { agentActor } from '../../domain/actor.ts'
import type { EventPayloads, EventType, JournalEvent } from '../../domain/events.ts'
import { signalsOfEvent } from './event-signals.ts'

const TIME = '2026-01-05T10:05:00.000Z'
const ev = <T extends EventType>(type: T, payload: EventPayloads[T]): JournalEvent =>
  ({
    seq: 1,
    id: 'e1',
    time: TIME,
    type,
    actor: agentActor('x'),
    reason: null,
    payload,
    prevHash: '',
    hash: '',
  }) as JournalEvent

describe('signalsOfEvent', () => {
  it('makes a probe-failing signal when a probe turns unhealthy', () => {
    const e = ev('health.changed', {
      env: 'production',
      service: 'api',
      probe: 'health',
      healthy: false,
      after: 3,
      detail: 'connect ECONNREFUSED 127.0.0.1:8080',
    })
    assert.deepEqual(signalsOfEvent(e), [
      {
        kind: 'probe-failing',
        env: 'production',
        service: 'api',
        probe: 'health',
        time: TIME,
        summary: 'api/health failed 3 checks in a row: connect ECONNREFUSED 127.0.0.1:8080',
        evidence: ['connect ECONNREFUSED 127.0.0.1:8080'],
        counts: { failures: 3, checks: 3 },
      },
    ])
  })

  it('makes no signal when a probe recovers or a rollback fails', () => {
    const healthy = ev('health.changed', {
      env: 'p',
      service: 'a',
      probe: 'h',
      healthy: true,
      after: 2,
      detail: '',
    })
    const rollback = ev('deploy.failed', {
      runId: 'r',
      env: 'p',
      release: '1',
      kind: 'rollback',
      reason: 'x',
      failedStep: null,
      durationMs: 1,
    })
    assert.deepEqual([...signalsOfEvent(healthy), ...signalsOfEvent(rollback)], [])
  })

  it('makes a verification-failed signal carrying the evidence when verification failed', () => {
    const e = ev('deploy.verification_failed', {
      runId: 'run_1',
      env: 'production',
      release: '1.4.2',
      windowMs: 300_000,
      evidence: [
        { kind: 'probe-success', subject: 'api/health', service: 'api', before: 1, after: 0.5, detail: 'd1' },
        { kind: 'error-template', subject: 't', service: null, before: 0, after: 8, detail: 'd2' },
      ],
    })
    assert.deepEqual(signalsOfEvent(e), [
      {
        kind: 'verification-failed',
        env: 'production',
        service: 'api',
        time: TIME,
        release: '1.4.2',
        summary: 'verification of 1.4.2 failed (run run_1): d1; d2',
        evidence: ['d1', 'd2'],
        counts: {},
      },
    ])
  })

  it('makes an electron-feed signal when the probe that turned unhealthy watches an update feed', () => {
    const e = ev('health.changed', {
      env: 'production',
      service: 'electron-feed',
      probe: 'feed',
      healthy: false,
      after: 3,
      detail: 'feed says 1.0.0, deployed 1.1.0',
    })
    const [s] = signalsOfEvent(e, (env, service, probe) =>
      `${env}/${service}/${probe}` === 'production/electron-feed/feed' ? 'electron-feed' : null,
    )
    assert.equal(s?.kind, 'electron-feed')
  })

  it('carries the latency when a check failed on its latency condition alone', () => {
    const slow = (detail: string) =>
      signalsOfEvent(
        ev('health.changed', {
          env: 'production',
          service: 'api',
          probe: 'health',
          healthy: false,
          after: 3,
          detail,
        }),
      )[0]?.counts
    assert.deepEqual(slow('took 1504 ms, expected at most 1s'), { failures: 3, checks: 3, latencyMs: 1504 })
    assert.deepEqual(slow('status 500, expected 200; took 1504 ms, expected at most 1s'), {
      failures: 3,
      checks: 3,
    })
  })
})
