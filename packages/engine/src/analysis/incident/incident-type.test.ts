import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { signal } from '../../testing/incident.ts'
import { incidentType } from './incident-type.ts'
import type { IncidentType, Signal } from './types.ts'

const down = signal()
const flapping = signal({ counts: { failures: 1, checks: 3 } })
const slow = signal({ counts: { failures: 3, checks: 3, latencyMs: 2400 } })
const of = (kind: Signal['kind'], over: Partial<Signal> = {}) =>
  signal({ kind, probe: null, counts: {}, ...over })

const scenarios: { name: string; signals: Signal[]; type: IncidentType }[] = [
  { name: 'outage when a probe fails every check', signals: [down], type: 'outage' },
  { name: 'outage when probe counts are unknown', signals: [signal({ counts: {} })], type: 'outage' },
  {
    name: 'degraded performance when a probe fails some checks',
    signals: [flapping],
    type: 'degraded-performance',
  },
  {
    name: 'degraded performance when a probe fails on latency',
    signals: [slow],
    type: 'degraded-performance',
  },
  {
    name: 'degraded performance when a log source went silent',
    signals: [of('silence')],
    type: 'degraded-performance',
  },
  {
    name: 'elevated errors when only logs signal',
    signals: [of('error-spike'), of('new-template')],
    type: 'elevated-errors',
  },
  { name: 'elevated errors when the error rate rose', signals: [of('error-rate')], type: 'elevated-errors' },
  {
    name: 'failed deploy when a deploy failed, even with a probe down',
    signals: [down, of('deploy-failed')],
    type: 'failed-deploy',
  },
  {
    name: 'failed deploy when verification failed',
    signals: [of('verification-failed')],
    type: 'failed-deploy',
  },
  {
    name: 'electron update failure when the feed probe fails',
    signals: [of('electron-feed'), down],
    type: 'electron-update-failure',
  },
  {
    name: 'security when any signal is about security',
    signals: [down, of('security'), of('deploy-failed')],
    type: 'security',
  },
  {
    name: 'the declared type when a person declared one',
    signals: [down, of('manual', { declared: { type: 'degraded-performance' } })],
    type: 'degraded-performance',
  },
  {
    name: 'elevated errors when a manual trigger declares nothing',
    signals: [of('manual')],
    type: 'elevated-errors',
  },
]

describe('incidentType', () => {
  for (const s of scenarios) {
    it(`decides ${s.name}`, () => assert.equal(incidentType(s.signals), s.type))
  }
})
