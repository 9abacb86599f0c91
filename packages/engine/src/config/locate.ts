/**
 * @module Finds where a field path sits in the parsed YAML, so each problem points at a line and column:
 * at the key for unknown keys and sections, at the value for bad values, at the parent for missing fields.
 */
import { isMap, isPair, isScalar, isSeq } from 'yaml'
import type { Document, Node } from 'yaml'
import type { PathSegment } from './issue.ts'

interface Found {
  node: Node | null
  key: Node | null
  /** True when every segment of the path exists in the document. */
  complete: boolean
}

function find(doc: Document, path: readonly PropertyKey[]): Found {
  let node = doc.contents as Node | null
  let key: Node | null = null
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(seg))
      if (pair === undefined) return { node, key, complete: false }
      key = pair.key as Node
      node = pair.value as Node | null
    } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      node = node.items[seg] as Node | null
      key = null
    } else {
      return { node, key, complete: false }
    }
  }
  return { node, key, complete: true }
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key)
}

const start = (n: Node | null): number | null => n?.range?.[0] ?? null

function isEmptyScalar(n: Node | null): boolean {
  return n === null || (isScalar(n) && n.value === null && (n.source === '' || n.source === undefined))
}

/** Offset of the key that introduces the node at `path` (or of the node itself for list items and the root). */
export function keyOffset(doc: Document, path: readonly PropertyKey[]): number {
  const f = find(doc, path)
  return start(f.key) ?? start(f.node) ?? 0
}

/** Offset of a value: the scalar itself, or the key of a section, or the nearest existing parent. */
export function valueOffset(doc: Document, path: readonly PropertyKey[]): number {
  const f = find(doc, path)
  if (!f.complete) return start(f.key) ?? start(f.node) ?? 0
  if (isScalar(f.node) && !isEmptyScalar(f.node)) return start(f.node) ?? 0
  return start(f.key) ?? start(f.node) ?? 0
}

/** Offset for a field that is missing: the key of its parent object. */
export function parentOffset(doc: Document, path: readonly PathSegment[]): number {
  return keyOffset(doc, path.slice(0, -1))
}

/** The value as written in the file (never the resolved `${VAR}`), shortened for messages. */
export function writtenValue(doc: Document, source: string, path: readonly PropertyKey[]): string | null {
  const f = find(doc, path)
  if (!f.complete || !isScalar(f.node) || !f.node.range) return null
  if (f.node.type === 'BLOCK_LITERAL' || f.node.type === 'BLOCK_FOLDED') return '(text block)'
  const text = source.slice(f.node.range[0], f.node.range[1]).split('\n')[0]!.trim()
  const short = text.length > 60 ? `${text.slice(0, 57)}...` : text
  return f.node.type === 'PLAIN' && typeof f.node.value === 'string' ? `"${short}"` : short
}
