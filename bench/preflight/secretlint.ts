/**
 * @module secretlint (recommended preset) as a side-by-side reference: one engine, created once, that lints
 * in-memory contents, so only scanning is timed. Loaded through the `secretlint` package's own dependency tree.
 */
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import type { ScanFinding } from './corpus.ts'

interface Engine {
  executeOnContent(a: { content: string; filePath: string }): Promise<{ ok: boolean; output: string }>
}
interface Message {
  ruleId: string
  messageId: string
  loc: { start: { line: number }; end: { line: number } }
}

export const PRESET = '@secretlint/secretlint-rule-preset-recommend'

export function secretlintVersions(): { secretlint: string; preset: string } {
  const req = createRequire(import.meta.url)
  const version = (pkg: string) => (req(`${pkg}/package.json`) as { version: string }).version
  return { secretlint: version('secretlint'), preset: version(PRESET) }
}

/** A scanner with the same shape as ours: content in, located findings out. */
export async function createSecretlint(): Promise<
  (content: string, filePath: string) => Promise<ScanFinding[]>
> {
  const req = createRequire(import.meta.url)
  const fromSecretlint = createRequire(req.resolve('secretlint'))
  const mod = (await import(pathToFileURL(fromSecretlint.resolve('@secretlint/node')).href)) as {
    createEngine(o: object): Promise<Engine>
  }
  const engine = await mod.createEngine({
    cwd: process.cwd(),
    formatter: 'json',
    color: false,
    maskSecrets: false,
    configFileJSON: { rules: [{ id: PRESET }] },
  })
  return async (content, filePath) => {
    const r = await engine.executeOnContent({ content, filePath })
    const results = JSON.parse(r.output) as { messages: Message[] }[]
    return results.flatMap((f) =>
      f.messages.map((m) => ({
        line: m.loc.start.line,
        endLine: m.loc.end.line,
        rule: `${m.ruleId}#${m.messageId}`,
      })),
    )
  }
}
