/** @module YAML words for zod's type names (mapping, list, …) and a hint for each wrong type. */

export function expectedWords(expected: string): string {
  const words: Record<string, string> = {
    object: 'a mapping',
    record: 'a mapping',
    array: 'a list',
    string: 'a string',
    number: 'a number',
    int: 'an integer',
    boolean: 'true or false',
  }
  return words[expected] ?? expected
}

export function receivedWords(value: unknown, shown: string | null): string {
  if (value === null || value === undefined) return 'an empty value'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  return `${typeof value === 'string' ? 'the text' : `the ${typeof value}`} ${shown ?? JSON.stringify(value)}`
}

export function typeHint(expected: string, value: unknown, describe: string | null): string {
  const tail = describe ? ` (${describe})` : ''
  if (value === null) return `give it a value or remove the line${tail}`
  const hints: Record<string, string> = {
    string: 'write it as text; quote values that look like numbers or booleans',
    number: 'write a number without quotes',
    int: 'write a whole number without quotes',
    boolean: 'write true or false without quotes',
    object: 'write its fields on the following lines, indented under this key',
    record: 'write its entries on the following lines, indented under this key',
    array: 'write a list: one "- item" per line, or [a, b]',
  }
  return `${hints[expected] ?? 'see docs/config.md for every field'}${tail}`
}
