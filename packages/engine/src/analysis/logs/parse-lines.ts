/**
 * @module One template per input line, as `rina logs parse` prints it: the miner learns from every line first,
 * then each line is matched against the final templates, so early lines get the same template as later ones.
 */
import { createMiner } from './miner.ts'
import type { MinerOptions } from './miner.ts'
import { preprocess } from './preprocess.ts'
import type { PreprocessOptions } from './preprocess.ts'

export interface ParseLinesOptions extends PreprocessOptions {
  miner?: MinerOptions
  /** Strip headers and read JSON lines first (default true); false templates each line as it is. */
  preprocess?: boolean
}

export interface ParsedRow {
  /** 1-based input line number. */
  lineId: number
  key: string
  template: string
  params: string[]
}

export function parseLines(lines: readonly string[], options: ParseLinesOptions = {}): ParsedRow[] {
  const miner = createMiner(options.miner)
  const messages = options.preprocess === false ? lines : lines.map((l) => preprocess(l, options).message)
  for (const m of messages) miner.add(m)
  return messages.map((m, i) => {
    const r = miner.match(m) ?? miner.add(m)
    return { lineId: i + 1, key: r.key, template: r.template, params: r.params }
  })
}
