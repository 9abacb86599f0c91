/** @module Splits a message into whitespace-delimited tokens (runs of spaces and tabs count as one). */

const SPACE = /\s+/

export function tokenize(message: string): string[] {
  const t = message.trim()
  return t === '' ? [] : t.split(SPACE)
}
