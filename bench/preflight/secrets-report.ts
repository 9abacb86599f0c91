/** @module Renders the secrets benchmark as the "Preflight secrets" section of docs/benchmarks.md. */
import type { CorpusScore, Counts, FamilyScore } from './corpus.ts'
import type { HistoryBench } from './history.ts'

export interface Throughput {
  files: number
  bytes: number
  ours: { best: number; findings: number }
  secretlint: { best: number; findings: number }
}

export interface SecretsBench {
  command: string
  corpus: { ours: CorpusScore; secretlint: CorpusScore }
  throughput: Throughput | null
  history: HistoryBench | null
  versions: { secretlint: string; preset: string }
  mb: number
}

const f3 = (n: number) => (Number.isFinite(n) ? n.toFixed(3) : '—')
const pct = (c: Counts) => `${(c.fp_rate * 100).toFixed(1)} % (${c.fp} of ${c.negatives})`
const check = (ok: boolean) => (ok ? '✓' : '✗')
const ratio = (found: number, n: number) => (n === 0 ? '—' : `${found}/${n}`)
const precision = (f: FamilyScore) => (f.found + f.flagged === 0 ? '—' : f3(f.found / (f.found + f.flagged)))

export function secretsMarkdown(b: SecretsBench): string {
  const { ours, secretlint } = b.corpus
  const sl = `secretlint ${b.versions.secretlint} (preset-recommend ${b.versions.preset})`
  const row = (name: string, c: Counts, target: boolean) =>
    `| ${name} | ${f3(c.precision)}${target ? ` ${check(c.precision >= 0.95)}` : ''} | ${f3(c.recall)}${
      target ? ` ${check(c.recall >= 0.95)}` : ''
    } | ${f3(c.f1)} | ${pct(c)} |`
  const out = [
    '## Preflight secrets',
    '',
    `Command: \`${b.command}\` (also \`npm run bench -- secrets --write\`; ${new Date().toISOString().slice(0, 10)}, ` +
      '2-core machine shared with other work: compare the ratios, absolute figures vary with load).',
    '',
    `The labeled corpus in \`../shared/data/secrets\` (${ours.all.positives} positives, ${ours.all.negatives} negatives, ` +
      `every file scanned as added content) is scored with its own \`score.mjs\`; ${sl} runs in the same process ` +
      'over the same in-memory contents through its programmatic engine. Targets: precision and recall ≥ 0.95.',
    '',
    '| scanner · set | precision | recall | F1 | negatives flagged |',
    '| --- | ---: | ---: | ---: | ---: |',
    row('preflight · whole corpus', ours.all, true),
    row(`${sl} · whole corpus`, secretlint.all, false),
    row('preflight · excluding secretlint’s own fixtures', ours.excluding_secretlint_fixtures, false),
    row(`${sl} · excluding its own fixtures`, secretlint.excluding_secretlint_fixtures, false),
    '',
    `Families with at least one hit: preflight ${ours.families_with_any_hit}, secretlint ${secretlint.families_with_any_hit}.`,
    '',
  ]
  if (b.throughput) {
    const t = b.throughput
    const mib = t.bytes / 2 ** 20
    const o = mib / t.ours.best
    const s = mib / t.secretlint.best
    out.push(
      `Throughput on a ${b.mb} MB tree from \`gen-tree.mjs\` (${t.files.toLocaleString('en-US')} files, ` +
        `${mib.toFixed(1)} MiB, read into memory first; scanning only, one core):`,
      '',
      '| scanner | MiB/s | seconds | findings | ratio | target |',
      '| --- | ---: | ---: | ---: | ---: | --- |',
      `| preflight (best of 3) | ${o.toFixed(1)} | ${t.ours.best.toFixed(2)} | ${t.ours.findings} | ${(o / s).toFixed(1)}× | ≥ 5× ${check(o / s >= 5)} |`,
      `| ${sl} (1 run) | ${s.toFixed(1)} | ${t.secretlint.best.toFixed(2)} | ${t.secretlint.findings} | 1× | |`,
      '',
    )
  }
  if (b.history) {
    const h = b.history
    const best = Math.min(...h.runs)
    out.push(
      `Preflight end to end (\`runPreflight\`: resolve the range, \`git diff\`, file history, all rules) on a ` +
        `repository of ${h.commits.toLocaleString('en-US')} commits made with \`git fast-import\`, for a head commit ` +
        `that adds ${h.changedLines.toLocaleString('en-US')} lines to ${h.changedFiles} files: ` +
        `${h.runs.map((s) => `${s.toFixed(2)} s`).join(', ')} (first run cold), target < 2 s ${check(best < 2)}. ` +
        `Last run by stage: ${Object.entries(h.stages)
          .map(([k, v]) => `${k} ${v.toFixed(2)} s`)
          .join(', ')}.`,
      '',
    )
  }
  out.push(...familyTable(ours, secretlint), ...NOTES)
  return `${out.join('\n')}\n`
}

