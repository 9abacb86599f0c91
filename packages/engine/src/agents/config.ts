/** @module The agents section of the config with its durations in milliseconds. */
import type { RinaConfig } from '../config/schema.ts'
import { parseDuration } from '../domain/duration.ts'

const ms = (text: string, fallback: number): number => parseDuration(text) ?? fallback

export interface AgentSettings {
  health: {
    minIntervalMs: number
    concurrency: number
    failAfter: number
    recoverAfter: number
    retention: { samplesMs: number; rollupsMs: number }
  }
  deployment: { windowMs: number; successDrop: number; latencyFactor: number; errorFactor: number }
  communication: { groupWaitMs: number; groupIntervalMs: number; repeatIntervalMs: number }
}

export function agentSettings(config: RinaConfig): AgentSettings {
  const { health, deployment, communication } = config.agents
  return {
    health: {
      minIntervalMs: ms(health.minInterval, 1_000),
      concurrency: health.concurrency,
      failAfter: health.failAfter,
      recoverAfter: health.recoverAfter,
      retention: {
        samplesMs: ms(health.retention.samples, 86_400_000),
        rollupsMs: ms(health.retention.rollups, 30 * 86_400_000),
      },
    },
    deployment: {
      windowMs: ms(deployment.window, 300_000),
      successDrop: deployment.successDrop,
      latencyFactor: deployment.latencyFactor,
      errorFactor: deployment.errorFactor,
    },
    communication: {
      groupWaitMs: ms(communication.groupWait, 10_000),
      groupIntervalMs: ms(communication.groupInterval, 60_000),
      repeatIntervalMs: ms(communication.repeatInterval, 4 * 3_600_000),
    },
  }
}
