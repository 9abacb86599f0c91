/**
 * @module A uPlot time-series chart that fills its container, follows the theme's colours and redraws in place
 * when new data arrives. A text summary beside it gives the same figures to screen readers.
 */
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { h } from './dom.ts'

const PALETTE = ['--c1', '--c2', '--c3', '--c4', '--c5', '--c6']

export interface Chart {
  el: HTMLElement
  update(series: string[], data: (number | null)[][]): void
}

const cssVar = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim()

export function createChart(title: string, unit: string): Chart {
  const box = h('div', { class: 'chart-box' })
  const summary = h('p', { class: 'sr-only' })
  const el = h('figure', { class: 'chart', 'aria-label': title }, h('figcaption', {}, title), box, summary)
  let plot: uPlot | null = null
  let shape = ''
  let last: { series: string[]; data: (number | null)[][] } = { series: [], data: [[]] }

  const make = () => {
    plot?.destroy()
    const axis = {
      stroke: cssVar('--muted'),
      grid: { stroke: cssVar('--grid'), width: 1 },
      ticks: { show: false },
    }
    plot = new uPlot(
      {
        width: Math.max(box.clientWidth, 240),
        height: 160,
        legend: { show: true },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true } },
        axes: [axis, { ...axis, values: (_u, ticks) => ticks.map((v) => `${v}${unit}`) }],
        series: [
          {},
          ...last.series.map((label, i) => ({
            label,
            stroke: cssVar(PALETTE[i % PALETTE.length]!),
            width: 2,
            spanGaps: true,
            points: { show: true, size: 5 },
          })),
        ],
      },
      last.data as uPlot.AlignedData,
      box,
    )
  }

  new ResizeObserver(() => plot?.setSize({ width: Math.max(box.clientWidth, 240), height: 160 })).observe(box)
  window.addEventListener('rina-theme', () => plot && make())

  return {
    el,
    update(series, data) {
      last = { series, data }
      const times = data[0] ?? []
      summary.textContent = series.length
        ? series
            .map((s, i) => `${s}: latest ${data[i + 1]?.findLast((v) => v !== null) ?? 'none'}${unit}`)
            .join('; ')
        : 'no data yet'
      const next = series.join('|')
      if (!plot || next !== shape) {
        shape = next
        return make()
      }
      if (times.length) plot.setData(data as uPlot.AlignedData)
    },
  }
}
