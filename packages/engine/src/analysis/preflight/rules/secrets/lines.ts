/** @module Maps character offsets of a text to 1-based line numbers (built once, looked up by binary search). */

export class LineIndex {
  readonly #starts: number[]

  constructor(text: string) {
    const starts = [0]
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
    this.#starts = starts
  }

  /** 1-based line of the character at `offset`. */
  lineOf(offset: number): number {
    const s = this.#starts
    let lo = 0
    let hi = s.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (s[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }

  /** Start offset of a 1-based line. */
  startOf(line: number): number {
    return this.#starts[line - 1] ?? 0
  }

  get count(): number {
    return this.#starts.length
  }
}
