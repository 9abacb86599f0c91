/**
 * @module Entry point: parses, runs, and is the one place that catches. Errors print what happened, why and what
 * to do; an INTERNAL error asks for a bug report with versions and with home paths replaced.
 */
import { formatConfigIssues, toRinaError } from '@rinawarp/engine'
import type { ConfigIssue } from '@rinawarp/engine'
import { homedir } from 'node:os'
import { buildProgram } from './cli.ts'
import { EXIT, exitCodeFor } from './exit-codes.ts'
import type { Io } from './io.ts'
import { createOutput } from './output.ts'

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const state = { exitCode: EXIT.ok as number }
  const program = buildProgram(io, state)
  try {
    await program.parseAsync(argv, { from: 'user' })
    return state.exitCode
  } catch (e) {
    const c = e as { code?: string; exitCode?: number }
    if (typeof c.code === 'string' && c.code.startsWith('commander.')) {
      if (
        c.code === 'commander.helpDisplayed' ||
        c.code === 'commander.version' ||
        c.code === 'commander.help'
      )
        return EXIT.ok
      return EXIT.usage
    }
    return report(e, io, argv.includes('--json'))
  }
}

function report(e: unknown, io: Io, json: boolean): number {
  const err = toRinaError(e)
  const code = exitCodeFor(err.code)
  const out = createOutput(false, io)
  if (json) {
    io.stdout.write(
      `${JSON.stringify({ error: { code: err.code, message: err.message, hint: err.hint ?? null, details: err.details ?? null } }, null, 2)}\n`,
    )
  }
  if (err.code === 'INTERNAL') {
    const stack = (err.cause instanceof Error ? err.cause.stack : err.stack) ?? ''
    io.stderr.write(
      `${out.paint('red', 'error')} ${err.message}\n` +
        `This is a bug in rina, please report it with the lines below.\n` +
        `  rina 0.1.0, node ${process.version}, ${process.platform}-${process.arch}\n` +
        `${stack.split(homedir()).join('~')}\n`,
    )
    return code
  }
  io.stderr.write(`${out.paint('red', 'error')} ${err.message}\n`)
  if (err.code === 'CONFIG_INVALID' && Array.isArray(err.details)) {
    io.stderr.write(`${formatConfigIssues(err.details as ConfigIssue[])}\n`)
  }
  if (err.hint) io.stderr.write(`${out.paint('dim', 'hint')}  ${err.hint}\n`)
  return code
}

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  }
}
