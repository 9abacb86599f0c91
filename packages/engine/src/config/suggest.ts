/** @module "Did you mean …?": the nearest allowed word by edit distance, for unknown keys and values. */

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1
  const cols = b.length + 1
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1)
      d[i]![j] = best
    }
  }
  return d[a.length]![b.length]!
}

/**
 * The candidate closest to `word`, or null when none is close enough to be a plausible typo (at most a third of
 * the word's length, and at least 2 edits allowed). Case differences count as half an edit.
 */
export function nearest(word: string, candidates: readonly string[]): string | null {
  const limit = Math.max(2, Math.floor(word.length / 3))
  let best: string | null = null
  let bestScore = Infinity
  for (const c of candidates) {
    if (c === word) continue
    const folded = editDistance(word.toLowerCase(), c.toLowerCase())
    const score = folded + (folded === 0 ? 0.5 : editDistance(word, c) > folded ? 0.5 : 0)
    if (score <= limit && score < bestScore) {
      best = c
      bestScore = score
    }
  }
  return best
}

/** `did you mean "x"? ` prefix (or empty) followed by the list of allowed words. */
export function suggestHint(word: string, candidates: readonly string[], noun: string): string {
  const guess = nearest(word, candidates)
  const list = candidates.length > 0 ? `${noun}: ${candidates.join(', ')}` : `no ${noun} are defined`
  return guess === null ? list : `did you mean "${guess}"? ${list}`
}
