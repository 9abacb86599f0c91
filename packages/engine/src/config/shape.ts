/**
 * @module Reads the zod schema along a field path (following the data through unions), to list the keys
 * allowed at a place and the description of a field.
 */
import { z } from 'zod'
import type { PathSegment } from './issue.ts'

/** Strips default, optional, nullable and similar wrappers. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema
  for (;;) {
    if (
      s instanceof z.ZodDefault ||
      s instanceof z.ZodOptional ||
      s instanceof z.ZodNullable ||
      s instanceof z.ZodPrefault ||
      s instanceof z.ZodReadonly ||
      s instanceof z.ZodCatch
    ) {
      s = s.unwrap() as z.ZodType
    } else if (s instanceof z.ZodPipe) {
      s = s.in as z.ZodType
    } else {
      return s
    }
  }
}

/** The literal values a union option accepts for its `type` field, e.g. ["http"]. */
export function typeLiterals(option: z.ZodType): string[] {
  const s = unwrap(option)
  if (!(s instanceof z.ZodObject)) return []
  const t = s.shape['type'] as z.ZodType | undefined
  const lit = t === undefined ? null : unwrap(t)
  return lit instanceof z.ZodLiteral ? [...lit.values].map(String) : []
}

/** Resolves a union to the option matching the data's `type` field, or null. Other schemas pass through. */
function pick(schema: z.ZodType, data: unknown): z.ZodType | null {
  const s = unwrap(schema)
  if (!(s instanceof z.ZodUnion)) return s
  const type =
    data !== null && typeof data === 'object' ? (data as Record<string, unknown>)['type'] : undefined
  const options = s.options as readonly z.ZodType[]
  const match = options.find((o) => typeLiterals(o).includes(String(type)))
  return match === undefined ? null : unwrap(match)
}

function child(data: unknown, seg: PathSegment): unknown {
  return data !== null && typeof data === 'object' ? (data as Record<PropertyKey, unknown>)[seg] : undefined
}

/** The schema of the field at `path` (wrappers kept, so defaults and descriptions are visible), or null. */
export function schemaAt(root: z.ZodType, path: readonly PropertyKey[], data: unknown): z.ZodType | null {
  let schema: z.ZodType = root
  let value = data
  for (const seg of path) {
    const s = pick(schema, value)
    let next: z.ZodType | undefined
    if (s instanceof z.ZodObject) next = s.shape[String(seg)] as z.ZodType | undefined
    else if (s instanceof z.ZodRecord) next = s.valueType as z.ZodType
    else if (s instanceof z.ZodArray) next = s.element as z.ZodType
    if (next === undefined) return null
    schema = next
    value = child(value, seg as PathSegment)
  }
  return schema
}

/** Keys allowed in the object at `path`, in schema order; empty when the place is not an object. */
export function allowedKeys(root: z.ZodType, path: readonly PropertyKey[], data: unknown): string[] {
  const at = schemaAt(root, path, data)
  let value = data
  for (const seg of path) value = child(value, seg as PathSegment)
  const s = at === null ? null : pick(at, value)
  return s instanceof z.ZodObject ? Object.keys(s.shape) : []
}

/** The `.describe()` text of a field, looking through wrappers. */
export function descriptionOf(schema: z.ZodType | null): string | null {
  let s = schema
  while (s !== null) {
    if (s.description !== undefined) return s.description
    const inner = unwrap(s)
    if (inner === s) return null
    s = s instanceof z.ZodPipe ? (s.in as z.ZodType) : (s as unknown as { unwrap(): z.ZodType }).unwrap()
  }
  return null
}

export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data
  for (const seg of path) value = child(value, seg as PathSegment)
  return value
}

export function hasValueAt(data: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return data !== undefined
  const parent = valueAt(data, path.slice(0, -1))
  return parent !== null && typeof parent === 'object' && Object.hasOwn(parent, path[path.length - 1]!)
}
