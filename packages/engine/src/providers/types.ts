/**
 * @module The deploy provider interface. `plan` is pure and returns the steps as data (printable with --dry-run);
 * only `runStep` does I/O. A failing step is an outcome value, never a throw.
 */
import type { ProcessGroupRef } from '../domain/events.ts'

export interface DeployRequest {
  kind: 'deploy'
  env: string
  service: string
  /** The release to put in place. */
  release: string
  /** What is running now (null on the first deploy). */
  previous: string | null
}

export interface RollbackRequest {
  kind: 'rollback'
  env: string
  service: string
  /** The release to go back to. */
  release: string
  /** The release being rolled back (null when unknown). */
  previous: string | null
}

export type ProviderRequest = DeployRequest | RollbackRequest

export interface PlanStep {
  /** Stable within a plan, e.g. "api:deploy", "website:switch". */
  id: string
  service: string
  /** What the step does, e.g. "command", "place", "switch", "start", "prune". */
  action: string
  /** One line a person reads in --dry-run and progress output. */
  description: string
  /** The shell command the step runs, when it runs one (shown in --dry-run). */
  command?: string
  /** Extra environment variables the command gets (RINA_* and configured ones). */
  env?: Record<string, string>
  /** Working directory of the command. */
  cwd?: string
  timeoutMs?: number
  /** Provider-specific data the step needs at run time (paths, release ids). JSON only. */
  data?: Record<string, unknown>
}

export interface DeployPlan {
  provider: string
  request: ProviderRequest
  steps: PlanStep[]
}

export interface RunContext {
  signal: AbortSignal
  /** Output lines of commands, streamed into the run log. */
  log(line: string, stream: 'stdout' | 'stderr'): void
  now(): Date
  /** Base environment for commands (the process environment, secrets already resolved). */
  env: Readonly<Record<string, string | undefined>>
  /**
   * Records the process group of a command the step starts; the command runs only once this has settled, and not
   * at all when it rejects. Absent when nothing needs to find the group later.
   */
  commandStarted?(group: ProcessGroupRef): Promise<void>
}

export type StepOutcome =
  | { ok: true; durationMs: number }
  | { ok: false; durationMs: number; reason: string; exitCode?: number | null; timedOut?: boolean }

export interface DeployProvider {
  readonly type: string
  plan(req: ProviderRequest): DeployPlan
  runStep(step: PlanStep, ctx: RunContext): Promise<StepOutcome>
  /** The release the provider sees in place (e.g. the current symlink), or null when it cannot tell. */
  current(env: string, service: string, ctx: RunContext): Promise<string | null>
}

export interface ProviderDeps {
  /** Directory of rina.yml: relative paths and cwd resolve against it. */
  configDir: string
  /** Time between SIGTERM and SIGKILL when a command is stopped on timeout or abort (default 5s). */
  killGraceMs?: number
}

export type ProviderFactory<C> = (config: C, deps: ProviderDeps) => DeployProvider
