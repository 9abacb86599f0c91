/**
 * @module The probe registry: one line per probe, keyed by the `type` used in config. Adding a probe takes one
 * folder and one line here; the mapped type makes a missing line a type error.
 */
import type { ProbeConfig } from '../config/schema.ts'
import { commandProbe } from './command/index.ts'
import { electronFeedProbe } from './electron-feed/index.ts'
import { heartbeatProbe } from './heartbeat/index.ts'
import { httpProbe } from './http/index.ts'
import { tcpProbe } from './tcp/index.ts'
import { tlsProbe } from './tls/index.ts'
import type { Probe } from './types.ts'

/** For each config `type`, the probe taking that variant of the config. */
export type ProbeRegistry = {
  readonly [K in ProbeConfig['type']]: Probe<Extract<ProbeConfig, { type: K }>>
}

export const probes = {
  http: httpProbe,
  tcp: tcpProbe,
  command: commandProbe,
  heartbeat: heartbeatProbe,
  'electron-feed': electronFeedProbe,
  tls: tlsProbe,
} satisfies ProbeRegistry

/** The probe for a config, typed to take any probe config (it dispatches on `type`). */
export function probeFor(config: ProbeConfig): Probe {
  return probes[config.type] as Probe
}