function familyTable(ours: CorpusScore, sl: CorpusScore): string[] {
  const names = Object.keys(ours.families).sort(
    (a, b) =>
      ours.families[b]!.positives - ours.families[a]!.positives ||
      ours.families[b]!.negatives - ours.families[a]!.negatives ||
      a.localeCompare(b),
  )
  return [
    '<details><summary>By family: found/positives, flagged/negatives and precision, for both scanners</summary>',
    '',
    '| family | preflight found | secretlint found | preflight flagged | secretlint flagged | preflight precision | secretlint precision |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...names.map((n) => {
      const o = ours.families[n]!
      const s = sl.families[n]!
      return `| ${n} | ${ratio(o.found, o.positives)} | ${ratio(s.found, s.positives)} | ${ratio(o.flagged, o.negatives)} | ${ratio(s.flagged, s.negatives)} | ${precision(o)} | ${precision(s)} |`
    }),
    '',
    '</details>',
    '',
  ]
}

const NOTES = [
  '- secretlint 13.x and 12.x declare `node >= 22`; 11.7.1 is the newest release that supports Node 20, so it is the ' +
    'root dev dependency used here. It is driven through `@secretlint/node`’s engine per file, which avoids the CLI’s ' +
    'file-count slowdown the corpus README mentions. That slowdown comes from its profiler, which searches every ' +
    'performance mark recorded so far at each new one; those callbacks run after the timed loop, so the secretlint ' +
    'figure here is its scanning alone.',
  '- Negatives are attributed to the family named by their file (or fixture folder); a family’s precision is ' +
    'found / (found + flagged) within that family.',
  '- Left unflagged on purpose: values made of filler or placeholder words (`AP6xxxxxxxxxx`, `sk_live_AAAA…`, ' +
    '`tskey-api-AAAA…`, `…EXAMPLE`), publishable and public keys (`FLWPUBK_…`, `pk_live_…`), tenant and client ids, ' +
    'and `user:pass@example.com`.',
  '- The tree’s findings are its planted secrets plus generated `sessionToken: "<40 hex>"`-style assignments, ' +
    'which the generic rule reports by design (a random literal under a token name).',
  '- Speed: one Aho–Corasick pass per text finds every literal any detector needs (provider prefixes, secret-like ' +
    'words in lower, upper and capitalized spellings, `://`, header names); each pattern then runs only on the ' +
    'lines holding one of its literals. Before this, about 100 substring and regex passes per text gave ~27 MiB/s.',
  '- Detectors: self-identifying provider formats, provider formats ' +
    'recognized by a name that mentions the provider (`SONAR_LOGIN`, `hubspot_token` …), private key blocks, ' +
    'credentials in URLs, HTTP basic/bearer/API-key headers, Kubernetes Secret data, and secret-like names with ' +
    'literal values (entropy scaled to the value’s alphabet; placeholders, references, templates, hashes, ' +
    'sequences and encoded prose skipped).',
]
