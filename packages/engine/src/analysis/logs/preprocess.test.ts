import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { preprocess } from './preprocess.ts'

describe('preprocess', () => {
  it('templates the message field and keeps level, time and context when the line is pino JSON', () => {
    const p = preprocess(
      '{"level":50,"time":1700000000000,"pid":7,"hostname":"h","reqId":"r1","msg":"db down"}',
    )
    assert.equal(p.format, 'json')
    assert.equal(p.message, 'db down')
    assert.equal(p.level, 'error')
    assert.equal(p.time, 1700000000000)
    assert.deepEqual(p.context, { reqId: 'r1' })
  })

  it('reads winston and bunyan field names and an error stack when the line carries them', () => {
    const w = preprocess(
      '{"level":"warn","message":"slow query","timestamp":"2024-01-02T10:11:12.000Z","ms":812}',
    )
    assert.equal(w.level, 'warn')
    assert.equal(w.time, Date.parse('2024-01-02T10:11:12.000Z'))
    assert.deepEqual(w.context, { ms: 812 })
    const b = preprocess(
      '{"name":"api","level":60,"msg":"","err":{"stack":"Error: boom\\n    at f (a.js:1:2)"}}',
    )
    assert.equal(b.message, 'Error: boom')
    assert.equal(b.level, 'fatal')
    assert.match(b.stack ?? '', /at f/)
  })

  it('strips the columns and reads the Unix time when the line is an HPC-style column export', () => {
    const p = preprocess(
      '134681 node-246 unix.hw state_change.unavailable 1077804742 1 Component State Change: Component alt0 is unavailable',
    )
    assert.equal(p.format, 'epoch-columns')
    assert.equal(p.message, 'Component State Change: Component alt0 is unavailable')
    assert.equal(p.time, 1077804742000)
    assert.equal(p.source, 'unix.hw')
    assert.deepEqual(p.context, {
      column1: 'node-246',
      column2: 'unix.hw',
      column3: 'state_change.unavailable',
      flag: 1,
    })
    const negative = preprocess('2290 node-70 partition status 1084421440 -1 Partition state not ready')
    assert.equal(negative.message, 'Partition state not ready')
  })

  it('keeps a line whole when a number in it is not a Unix time after record columns', () => {
    assert.equal(preprocess('user 1234567890 logged in').format, 'plain')
    assert.equal(preprocess('42 retries: 1234567890 then gave up').format, 'plain')
    assert.equal(preprocess('7 jobs 123456789 bytes moved').format, 'plain')
  })

  it('returns the whole line as a plain message when nothing is recognised', () => {
    const p = preprocess('just words here')
    assert.equal(p.format, 'plain')
    assert.equal(p.message, 'just words here')
    assert.equal(p.level, null)
  })

  const shapes: [string, string, string, string | null][] = [
    [
      '127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET /a/b HTTP/1.1" 503 12 "-" "curl/8"',
      'access',
      'GET /a/b HTTP/1.1 503',
      'error',
    ],
    [
      '2024/01/02 10:11:12 [error] 99#0: *5 connect() failed (111: Connection refused)',
      'nginx-error',
      'connect() failed (111: Connection refused)',
      'error',
    ],
    [
      '[Sun Dec 04 04:47:44 2005] [error] mod_jk child workerEnv in error state 6',
      'apache-error',
      'mod_jk child workerEnv in error state 6',
      'error',
    ],
    [
      'Dec 10 06:55:46 LabSZ sshd[24200]: Invalid user webmaster from 173.234.31.186',
      'syslog',
      'Invalid user webmaster from 173.234.31.186',
      null,
    ],
    ['<11>1 2024-01-02T10:11:12Z host app 42 - - disk failed', 'syslog', 'disk failed', 'error'],
    [
      '[2024-01-02 10:11:12.123] [warn] (updater) Update feed unreachable',
      'electron',
      'Update feed unreachable',
      'warn',
    ],
    [
      '[4242:0102/101112.123:ERROR:gpu_init.cc(523)] Passthrough is not supported',
      'chromium',
      'Passthrough is not supported',
      'error',
    ],
    [
      '2015-10-18 18:01:47,978 INFO [main] org.apache.hadoop.App: Created app 1',
      'timestamped',
      'Created app 1',
      'info',
    ],
    [
      '03-17 16:13:38.811  1702  2395 D WindowManager: focus changed',
      'timestamped',
      'focus changed',
      'debug',
    ],
    [
      '2016-09-28 04:30:30, Info                  CBS    Loaded Servicing Stack',
      'timestamped',
      'Loaded Servicing Stack',
      'info',
    ],
  ]
  for (const [line, format, message, level] of shapes) {
    it(`strips the ${format} header when the line is ${format}`, () => {
      const p = preprocess(line)
      assert.equal(p.format, format)
      assert.equal(p.message, message)
      assert.equal(p.level, level)
    })
  }

  it('takes the source from the header when a syslog line names its program', () => {
    const p = preprocess('2024-01-02T10:11:12+00:00 web-1 nginx[123]: started worker')
    assert.equal(p.source, 'nginx')
    assert.deepEqual(p.context, { host: 'web-1', pid: 123 })
  })
})
