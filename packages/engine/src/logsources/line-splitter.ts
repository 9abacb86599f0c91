/**
 * @module Splits a byte stream into lines, keeping a partial last line until its newline arrives. Offsets count
 * bytes, so a file reader can resume exactly after any line. A line longer than `maxLineBytes` is cut there,
 * which keeps memory bounded when a writer never ends its line.
 */

export interface SplitLine {
  text: string
  /** Byte offset just after this line's newline (or after the cut), counted from the splitter's start. */
  end: number
}

export interface LineSplitter {
  push(chunk: Uint8Array): SplitLine[]
  /** The partial line, if any, as a last line (at the end of a rotated file or an exited command). */
  flush(): SplitLine | null
  /** Bytes held in the partial line. */
  readonly pending: number
}

const NL = 0x0a
const decoder = new TextDecoder()

const text = (bytes: Uint8Array): string => {
  const s = decoder.decode(bytes)
  return s.endsWith('\r') ? s.slice(0, -1) : s
}

export function createLineSplitter(start = 0, maxLineBytes = 256 * 1024): LineSplitter {
  let partial: Uint8Array = new Uint8Array(0)
  let offset = start

  return {
    push(chunk) {
      const out: SplitLine[] = []
      let buf = partial.length === 0 ? chunk : concat(partial, chunk)
      let from = 0
      for (;;) {
        const nl = buf.indexOf(NL, from)
        if (nl < 0) break
        offset += nl + 1 - from
        out.push({ text: text(buf.subarray(from, nl)), end: offset })
        from = nl + 1
      }
      buf = buf.subarray(from)
      while (buf.length > maxLineBytes) {
        offset += maxLineBytes
        out.push({ text: text(buf.subarray(0, maxLineBytes)), end: offset })
        buf = buf.subarray(maxLineBytes)
      }
      partial = Uint8Array.from(buf) // a copy: the caller reuses its read buffer
      return out
    },
    flush() {
      if (partial.length === 0) return null
      offset += partial.length
      const line = { text: text(partial), end: offset }
      partial = new Uint8Array(0)
      return line
    },
    get pending() {
      return partial.length
    },
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length)
  out.set(a, 0)
  out.set(b, a.length)
  return out
}
