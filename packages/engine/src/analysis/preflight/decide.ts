/** @module The decision from the score and the configured thresholds. */
import type { Decision } from './types.ts'

export interface Thresholds {
  caution: number
  noGo: number
}

export function decide(score: number, t: Thresholds): Decision {
  if (score >= t.noGo) return 'no-go'
  if (score >= t.caution) return 'caution'
  return 'go'
}
