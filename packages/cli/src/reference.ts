/** @module Renders docs/cli.md from the command list itself, so the reference cannot drift from the CLI. */
import type { Command } from 'commander'
import { buildProgram } from './cli.ts'
import type { Io } from './io.ts'

export function renderCliReference(): string {
  const sink = { write: () => true } as unknown as NodeJS.WritableStream
  const io: Io = { stdout: sink, stderr: sink, stdin: process.stdin, env: {}, cwd: '/' }
  const program = buildProgram(io, { exitCode: 0 })
  const out = [
    '# rina command reference',
    '',
    'Generated from the command definitions (`npm run docs:cli`); `rina <command> --help` prints the same.',
    '',
    'Global options: `-c, --config <path>` (rina.yml to use; default: found by walking up from the working directory),',
    '`--json` (print the result as JSON), `-V, --version`, `-h, --help`.',
    '',
    'Exit codes: `0` ok · `1` failure · `2` usage error (usage is printed) · `3` denied by a gate.',
    '',
  ]
  const walk = (cmd: Command, path: string[]) => {
    for (const sub of cmd.commands) {
      const name = [...path, sub.name()]
      if (sub.commands.length === 0 || sub.options.length > 0 || sub.registeredArguments.length > 0) {
        out.push(`## rina ${name.join(' ')}`, '', '```', sub.helpInformation().trimEnd(), '```', '')
      } else {
        out.push(`## rina ${name.join(' ')}`, '', sub.description(), '')
      }
      walk(sub, name)
    }
  }
  walk(program, [])
  return `${out.join('\n').trimEnd()}\n`
}
