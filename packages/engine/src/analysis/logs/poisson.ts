/** @module Poisson upper tail P(X ≥ k) for a rate λ, computed in log space so large counts stay finite. */

const LOG_FACT_SMALL: number[] = [0]
for (let n = 1; n < 32; n++) LOG_FACT_SMALL.push(LOG_FACT_SMALL[n - 1]! + Math.log(n))

/** ln(n!) exactly below 32, by Stirling's series above. */
export function logFactorial(n: number): number {
  if (n < 32) return LOG_FACT_SMALL[n]!
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n) - 1 / (360 * n ** 3)
}

/** P(X ≥ k) for X ~ Poisson(λ); 1 when k ≤ λ (no excess at all). */
export function poissonTail(k: number, lambda: number): number {
  if (k <= 0 || k <= lambda) return 1
  if (lambda <= 0) return 0
  let term = Math.exp(-lambda + k * Math.log(lambda) - logFactorial(k))
  let sum = 0
  for (let i = k; i < k + 10_000 && term > sum * 1e-12; i++) {
    sum += term
    term *= lambda / (i + 1)
  }
  return Math.min(1, sum)
}
