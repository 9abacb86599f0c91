/** @module Terminal output: text or --json, colour unless NO_COLOR or not a TTY, and a spinner for long steps. */

export interface Output {
  readonly json: boolean
  readonly color: boolean
  /** Human text to stdout (suppressed with --json). */
  line(text?: string): void
  /** The --json result (or nothing in text mode). */
  result(value: unknown): void
  /** Diagnostics to stderr. */
  warn(text: string): void
  /** Shows progress on stderr while `fn` runs (a spinner on a TTY, plain lines otherwise only when slow). */
  progress<T>(label: string, fn: (update: (text: string) => void) => Promise<T>): Promise<T>
  paint(style: Style, text: string): string
  /** A line of command output on stderr, drawn above the spinner (suppressed with --json). */
  log(text: string): void
  /** Stops the spinner while `fn` runs (e.g. a prompt), then resumes it. */
  suspend<T>(fn: () => Promise<T>): Promise<T>
}

export type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan'

const CODES: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
}

export interface OutputStreams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean }
  stderr: NodeJS.WritableStream & { isTTY?: boolean }
  env: Record<string, string | undefined>
}

export function createOutput(json: boolean, s: OutputStreams): Output {
  const color = !json && !('NO_COLOR' in s.env) && s.env.TERM !== 'dumb' && s.stdout.isTTY === true
  const spin = !json && s.stderr.isTTY === true && !('CI' in s.env)
  const paint = (style: Style, text: string) =>
    color ? `\x1b[${CODES[style][0]}m${text}\x1b[${CODES[style][1]}m` : text
  let spinning = false
  let paused = false
  const clear = () => {
    if (spinning) s.stderr.write('\r\x1b[2K')
  }
  return {
    json,
    color,
    paint,
    line: (text = '') => {
      if (!json) s.stdout.write(`${text}\n`)
    },
    result: (value) => {
      if (json) s.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
    },
    warn: (text) => {
      clear()
      s.stderr.write(`${text}\n`)
    },
    log: (text) => {
      if (json) return
      clear()
      s.stderr.write(`${text}\n`)
    },
    async suspend(fn) {
      paused = true
      clear()
      try {
        return await fn()
      } finally {
        paused = false
      }
    },
    async progress(label, fn) {
      if (!spin) return fn(() => {})
      const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']
      let i = 0
      let text = label
      const draw = () => {
        if (!paused) s.stderr.write(`\r\x1b[2K${frames[i++ % frames.length]} ${text.slice(0, 150)}`)
      }
      const timer = setInterval(draw, 80)
      spinning = true
      draw()
      try {
        return await fn((t) => (text = `${label}: ${t}`))
      } finally {
        clearInterval(timer)
        spinning = false
        s.stderr.write('\r\x1b[2K')
      }
    },
  }
}

/** Fixed-width columns for tables. */
export function table(rows: string[][]): string {
  const widths: number[] = []
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, visible(c).length)))
  return rows
    .map((r) =>
      r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i]! - visible(c).length))).join('  '),
    )
    .join('\n')
}

// eslint-disable-next-line no-control-regex
const visible = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '')
