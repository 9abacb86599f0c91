/**
 * @module The five monitoring agents of `rina serve`, wired together: the logs agent's error counts feed deploy
 * verification, and log signals, health flips, failed deploys and failed verifications all reach recordSignals.
 */
import { recordSignals } from '../commands/incident.ts'
import type { RecordSignals } from './record-signals.ts'
import {
  createCommunicationAgent,
  type CommunicationAgentOptions,
} from './communication/communication-agent.ts'
import { createDeploymentAgent } from './deployment/deployment-agent.ts'
import { createHealthAgent, type HealthAgentOptions } from './health/health-agent.ts'
import { createIncidentAgent } from './incident/incident-agent.ts'
import { createLogsAgent, type LogsAgentOptions } from './logs/logs-agent.ts'
import type { Agent } from './types.ts'

export interface StandardAgentsOptions {
  /** Default: the incident commands' recordSignals. */
  recordSignals?: RecordSignals
  health?: HealthAgentOptions
  logs?: Omit<LogsAgentOptions, 'recordSignals'>
  communication?: CommunicationAgentOptions
}

export function standardAgents(opts: StandardAgentsOptions = {}) {
  const record = opts.recordSignals ?? recordSignals
  const health = createHealthAgent(opts.health)
  const logs = createLogsAgent({ ...opts.logs, recordSignals: record })
  const deployment = createDeploymentAgent({ errors: logs.errors })
  const incident = createIncidentAgent({ recordSignals: record })
  const communication = createCommunicationAgent(opts.communication)
  const all: Agent[] = [health, logs, deployment, incident, communication]
  return { health, logs, deployment, incident, communication, all }
}
