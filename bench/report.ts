/** @module Benchmark results: rows with a side-by-side baseline (ratios matter on shared machines) and targets. */

export interface BenchRow {
  name: string
  value: number
  unit: string
  /** Higher is better unless lowerIsBetter. */
  lowerIsBetter?: boolean
  baseline?: { name: string; value: number }
  target?: number | undefined
}

export interface BenchResult {
  title: string
  rows: BenchRow[]
  notes?: string[]
}

const fmt = (n: number) =>
  n >= 100 || Number.isInteger(n) ? Math.round(n).toLocaleString('en-US') : n.toFixed(2)

export function toMarkdown(r: BenchResult): string {
  const lines = [
    `| measure | result | baseline (same run) | ratio | target |`,
    `| --- | --- | --- | --- | --- |`,
    ...r.rows.map((row) => {
      const ratio =
        row.baseline && row.baseline.value !== 0 ? `${(row.value / row.baseline.value).toFixed(2)}×` : ''
      const base = row.baseline ? `${row.baseline.name}: ${fmt(row.baseline.value)} ${row.unit}` : ''
      const target =
        row.target === undefined
          ? ''
          : `${row.lowerIsBetter ? '≤' : '≥'} ${fmt(row.target)} ${met(row) ? '✓' : '✗'}`
      return `| ${row.name} | ${fmt(row.value)} ${row.unit} | ${base} | ${ratio} | ${target} |`
    }),
  ]
  return [...lines, ...(r.notes ?? []).map((n) => `\n${n}`)].join('\n')
}

const met = (row: BenchRow) => (row.lowerIsBetter ? row.value <= row.target! : row.value >= row.target!)
