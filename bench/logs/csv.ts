/** @module Minimal RFC 4180 CSV reading and writing for the LogHub files and the scorer's predictions. */

export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c !== '"') field += c
      else if (text[i + 1] === '"') {
        field += '"'
        i++
      } else quoted = false
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else if (c !== '\r') field += c
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  const [head, ...body] = rows.filter((r) => r.length > 1 || r[0] !== '')
  if (head === undefined) return []
  return body.map((r) => Object.fromEntries(head.map((h, k) => [h.trim(), r[k] ?? ''])))
}

const cell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s)

export const toCsv = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n'
