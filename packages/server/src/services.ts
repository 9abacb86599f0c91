/** @module What routes share besides the command context: the bus, runs in progress, metrics and the clock. */
import type { Clock, EventBus } from '@rinawarp/engine'
import type { ApiMetrics } from './metrics.ts'
import type { RunTracker } from './runs.ts'
import type { EventStream } from './sse.ts'

export interface AppServices {
  bus: EventBus
  runs: RunTracker
  metrics: ApiMetrics
  clock: Clock
  /** Milliseconds between metrics frames on the event stream. */
  metricsIntervalMs: number
  /** Rendered OpenAPI document (built once). */
  openapi(): unknown
  /** Open event streams, ended when the app closes. */
  streams: Set<EventStream>
}
