/** @module Every route of the API, in one list: registration, the OpenAPI document and the tests iterate it. */
import type { Route } from '../route.ts'
import { auditRoutes } from './audit.ts'
import { eventRoutes } from './events.ts'
import { freezeRoutes } from './freeze.ts'
import { healthRoutes } from './health.ts'
import { heartbeatRoutes } from './heartbeats.ts'
import { incidentRoutes } from './incidents.ts'
import { incidentResponseRoutes } from './incident-response.ts'
import { meRoutes } from './me.ts'
import { metaRoutes } from './meta.ts'
import { metricsRoutes } from './metrics.ts'
import { notificationRoutes } from './notifications.ts'
import { openapiRoutes } from './openapi.ts'
import { preflightRoutes } from './preflight.ts'
import { releaseRoutes } from './releases.ts'
import { runRoutes } from './runs.ts'
import { sampleRoutes } from './samples.ts'
import { statusRoutes } from './status.ts'
import { tokenRoutes } from './tokens.ts'

export const ROUTES: readonly Route[] = [
  ...metaRoutes,
  ...openapiRoutes,
  ...meRoutes,
  ...statusRoutes,
  ...releaseRoutes,
  ...runRoutes,
  ...freezeRoutes,
  ...notificationRoutes,
  ...auditRoutes,
  ...healthRoutes,
  ...sampleRoutes,
  ...heartbeatRoutes,
  ...incidentRoutes,
  ...metricsRoutes,
  ...eventRoutes,
  ...tokenRoutes,
  ...preflightRoutes,
  ...incidentResponseRoutes,
]
