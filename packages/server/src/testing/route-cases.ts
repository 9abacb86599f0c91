/**
 * @module One valid and one invalid request per route, keyed "METHOD /path". The route tests iterate the route
 * table and fail when a route has no case here, so every route's 401, 403 and 400 are checked mechanically.
 */

export interface RequestCase {
  path: string
  body?: unknown
  headers?: Record<string, string>
}

export interface RouteCase {
  valid: RequestCase
  /** Absent only for routes that take no input at all. */
  invalid?: RequestCase
}

export const ROUTE_CASES: Record<string, RouteCase> = {
  'GET /api/health': { valid: { path: '/api/health' } },
  'GET /api/openapi.json': { valid: { path: '/api/openapi.json' } },
  'GET /api/v1/me': { valid: { path: '/api/v1/me' } },
  'GET /api/v1/status': {
    valid: { path: '/api/v1/status?runs=2' },
    invalid: { path: '/api/v1/status?runs=-1' },
  },
  'GET /api/v1/environments/:env': {
    valid: { path: '/api/v1/environments/staging' },
    invalid: { path: `/api/v1/environments/${'x'.repeat(41)}` },
  },
  'GET /api/v1/releases': { valid: { path: '/api/v1/releases' } },
  'GET /api/v1/releases/:release/review': {
    valid: { path: '/api/v1/releases/1.0.0/review' },
    invalid: { path: '/api/v1/releases/1.0.0/review?bogus=1' },
  },
  'POST /api/v1/releases/:release/approvals': {
    valid: {
      path: '/api/v1/releases/1.0.0/approvals',
      body: { env: 'production', reason: 'reviewed the diff' },
    },
    invalid: { path: '/api/v1/releases/1.0.0/approvals', body: { env: 'production' } },
  },
  'POST /api/v1/deploys': {
    valid: { path: '/api/v1/deploys', body: { env: 'staging', release: '1.0.0' } },
    invalid: { path: '/api/v1/deploys', body: { env: 5 } },
  },
  'POST /api/v1/deploys/plan': {
    valid: { path: '/api/v1/deploys/plan', body: { env: 'staging', release: '1.0.0' } },
    invalid: { path: '/api/v1/deploys/plan', body: {} },
  },
  'POST /api/v1/rollbacks': {
    valid: { path: '/api/v1/rollbacks', body: { env: 'staging', reason: 'bad build' } },
    invalid: { path: '/api/v1/rollbacks', body: { env: 'staging' } },
  },
  'GET /api/v1/runs': { valid: { path: '/api/v1/runs' }, invalid: { path: '/api/v1/runs?limit=0' } },
  'GET /api/v1/runs/:runId': {
    valid: { path: '/api/v1/runs/run_000001' },
    invalid: { path: '/api/v1/runs/nope' },
  },
  'GET /api/v1/runs/:runId/log': {
    valid: { path: '/api/v1/runs/run_000001/log?after=0&limit=100' },
    invalid: { path: '/api/v1/runs/run_000001/log?after=-1' },
  },
  'GET /api/v1/freeze': { valid: { path: '/api/v1/freeze' }, invalid: { path: '/api/v1/freeze?env=' } },
  'POST /api/v1/freeze/enable': {
    valid: { path: '/api/v1/freeze/enable', body: { env: 'staging', reason: 'incident 7' } },
    invalid: { path: '/api/v1/freeze/enable', body: { reason: 'incident 7', all: 'yes' } },
  },
  'POST /api/v1/freeze/disable': {
    valid: { path: '/api/v1/freeze/disable', body: { env: 'staging', reason: 'incident 7 over' } },
    invalid: { path: '/api/v1/freeze/disable', body: {} },
  },
  'GET /api/v1/notifications': {
    valid: { path: '/api/v1/notifications' },
    invalid: { path: '/api/v1/notifications?limit=abc' },
  },
  'POST /api/v1/notifications': {
    valid: { path: '/api/v1/notifications', body: { text: 'deploy at noon' } },
    invalid: { path: '/api/v1/notifications', body: { text: '', severity: 'loud' } },
  },
  'POST /api/v1/notifications/retry': {
    valid: { path: '/api/v1/notifications/retry', body: {} },
    invalid: { path: '/api/v1/notifications/retry', body: { ids: [] } },
  },
  'GET /api/v1/audit/events': {
    valid: { path: '/api/v1/audit/events?limit=5' },
    invalid: { path: '/api/v1/audit/events?since=yesterday' },
  },
  'GET /api/v1/audit/verify': {
    valid: { path: '/api/v1/audit/verify' },
    invalid: { path: '/api/v1/audit/verify?anchor=xyz' },
  },
  'GET /api/v1/audit/anchor': { valid: { path: '/api/v1/audit/anchor' } },
  'GET /api/v1/health/history': {
    valid: { path: '/api/v1/health/history' },
    invalid: { path: '/api/v1/health/history?limit=0' },
  },
  'POST /api/v1/health/check': {
    valid: { path: '/api/v1/health/check', body: { env: 'staging' } },
    invalid: { path: '/api/v1/health/check', body: { env: '' } },
  },
  'GET /api/v1/health/samples': {
    valid: { path: '/api/v1/health/samples?env=staging&minutes=5' },
    invalid: { path: '/api/v1/health/samples?minutes=0' },
  },
  'POST /api/v1/heartbeats/:key': {
    valid: { path: '/api/v1/heartbeats/mailer', body: { release: '1.0.0', detail: '3 jobs queued' } },
    invalid: { path: '/api/v1/heartbeats/mail%20er', body: { at: 'now' } },
  },
  'GET /api/v1/heartbeats': { valid: { path: '/api/v1/heartbeats' } },
  'GET /api/v1/incidents': {
    valid: { path: '/api/v1/incidents?all=true' },
    invalid: { path: '/api/v1/incidents?all=maybe' },
  },
  'GET /api/v1/incidents/:incidentId': {
    valid: { path: '/api/v1/incidents/inc_000001' },
    invalid: { path: '/api/v1/incidents/no%20such' },
  },
  'POST /api/v1/incidents/:incidentId/ack': {
    valid: { path: '/api/v1/incidents/inc_000001/ack', body: {} },
    invalid: { path: '/api/v1/incidents/inc_000001/ack', body: { now: true } },
  },
  'POST /api/v1/incidents/:incidentId/escalate': {
    valid: {
      path: '/api/v1/incidents/inc_000001/escalate',
      body: { severity: 'SEV1', reason: 'users affected' },
    },
    invalid: { path: '/api/v1/incidents/inc_000001/escalate', body: { severity: 'SEV1' } },
  },
  'POST /api/v1/incidents/:incidentId/resolve': {
    valid: { path: '/api/v1/incidents/inc_000001/resolve', body: { reason: 'rolled back, healthy again' } },
    invalid: { path: '/api/v1/incidents/inc_000001/resolve', body: { reason: '' } },
  },
  'GET /api/v1/metrics': { valid: { path: '/api/v1/metrics' } },
  'GET /metrics': { valid: { path: '/metrics' } },
  'GET /api/v1/events': {
    valid: { path: '/api/v1/events?since=0' },
    invalid: { path: '/api/v1/events?since=-1' },
  },
  'GET /api/v1/tokens': { valid: { path: '/api/v1/tokens' } },
  'POST /api/v1/tokens': {
    valid: { path: '/api/v1/tokens', body: { user: 'new@example.com', role: 'viewer' } },
    invalid: { path: '/api/v1/tokens', body: { user: 'a b', role: 'root' } },
  },
  'DELETE /api/v1/tokens/:tokenId': {
    valid: { path: '/api/v1/tokens/tok_999999' },
    invalid: { path: '/api/v1/tokens/abc' },
  },
  'POST /api/v1/preflight': {
    valid: { path: '/api/v1/preflight', body: { diff: '' } },
    invalid: { path: '/api/v1/preflight', body: { diff: 7 } },
  },
  'POST /api/v1/incident-response': {
    valid: { path: '/api/v1/incident-response', body: { env: 'staging', type: 'outage', severity: 'sev2' } },
    invalid: { path: '/api/v1/incident-response', body: { type: 'meteor', severity: 'SEV9' } },
  },
}
