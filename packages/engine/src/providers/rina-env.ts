/**
 * @module The environment a deploy, rollback or start command gets: the configured variables, then RINA_ENV,
 * RINA_SERVICE, RINA_RELEASE, RINA_PREVIOUS_RELEASE (empty on a first deploy) and RINA_ACTION, which win.
 */
import type { ProviderRequest } from './types.ts'

export function rinaEnv(
  req: ProviderRequest,
  configured: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return {
    ...configured,
    RINA_ENV: req.env,
    RINA_SERVICE: req.service,
    RINA_RELEASE: req.release,
    RINA_PREVIOUS_RELEASE: req.previous ?? '',
    RINA_ACTION: req.kind,
  }
}
