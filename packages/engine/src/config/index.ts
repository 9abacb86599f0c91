/** @module Public face of config: find, load and validate rina.yml; JSON Schema, reference page and starter. */
export { findConfig, CONFIG_FILE_NAMES } from './find.ts'
export { loadConfig } from './load.ts'
export type { LoadConfigOptions, LoadedConfig } from './load.ts'
export { validateConfigText } from './validate.ts'
export type { ValidateOptions, ValidConfig } from './validate.ts'
export { formatConfigIssue, formatConfigIssues } from './format.ts'
export type { ConfigIssue, ConfigIssueKind } from './issue.ts'
export type { Env as ConfigEnv } from './interpolate.ts'
export { configJsonSchema, CONFIG_SCHEMA_ID } from './json-schema.ts'
export { renderConfigReference } from './reference-doc.ts'
export { starterConfig, starterScripts, wrapperScripts, projectSlug } from './init.ts'
export type { StarterFile } from './init.ts'
export { configSchema } from './schema.ts'
export type {
  RinaConfig,
  EnvironmentConfig,
  ServiceConfig,
  ChannelConfig,
  FreezeWindowConfig,
  ProbeConfig,
  ProviderConfig,
  LogSourceConfig,
  RouteConfig,
} from './schema.ts'
