/** @module Notification severities, ordered. */

export const NOTIFY_SEVERITIES = ['info', 'warning', 'critical'] as const
export type NotifySeverity = (typeof NOTIFY_SEVERITIES)[number]

export const severityRank = (s: NotifySeverity): number => NOTIFY_SEVERITIES.indexOf(s)
