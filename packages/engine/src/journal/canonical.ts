/**
 * @module Canonical JSON: object keys sorted, no whitespace, only JSON values. Two equal payloads always encode to
 * the same text, so the stored text can be hashed as it is.
 */

export function canonicalJson(value: unknown): string {
  return encode(value, '$')
}

function encode(v: unknown, path: string): string {
  if (v === null) return 'null'
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return JSON.stringify(v)
    case 'number':
      if (!Number.isFinite(v)) throw new TypeError(`canonicalJson: ${path} is not a finite number`)
      return JSON.stringify(v)
    case 'object': {
      if (Array.isArray(v)) return `[${v.map((x, i) => encode(x, `${path}[${i}]`)).join(',')}]`
      const obj = v as Record<string, unknown>
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort()
      return `{${keys.map((k) => `${JSON.stringify(k)}:${encode(obj[k], `${path}.${k}`)}`).join(',')}}`
    }
    default:
      throw new TypeError(`canonicalJson: ${path} has unsupported type ${typeof v}`)
  }
}
