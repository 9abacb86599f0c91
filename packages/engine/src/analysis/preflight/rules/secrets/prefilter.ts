/**
 * @module One pass over a text for many literal strings at once (an Aho–Corasick automaton over ASCII), so the
 * detectors look only at the lines where their literals occur instead of each scanning the whole text.
 */

const WIDTH = 128

export class LiteralSet {
  readonly literals: readonly string[]
  readonly #delta: Uint16Array
  /** Per state: index into #outputs, or -1. */
  readonly #out: Int32Array
  readonly #outputs: number[][]
  readonly #ids = new Map<string, number>()
  readonly #lengths: Int32Array

  constructor(literals: Iterable<string>) {
    this.literals = [...new Set(literals)].filter((l) => l.length > 0)
    this.#lengths = Int32Array.from(this.literals, (l) => l.length)
    const next: number[][] = [[]]
    const own: number[][] = [[]]
    this.literals.forEach((lit, id) => {
      this.#ids.set(lit, id)
      let s = 0
      for (let i = 0; i < lit.length; i++) {
        const c = lit.charCodeAt(i)
        if (c >= WIDTH) throw new Error(`literal "${lit}" is not ASCII`)
        if (next[s]![c] === undefined) {
          next[s]![c] = next.length
          next.push([])
          own.push([])
        }
        s = next[s]![c]!
      }
      own[s]!.push(id)
    })
    const n = next.length
    if (n > 0xffff) throw new Error('too many literal states')
    const delta = new Uint16Array(n * WIDTH)
    const fail = new Int32Array(n)
    const outputs: number[][] = own.map((o) => [...o])
    const queue: number[] = []
    for (let c = 0; c < WIDTH; c++) {
      const t = next[0]![c]
      if (t !== undefined) queue.push(t)
      delta[c] = t ?? 0
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!
      outputs[s]!.push(...outputs[fail[s]!]!)
      for (let c = 0; c < WIDTH; c++) {
        const t = next[s]![c]
        if (t === undefined) delta[s * WIDTH + c] = delta[fail[s]! * WIDTH + c]!
        else {
          fail[t] = delta[fail[s]! * WIDTH + c]!
          delta[s * WIDTH + c] = t
          queue.push(t)
        }
      }
    }
    this.#delta = delta
    this.#outputs = outputs
    this.#out = new Int32Array(n).map((_, s) => (outputs[s]!.length > 0 ? s : -1))
  }

  idOf(literal: string): number {
    const id = this.#ids.get(literal)
    if (id === undefined) throw new Error(`"${literal}" is not in the literal set`)
    return id
  }

  /** Every occurrence of every literal, as start offsets per literal (in text order). */
  scan(text: string): TextHits {
    const delta = this.#delta
    const out = this.#out
    const outputs = this.#outputs
    const lengths = this.#lengths
    const found: (number[] | undefined)[] = []
    const ids: number[] = []
    const n = text.length
    let s = 0
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i)
      s = c < WIDTH ? delta[(s << 7) | c]! : 0
      if (out[s]! >= 0)
        for (const id of outputs[s]!) {
          const at = i + 1 - lengths[id]!
          const list = found[id]
          if (list) list.push(at)
          else {
            found[id] = [at]
            ids.push(id)
          }
        }
    }
    return new TextHits(text, this, found, ids)
  }
}

const NONE: readonly number[] = []

export class TextHits {
  readonly text: string
  readonly #set: LiteralSet
  readonly #found: (number[] | undefined)[]
  readonly #ids: number[]

  constructor(text: string, set: LiteralSet, found: (number[] | undefined)[], ids: number[]) {
    this.text = text
    this.#set = set
    this.#found = found
    this.#ids = ids
  }

  /** Start offsets of a literal's occurrences; the literal must be one the set was built with. */
  at(literal: string): readonly number[] {
    return this.#found[this.#set.idOf(literal)] ?? NONE
  }

  /** The literals that occur, each with its start offsets. */
  *entries(): Generator<[string, readonly number[]]> {
    for (const id of this.#ids) yield [this.#set.literals[id]!, this.#found[id]!]
  }

  has(...literals: string[]): boolean {
    return literals.some((l) => this.at(l).length > 0)
  }

  /** The distinct lines holding any occurrence of the literals, as [start, end) offsets in text order. */
  lines(literals: readonly string[]): [number, number][] {
    return this.linesAround(literals.map((l) => this.at(l)))
  }

  /** The distinct lines holding any of these offsets (each list in text order), as [start, end) pairs. */
  linesAround(offsets: readonly (readonly number[])[]): [number, number][] {
    const starts = new Set<number>()
    const out: [number, number][] = []
    for (const list of offsets) {
      let end = -1
      for (const at of list) {
        if (at < end) continue
        const start = this.text.lastIndexOf('\n', at) + 1
        const nl = this.text.indexOf('\n', at)
        end = nl < 0 ? this.text.length : nl
        if (starts.has(start)) continue
        starts.add(start)
        out.push([start, end])
      }
    }
    return out.sort((a, b) => a[0] - b[0])
  }
}

/** Literal spellings of a word as names are written: lower, UPPER and Capitalized. */
export function spellings(word: string): string[] {
  return [word, word.toUpperCase(), word[0]!.toUpperCase() + word.slice(1)]
}
