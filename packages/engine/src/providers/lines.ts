/**
 * @module Splits a byte stream into text lines as they arrive: UTF-8 safe across chunk borders, `\r\n` and `\n`
 * endings, a last line without an ending flushed at the end, and very long lines cut so memory stays bounded.
 */
import { StringDecoder } from 'node:string_decoder'

/** Longer lines are emitted in pieces of this many characters. */
export const MAX_LINE = 16_384

export interface LineSplitter {
  push(chunk: Buffer | string): void
  /** Emits what is left (a last line without a newline). */
  end(): void
}

export function lineSplitter(emit: (line: string) => void): LineSplitter {
  const decoder = new StringDecoder('utf8')
  let rest = ''
  const take = (text: string) => {
    rest += text
    let nl = rest.indexOf('\n')
    while (nl !== -1) {
      emit(trimCr(rest.slice(0, nl)))
      rest = rest.slice(nl + 1)
      nl = rest.indexOf('\n')
    }
    while (rest.length > MAX_LINE) {
      emit(rest.slice(0, MAX_LINE))
      rest = rest.slice(MAX_LINE)
    }
  }
  return {
    push: (chunk) => take(typeof chunk === 'string' ? chunk : decoder.write(chunk)),
    end: () => {
      take(decoder.end())
      if (rest !== '') emit(trimCr(rest))
      rest = ''
    },
  }
}

const trimCr = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line)
