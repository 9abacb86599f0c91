/**
 * @module The console notifier: a readable block of lines on stderr (or stdout), coloured by severity on a
 * terminal unless NO_COLOR is set.
 */
import type { NotifySeverity } from '../../domain/severity.ts'
import type { Message, Notification, NotifierFactory, SendOutcome } from '../types.ts'
import type { consoleChannelSchema } from './schema.ts'
import type { z } from 'zod'

export type ConsoleChannelConfig = z.output<typeof consoleChannelSchema>

const MARK: Record<NotifySeverity, string> = { info: 'i', warning: '!', critical: '✖' }
const COLOR: Record<NotifySeverity, string> = { info: '\x1b[36m', warning: '\x1b[33m', critical: '\x1b[31m' }
const BOLD = '\x1b[1m'
const DIM = '\x1b[2m'
const RESET = '\x1b[0m'

/** The plain lines of a notification; the same text with or without colour. */
export function consoleLines(n: Notification): { head: string; meta: string; body: string[] } {
  const meta = [n.env ? `env ${n.env}` : null, n.time, `by ${n.actor}`].filter((x) => x !== null).join(' · ')
  const body = [
    ...n.text.split('\n').map((l) => `  ${l}`),
    ...n.facts.map((f) => `  ${f.label}: ${f.value}`),
    ...(n.nextAction ? [`  next: ${n.nextAction}`] : []),
    ...(n.url ? [`  ${n.url}`] : []),
  ]
  return { head: `${MARK[n.severity]} ${n.severity.toUpperCase()}  ${n.title}`, meta: `  ${meta}`, body }
}

export function renderConsole(n: Notification, color: boolean): Message {
  const { head, meta, body } = consoleLines(n)
  const text = [head, meta, ...body].join('\n')
  if (!color) return { body: `${text}\n`, text }
  const painted = [`${BOLD}${COLOR[n.severity]}${head}${RESET}`, `${DIM}${meta}${RESET}`, ...body].join('\n')
  return { body: `${painted}\n`, text }
}

export const consoleNotifier: NotifierFactory<ConsoleChannelConfig> = (config, deps) => {
  const stream = config.stream === 'stdout' ? process.stdout : process.stderr
  const noColor = (deps.env?.NO_COLOR ?? '') !== ''
  const color = !noColor && (deps.isTTY ?? (deps.write ? false : stream.isTTY === true))
  const write = deps.write ?? ((text: string) => void stream.write(text))
  return {
    type: 'console',
    render: (n) => renderConsole(n, color),
    async send(msg): Promise<SendOutcome> {
      try {
        write(String(msg.body))
        return { ok: true }
      } catch (e) {
        const detail = e instanceof Error ? e.message : String(e)
        return {
          ok: false,
          retryable: false,
          reason: 'config',
          detail: `could not write to ${config.stream}: ${detail}`,
        }
      }
    },
  }
}
