/** @module How the CLI asks a person to confirm: a prompt on a terminal, otherwise nothing to ask (non-interactive). */
import type { ConfirmIo } from '@rinawarp/engine'
import { createInterface } from 'node:readline/promises'
import type { Io } from './io.ts'
import type { Output } from './output.ts'

export function confirmIo(io: Io, out: Output): ConfirmIo {
  const tty = io.stdin.isTTY === true && io.stderr.isTTY === true
  if (!tty) {
    const ci = io.env.CI !== undefined && io.env.CI !== '' && io.env.CI !== 'false' && io.env.CI !== '0'
    return { interactive: false, ci }
  }
  return {
    interactive: true,
    ask: (question) =>
      out.suspend(async () => {
        const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: true })
        try {
          return await rl.question(question)
        } catch {
          return null
        } finally {
          rl.close()
        }
      }),
  }
}

/** Ctrl-C cancels the running operation cleanly; a second Ctrl-C exits at once. */
export function cancelOnSigint(): { signal: AbortSignal; dispose(): void } {
  const ac = new AbortController()
  let count = 0
  const onInt = () => {
    if (++count > 1) process.exit(130)
    process.stderr.write('\ncancelling… (Ctrl-C again to exit at once)\n')
    ac.abort()
  }
  process.on('SIGINT', onInt)
  return { signal: ac.signal, dispose: () => process.off('SIGINT', onInt) }
}
