import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { appendFileSync, existsSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import type { Workspace } from './testing/workspace.ts'
import { workspace } from './testing/workspace.ts'

const BIN = fileURLToPath(new URL('../bin/rina.js', import.meta.url))
const HDFS = '/work/shared/data/loghub/HDFS/HDFS_2k.log'

const FIXTURE = [
  '2026-01-05 10:00:01 INFO user 17 logged in from 10.0.0.1',
  '2026-01-05 10:00:02 INFO user 42 logged in from 10.0.0.7',
  '2026-01-05 10:00:03 WARN cache miss for key "cart,42", refilling',
  '2026-01-05 10:00:04 ERROR payment failed: card declined, code=51',
  '2026-01-05 10:00:05 WARN cache miss for key "cart,17", refilling',
].join('\n')

const CONFIG = `project: shop
environments:
  staging:
    services:
      api:
        deploy: { type: command, deploy: "true" }
        logs:
          - type: file
            path: logs/api.log
            from: start
            masks: [{ name: request-id, pattern: "req-[a-z]+" }]
          - { type: command, run: "echo worker ready; exec sleep 60" }
  production:
    services:
      api: { deploy: { type: command, deploy: "true" } }
`

interface Row {
  lines: string[]
  template: string
  new: boolean
  severity: string
}

/** Runs the real binary with text on standard input. */
function rinaWithStdin(
  cwd: string,
  args: string[],
  input: string,
): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } })
    let stdout = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, stdout }))
    child.stdin.end(input)
  })
}

describe('rina logs (end to end)', () => {
  let ws: Workspace
  before(() => {
    ws = workspace({ 'app.log': `${FIXTURE}\n`, 'rina.yml': CONFIG, 'logs/api.log': 'boot: api starting\n' })
  })
  after(() => ws.dispose())

  it('prints the LineId,EventTemplate header and one quoted row per line when parsing with --csv', async () => {
    const r = await ws.rina(['logs', 'parse', 'app.log', '--csv'])
    assert.equal(r.code, 0, r.stderr)
    assert.equal(
      r.stdout,
      [
        'LineId,EventTemplate',
        '1,user <*> logged in from <*>',
        '2,user <*> logged in from <*>',
        '3,"cache miss for key ""cart,<*>"", refilling"',
        '4,"payment failed: card declined, code=<*>"',
        '5,"cache miss for key ""cart,<*>"", refilling"',
        '',
      ].join('\n'),
    )
  })

  it('reads standard input when the file is -', async () => {
    const r = await rinaWithStdin(
      ws.dir,
      ['logs', 'parse', '-', '--csv'],
      'a b 1\na b 2\r\nlast without newline',
    )
    assert.equal(r.code, 0)
    assert.deepEqual(r.stdout.split('\n'), [
      'LineId,EventTemplate',
      '1,a b <*>',
      '2,a b <*>',
      '3,last without newline',
      '',
    ])
  })

  it('prints line id, template id and template by default', async () => {
    const r = await ws.rina(['logs', 'parse', 'app.log'])
    assert.equal(r.code, 0, r.stderr)
    const rows = r.stdout.trimEnd().split('\n')
    assert.match(rows[0]!, /^LINE\s+TEMPLATE ID\s+TEMPLATE$/)
    assert.equal(rows.length, 6)
    assert.match(rows[4]!, /^4\s+\S+\s+payment failed: card declined, code=<\*>$/)
  })

  it('summarises templates, errors and anomalies as JSON when analysing with --json', async () => {
    const r = await ws.rina(['logs', 'analyze', 'app.log', '--json'])
    assert.equal(r.code, 0, r.stderr)
    const out = JSON.parse(r.stdout) as {
      lines: number
      templates: number
      top: { template: string; count: number; severity: string }[]
      errors: { template: string }[]
      anomalies: unknown[]
    }
    assert.equal(out.lines, 5)
    assert.equal(out.templates, 3)
    assert.deepEqual(
      out.top.map((t) => [t.count, t.severity]),
      [
        [2, 'info'],
        [2, 'warning'],
        [1, 'error'],
      ],
    )
    assert.deepEqual(
      out.errors.map((e) => e.template),
      ['payment failed: card declined, code=<*>'],
    )
    assert.deepEqual(out.anomalies, [])
  })

  it('exits 2 naming the mask when a --mask pattern is invalid', async () => {
    const r = await ws.rina(['logs', 'parse', 'app.log', '--mask', 'bad=(', '--csv'])
    assert.equal(r.code, 2)
    assert.match(r.stderr, /invalid --mask bad/)
  })

  it(
    'prints 2,001 lines in the scorer format when parsing the LogHub HDFS sample',
    {
      skip: existsSync(HDFS)
        ? false
        : `${HDFS} is not on this machine (LogHub data is not in the repository)`,
    },
    async () => {
      const r = await ws.rina(['logs', 'parse', HDFS, '--csv'])
      assert.equal(r.code, 0, r.stderr)
      const lines = r.stdout.split('\n')
      assert.equal(lines.at(-1), '')
      assert.equal(lines.length - 1, 2_001)
      assert.equal(lines[0], 'LineId,EventTemplate')
      assert.match(lines[1]!, /^1,PacketResponder <\*> for block <\*> terminating$/)
      assert.match(lines[2_000]!, /^2000,/)
    },
  )

  it(
    'follows the file and command sources of an environment until interrupted',
    { timeout: 60_000 },
    async () => {
      const child = spawn(process.execPath, [BIN, 'logs', 'tail', 'staging', 'api', '--json'], {
        cwd: ws.dir,
        env: { ...process.env, NO_COLOR: '1' },
      })
      let stdout = ''
      let stderr = ''
      const seen = (pred: (rows: Row[]) => boolean) =>
        new Promise<void>((resolve, reject) => {
          const check = () => {
            const rows = stdout
              .split('\n')
              .filter((l) => l.startsWith('{"time"'))
              .map((l) => JSON.parse(l) as Row)
            if (pred(rows)) resolve()
          }
          child.stdout.on('data', (d: Buffer) => {
            stdout += d.toString()
            check()
          })
          child.on('close', () => reject(new Error(`tail ended early: ${stderr}`)))
          check()
        })
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
      const has = (rows: { lines: string[] }[], text: string) => rows.some((r) => r.lines[0] === text)
      await seen((rows) => has(rows, 'boot: api starting') && has(rows, 'worker ready'))
      appendFileSync(
        `${ws.dir}/logs/api.log`,
        'ERROR request 7 failed for req-abcdef: upstream refused\n' +
          '    at com.shop.Api.call(Api.java:42)\n' +
          '    at com.shop.Main.run(Main.java:7)\n',
      )
      await seen((rows) =>
        rows.some(
          (r) =>
            r.template === 'request <*> failed for <*>: upstream refused' &&
            r.lines.length === 3 &&
            r.new &&
            r.severity === 'error',
        ),
      )
      const exit = new Promise<number | null>((resolve) => child.on('close', resolve))
      child.kill('SIGINT')
      assert.equal(await exit, 0, stderr)
      assert.match(stderr, /following staging\/api#1, staging\/api#2/)
    },
  )
})
