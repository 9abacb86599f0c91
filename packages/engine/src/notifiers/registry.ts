/**
 * @module The notifier registry: one line per notifier, keyed by the `type` used in config. Adding a notifier
 * takes one folder and one line here; the mapped type makes a missing line a type error.
 */
import type { ChannelConfig } from '../config/schema.ts'
import { consoleNotifier } from './console/index.ts'
import { emailNotifier } from './email/index.ts'
import { slackNotifier } from './slack/index.ts'
import { teamsNotifier } from './teams/index.ts'
import type { Notifier, NotifierDeps, NotifierFactory } from './types.ts'
import { webhookNotifier } from './webhook/index.ts'

/** For each config `type`, the factory taking that variant of the config. */
export type Registry<C extends { type: string }> = {
  readonly [K in C['type']]: NotifierFactory<Extract<C, { type: K }>>
}

export const notifiers = {
  console: consoleNotifier,
  slack: slackNotifier,
  teams: teamsNotifier,
  webhook: webhookNotifier,
  email: emailNotifier,
} satisfies Registry<ChannelConfig>

export function createNotifier(config: ChannelConfig, deps: NotifierDeps = {}): Notifier {
  const factory = notifiers[config.type] as NotifierFactory<ChannelConfig>
  return factory(config, deps)
}

/** Notifiers for every configured channel, keyed by channel name (what the dispatcher takes). */
export function createChannels(
  channels: Readonly<Record<string, ChannelConfig>>,
  deps: NotifierDeps = {},
): Record<string, Notifier> {
  return Object.fromEntries(Object.entries(channels).map(([name, c]) => [name, createNotifier(c, deps)]))
}
