/** @module Public API of the engine, used by every face (CLI, server, VS Code). */
export * from './errors.ts'
export * from './result.ts'
export * from './clock.ts'
export * from './domain/actor.ts'
export * from './domain/events.ts'
export * from './domain/state.ts'
export * from './domain/duration.ts'
export * from './domain/severity.ts'
export * from './domain/redact.ts'
export * from './domain/freeze-windows.ts'
export * from './gates/decision.ts'
export * from './gates/freeze.ts'
export * from './gates/human.ts'
export * from './gates/reason.ts'
export * from './journal/chain.ts'
export * from './journal/canonical.ts'
export * from './journal/decode.ts'
export * from './journal/journal.ts'
export * from './journal/projection.ts'
export * from './journal/verify.ts'
export * from './store/types.ts'
export * from './store/open.ts'
export { createSqliteStore } from './store/sqlite/index.ts'
export { createMemoryStore } from './store/memory/index.ts'
export * from './config/index.ts'
export * from './identity/resolve.ts'
export * from './commands/context.ts'
export * from './commands/envs.ts'
export * from './commands/freeze.ts'
export * from './commands/audit.ts'
export * from './commands/notify.ts'
export type { Notification, NotifierDeps, Message, SendOutcome, Notifier } from './notifiers/types.ts'
export type { DrainResult } from './notifiers/dispatcher.ts'
export { verifyWebhookSignature } from './notifiers/webhook/signature.ts'
export * from './commands/preflight.ts'
export * from './gates/preflight.ts'
export {
  analyzePreflight,
  defaultRegistry as preflightRegistry,
  defaultPreflightConfig,
  preflightConfigSchema,
  renderMarkdown as renderPreflightMarkdown,
  renderSarif as renderPreflightSarif,
  renderText as renderPreflightText,
} from './analysis/preflight/index.ts'
export type {
  Decision as PreflightDecision,
  Factor as PreflightFactor,
  Finding as PreflightFinding,
  PreflightConfig,
  PreflightReport,
} from './analysis/preflight/index.ts'
export { SARIF_SCHEMA } from './analysis/preflight/render/sarif.ts'
export * from './commands/deploy.ts'
export * from './commands/rollback.ts'
export * from './commands/run-log.ts'
export * from './commands/approve.ts'
export * from './commands/review.ts'
export * from './commands/health.ts'
export * from './commands/heartbeats.ts'
export { HEARTBEAT_KEY } from './probes/heartbeat/schema.ts'
export type { HeartbeatKeyUse } from './probes/heartbeat/keys.ts'
export * from './commands/status.ts'
export * from './commands/lock.ts'
export * from './commands/environment.ts'
export * from './plans/deploy.ts'
export * from './gates/approval.ts'
export * from './gates/validated.ts'
export * from './gates/health.ts'
export * from './gates/confirm.ts'
export type { ProbeResult, Observation } from './probes/types.ts'
export type { DeployProvider, PlanStep, StepOutcome } from './providers/types.ts'
export { createLogAnalyzer, parseLines, compileMasks } from './analysis/logs/index.ts'
export type {
  Analysis,
  AnalyzedEvent,
  LogAnalyzer,
  ParsedRow,
  Signal as LogSignal,
  TemplateSummary,
  UserMask,
} from './analysis/logs/index.ts'
export { createLogSource, logSources } from './logsources/registry.ts'
export { configuredSources } from './logsources/configured.ts'
export type { ConfiguredSource } from './logsources/configured.ts'
export { mergeSources } from './logsources/merge.ts'
export type { Cursor, LogLine, LogSource, SourceLoad } from './logsources/types.ts'
export * from './bus/index.ts'
export * from './auth/roles.ts'
export * from './auth/tokens.ts'
export * from './commands/incident.ts'
export * from './commands/incident-actions.ts'
export * from './commands/incident-recover.ts'
export * from './commands/incident-resolve.ts'
export * from './commands/incident-response.ts'
export * from './commands/incident-view.ts'
export { defaultIncidentEnv } from './commands/incident-context.ts'
export type { SourceReading } from './commands/incident-logs.ts'
export {
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  INCIDENT_TYPES,
  incidentConfigSchema,
  RECOVERY_STEPS,
} from './analysis/incident/index.ts'
export type {
  Hypothesis,
  Incident,
  IncidentConfig,
  IncidentSeverity,
  IncidentStatus,
  IncidentType,
  PlanStep as ResponsePlanStep,
  RecoveryPath,
  RecoveryStep,
  RecoveryStepId,
  ResponsePlan,
  RollbackPreparation,
  SeverityFactor,
  Signal as IncidentSignal,
  SignalKind as IncidentSignalKind,
  TimelineEntry,
} from './analysis/incident/index.ts'
export { parseDiff as parsePreflightDiff } from './analysis/preflight/index.ts'
export * from './agents/index.ts'
