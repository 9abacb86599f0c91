/**
 * @module rina preflight: analyse the change about to ship and print go, caution or no-go as text, --json,
 * --markdown or --sarif. Exits 0 for go and caution, 1 for no-go, 2 for a usage error.
 */
import type { PreflightReport, PreflightRange } from '@rinawarp/engine'
import {
  preflightMode,
  preflightRegistry,
  renderPreflightMarkdown,
  renderPreflightSarif,
  renderPreflightText,
  RinaError,
  runPreflight,
} from '@rinawarp/engine'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { withContext } from '../context.ts'
import { EXIT } from '../exit-codes.ts'
import type { Run } from '../io.ts'
import type { Style } from '../output.ts'

interface PreflightOpts {
  base?: string
  head?: string
  staged?: boolean
  workingTree?: boolean
  markdown?: boolean
  /** true: SARIF to stdout; a string: SARIF to that file. */
  sarif?: boolean | string
}

type Format = 'text' | 'json' | 'markdown' | 'sarif'

const COLOR: Record<PreflightReport['decision'], Style> = { go: 'green', caution: 'yellow', 'no-go': 'red' }

export async function preflight(run: Run, opts: PreflightOpts): Promise<number> {
  const format = formatOf(run, opts)
  preflightMode(opts)
  return withContext(run, async (ctx) => {
    const { report, range } = await run.out.progress('preflight', (update) =>
      runPreflight({ ...ctx, progress: update }, opts),
    )
    const sarif = () => `${JSON.stringify(renderPreflightSarif(report, preflightRegistry.all()), null, 2)}\n`
    if (typeof opts.sarif === 'string') {
      const file = resolve(run.io.cwd, opts.sarif)
      await mkdir(dirname(file), { recursive: true })
      await writeFile(file, sarif())
      run.out.warn(`wrote SARIF to ${opts.sarif}`)
    }
    if (format === 'json') run.out.result({ ...report, range })
    else if (format === 'markdown') run.io.stdout.write(`${renderPreflightMarkdown(report)}\n`)
    else if (format === 'sarif') run.io.stdout.write(sarif())
    else printText(run, report, range)
    return report.decision === 'no-go' ? EXIT.failure : EXIT.ok
  })
}

/** One format on stdout; `--sarif FILE` writes a file and combines with any of them. */
function formatOf(run: Run, opts: PreflightOpts): Format {
  const chosen = [
    ...(run.global.json ? (['json'] as const) : []),
    ...(opts.markdown ? (['markdown'] as const) : []),
    ...(opts.sarif === true ? (['sarif'] as const) : []),
  ]
  if (chosen.length > 1) {
    throw new RinaError({
      code: 'USAGE',
      message: `--${chosen.join(' and --')} both print to stdout`,
      hint: 'pick one, or write SARIF to a file with --sarif FILE',
    })
  }
  return chosen[0] ?? 'text'
}

function printText(run: Run, report: PreflightReport, range: PreflightRange): void {
  const p = run.out.paint
  run.out.line(p('dim', `Preflight of ${range.description}`))
  for (const note of range.notes) run.out.line(p('dim', `note: ${note}`))
  const [first = '', ...rest] = renderPreflightText(report).trimEnd().split('\n')
  run.out.line(p(COLOR[report.decision], p('bold', first)))
  for (const line of rest) run.out.line(line)
  if (report.decision === 'no-go')
    run.out.line(
      `\n${p('red', 'no-go')}: a deploy to staging stops here unless a person accepts the risk with --accept-risk "why"`,
    )
}
