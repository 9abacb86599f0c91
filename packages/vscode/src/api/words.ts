/**
 * @module Incident words the quick picks offer, taken from the engine's pure analysis (a file with no runtime
 * imports, so the bundle stays small and the lists cannot drift).
 */
export { INCIDENT_SEVERITIES, INCIDENT_TYPES } from '../../../engine/src/analysis/incident/types.ts'
