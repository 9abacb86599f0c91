/**
 * @module LogHub 2k benchmark of the template miner: `node --import tsx bench/logs/loghub.ts [--write]`.
 * Parses each data set's Content column (and, separately, the raw .log lines through preprocess), scores the
 * predictions with the data set's scorer, then measures throughput on a ~1M-line mix beside a same-run baseline
 * (split on whitespace plus a Map lookup), and memory and throughput on 10M generated lines that never repeat
 * (stream.ts, in a child process with --expose-gc). --write replaces the "Log template mining" section of
 * docs/benchmarks.md.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { createMiner, parseLines, preprocess } from '../../packages/engine/src/analysis/logs/index.ts'
import { parseCsv, toCsv } from './csv.ts'

const DATA = process.env.LOGHUB_DIR ?? new URL('../../../shared/data/loghub/', import.meta.url).pathname
const OUT = new URL('../.out/logs/', import.meta.url).pathname
const SETS = ['Android', 'Apache', 'BGL', 'HDFS', 'HPC', 'Hadoop', 'OpenSSH', 'OpenStack', 'Spark', 'Windows']
const METRICS = ['GA', 'FGA', 'PA', 'FTA'] as const
const DRAIN: Record<string, number[]> = {
  Android: [0.8565, 0.7702, 0.5305, 0.4907],
  Apache: [1.0, 1.0, 0.6935, 0.5],
  BGL: [0.9625, 0.8333, 0.3435, 0.2193],
  HDFS: [0.9975, 0.8387, 0.6255, 0.5161],
  HPC: [0.887, 0.7527, 0.6355, 0.3656],
  Hadoop: [0.9475, 0.8203, 0.5135, 0.2949],
  OpenSSH: [0.789, 0.88, 0.508, 0.44],
  OpenStack: [0.7325, 0.117, 0.0185, 0.0175],
  Spark: [0.92, 0.7692, 0.382, 0.4],
  Windows: [0.997, 0.932, 0.462, 0.4078],
}
const DRAIN_MEAN = [0.909, 0.771, 0.471, 0.365]
const DRAIN_RATE = 30_000

type Scores = number[]
const f3 = (n: number) => n.toFixed(3)
const mean = (rows: Scores[]) => METRICS.map((_, i) => rows.reduce((s, r) => s + r[i]!, 0) / rows.length)

function score(set: string, mode: string, templates: readonly string[]): Scores {
  const file = `${OUT}${set}.${mode}.csv`
  writeFileSync(
    file,
    toCsv(
      ['LineId', 'EventTemplate'],
      templates.map((t, i) => [String(i + 1), t]),
    ),
  )
  const truth = `${DATA}${set}/${set}_2k.log_structured.csv`
  const r = JSON.parse(
    execFileSync('node', [`${DATA}score.mjs`, truth, file, '--json'], { encoding: 'utf8' }),
  )
  return METRICS.map((m) => Number(r[m]))
}

function accuracy(mode: 'content' | 'raw'): { rows: [string, Scores][]; mean: Scores } {
  const rows: [string, Scores][] = []
  for (const set of SETS) {
    const truth = parseCsv(readFileSync(`${DATA}${set}/${set}_2k.log_structured.csv`, 'utf8'))
    const lines =
      mode === 'content'
        ? truth.map((r) => r.Content!)
        : readFileSync(`${DATA}${set}/${set}_2k.log`, 'utf8').split('\n').slice(0, truth.length)
    const parsed = parseLines(lines, { preprocess: mode === 'raw' })
    rows.push([
      set,
      score(
        set,
        mode,
        parsed.map((p) => p.template),
      ),
    ])
  }
  return { rows, mean: mean(rows.map((r) => r[1])) }
}

function throughput(mode: 'content' | 'raw', repeat: number) {
  const base: string[] = []
  for (const set of SETS) {
    if (mode === 'content') {
      base.push(
        ...parseCsv(readFileSync(`${DATA}${set}/${set}_2k.log_structured.csv`, 'utf8')).map(
          (r) => r.Content!,
        ),
      )
    } else
      base.push(
        ...readFileSync(`${DATA}${set}/${set}_2k.log`, 'utf8')
          .split('\n')
          .filter((l) => l !== ''),
      )
  }
  const mix: string[] = []
  for (let i = 0; i < repeat; i++) for (const l of base) mix.push(l)
  const b0 = performance.now()
  const seen = new Map<string, number>()
  for (const l of mix) {
    const k = (mode === 'content' ? l : preprocess(l).message).trim().split(/\s+/)
    const key = `${k.length} ${k[0]}`
    seen.set(key, (seen.get(key) ?? 0) + 1)
  }
  const baseline = mix.length / ((performance.now() - b0) / 1000)
  const miner = createMiner()
  const t0 = performance.now()
  if (mode === 'content') for (const l of mix) miner.add(l)
  else for (const l of mix) miner.add(preprocess(l).message)
  const seconds = (performance.now() - t0) / 1000
  const heapMb = process.memoryUsage().heapUsed / 1e6
  return { lines: mix.length, rate: mix.length / seconds, baseline, stats: miner.stats(), heapMb }
}

interface StreamRun {
  lines: number
  templates: number
  minerRate: number
  baselineRate: number
  retainedMb: number
  stats: { clusters: number; groups: number; cachedLines: number; evicted: number }
}

function stream(lines: number): StreamRun {
  const script = new URL('./stream.ts', import.meta.url).pathname
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, String(lines)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  })
  return JSON.parse(out) as StreamRun
}

function table(title: string, r: { rows: [string, Scores][]; mean: Scores }): string {
  const head = `| data set | GA | FGA | PA | FTA | Drain GA / FGA / PA / FTA |\n| --- | --- | --- | --- | --- | --- |`
  const body = r.rows.map(
    ([s, v]) => `| ${s} | ${v.map(f3).join(' | ')} | ${DRAIN[s]!.map(f3).join(' / ')} |`,
  )
  const m = `| **mean** | **${r.mean.map(f3).join('** | **')}** | ${DRAIN_MEAN.map(f3).join(' / ')} |`
  return [`### ${title}`, '', head, ...body, m].join('\n')
}

mkdirSync(OUT, { recursive: true })
const write = process.argv.includes('--write')
const repeat = Number(process.env.LOGHUB_REPEAT ?? 51)
const content = accuracy('content')
console.log(table('Content column', content) + '\n')
const raw = accuracy('raw')
console.log(table('Raw lines (headers stripped by preprocess, no per-data-set format)', raw) + '\n')
const tc = throughput('content', repeat)
const tr = throughput('raw', repeat)
const n = (x: number) => Math.round(x).toLocaleString('en-US')
const perf = [
  '### Throughput (one core, single pass, fresh miner)',
  '',
  'Each input runs first through a baseline that only splits lines on whitespace and counts them in a Map, then',
  'through the miner, in the same process: the ratio holds on a loaded machine where absolute rates do not.',
  'The mix is the 20,000 LogHub lines repeated, so most lines come again; the stream below never repeats.',
  '',
  '| input | lines | miner lines/s | baseline lines/s | miner / baseline | Drain3 lines/s | clusters | cached lines | heap after |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...[['Content mix', tc] as const, ['Raw-line mix (preprocess + mine)', tr] as const].map(
    ([name, t]) =>
      `| ${name} | ${n(t.lines)} | ${n(t.rate)} | ${n(t.baseline)} | ${(t.rate / t.baseline).toFixed(2)} | ${n(DRAIN_RATE)} | ${t.stats.clusters} | ${t.stats.cachedLines} | ${t.heapMb.toFixed(0)} MB |`,
  ),
].join('\n')
console.log(perf + '\n')
const st = stream(Number(process.env.LOGHUB_STREAM ?? 10_000_000))
const memory = [
  '### Memory on a stream that never repeats',
  '',
  `\`bench/logs/stream.ts\`: ${n(st.lines)} generated lines over ${st.templates} templates whose ids, IPs, numbers,`,
  'paths, hex values, UUIDs and durations are new on every line. Retained state is the heap growth after a full',
  'collection (`--expose-gc`) with the miner still alive; rates are timed per chunk, baseline and miner in turn.',
  '',
  '| lines | retained state | clusters | groups | cached lines | evicted | miner lines/s | baseline lines/s | miner / baseline |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  `| ${n(st.lines)} | ${st.retainedMb.toFixed(1)} MB | ${st.stats.clusters} | ${st.stats.groups} | ${st.stats.cachedLines} | ${st.stats.evicted} | ${n(st.minerRate)} | ${n(st.baselineRate)} | ${(st.minerRate / st.baselineRate).toFixed(2)} |`,
].join('\n')
console.log(memory)

if (write) {
  const path = new URL('../../docs/benchmarks.md', import.meta.url)
  const doc = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n'
  const section = [
    '## Log template mining',
    '',
    `Command: \`node --import tsx bench/logs/loghub.ts --write\` (${new Date().toISOString().slice(0, 10)}, ${availableParallelism()}-core machine shared with other work; throughput varies with load).`,
    '',
    'LogHub 2k data sets with the corrected ground truth (Khan et al., ICSE 2022), scored by `score.mjs` from the',
    'benchmark data. The miner runs with its defaults: no per-data-set masks, thresholds or formats. Each line gets',
    'the template of its cluster after the whole file was learned (one learning pass, then a matching pass).',
    'Drain figures are Drain3 with the LogHub per-data-set settings, measured on the same files and scorer.',
    '',
    table('Content column', content),
    '',
    table('Raw lines (headers stripped by preprocess, no per-data-set format)', raw),
    '',
    perf,
    '',
    memory,
    '',
  ].join('\n')
  const re = /## Log template mining\n[\s\S]*?(?=\n## |$)/
  writeFileSync(path, re.test(doc) ? doc.replace(re, section) : `${doc.trimEnd()}\n\n${section}`)
  console.log(`\nwrote ${path.pathname}`)
}
