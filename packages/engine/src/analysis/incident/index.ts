/**
 * @module Incident response analysis, pure: signals become incidents (one per cause), with severity and its
 * factors, ranked root-cause hypotheses, a response plan from playbooks with the rollback prepared, a postmortem
 * draft and the guided recovery. The incident agent, `rina incident …` and `rina serve` build on these functions;
 * nothing here does I/O.
 */
export { assessIncident } from './assess.ts'
export { attachSignals, draftIncident, servicesOf } from './attach.ts'
export {
  defaultIncidentConfig,
  incidentConfigSchema,
  incidentWindows,
  playbookOverrideSchema,
  playbookStepSchema,
} from './config.ts'
export type { IncidentConfig, PlaybookOverride } from './config.ts'
export { correlate } from './correlate.ts'
export type { CorrelateOptions, Correlation } from './correlate.ts'
export { DEFAULT_DEPLOY_WINDOW_MS, deployBefore, deployFacts, runsAfter } from './deploys.ts'
export type { DeployFact } from './deploys.ts'
export { fillCommand, incidentMessage, incidentReason, notifySeverity, shellEscape } from './fill.ts'
export { rankHypotheses } from './hypotheses.ts'
export type { HypothesisContext } from './hypotheses.ts'
export { hardDown, incidentTitle, incidentType } from './incident-type.ts'
export { mergePlaybooks } from './merge-playbooks.ts'
export { buildResponsePlan } from './plan.ts'
export type { PlanContext, PlanIncident } from './plan.ts'
export { builtInPlaybooks, PLACEHOLDERS, ROLES } from './playbooks.ts'
export { postmortemMarkdown, TO_FILL } from './postmortem.ts'
export type { PostmortemContext } from './postmortem.ts'
export { RECOVERY_STEPS, recoveryPath } from './recovery.ts'
export type { RecoveryContext, RecoveryPath, RecoveryStep, RecoveryStepId } from './recovery.ts'
export { prepareRollback } from './rollback.ts'
export type { RollbackContext } from './rollback.ts'
export { assessSeverity, SEVERITY_THRESHOLDS } from './severity.ts'
export type { SeverityContext } from './severity.ts'
export { fromDeployFailed, fromLogSignal, fromProbeSummaries, manualSignal } from './signals.ts'
export { incidentTimeline } from './timeline.ts'
export type { TimelineEntry } from './timeline.ts'
export {
  HYPOTHESIS_KINDS,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  INCIDENT_TYPES,
  moreSevere,
  SIGNAL_KINDS,
  STEP_ACTIONS,
  STEP_CONDITIONS,
} from './types.ts'
export type {
  Hypothesis,
  HypothesisKind,
  Incident,
  IncidentContext,
  IncidentDraft,
  IncidentSeverity,
  IncidentStatus,
  IncidentType,
  PlanStep,
  Playbook,
  Playbooks,
  PlaybookStep,
  PreflightFact,
  ResponsePlan,
  RollbackPreparation,
  ServiceKind,
  SeverityAssessment,
  SeverityFactor,
  Signal,
  SignalCounts,
  SignalKind,
  StepAction,
  StepCondition,
} from './types.ts'
