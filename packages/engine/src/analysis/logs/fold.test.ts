import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createFolder } from './fold.ts'
import type { LogEvent } from './fold.ts'
import { preprocess } from './preprocess.ts'

const fold = (text: string): LogEvent[] => {
  const f = createFolder()
  const out: LogEvent[] = []
  for (const l of text.split('\n')) out.push(...f.push(preprocess(l)))
  return [...out, ...f.flush()]
}

describe('createFolder', () => {
  it('folds a Java exception with its frames and cause into the line that logged it', () => {
    const events = fold(
      [
        '2024-01-02 10:11:12,123 ERROR [main] com.acme.Worker: job failed',
        'java.lang.IllegalStateException: bad state',
        '\tat com.acme.Worker.run(Worker.java:42)',
        '\tat java.lang.Thread.run(Thread.java:750)',
        'Caused by: java.io.IOException: disk full',
        '\tat com.acme.Disk.write(Disk.java:7)',
        '\t... 2 more',
        '2024-01-02 10:11:13,000 INFO [main] com.acme.Worker: next job',
      ].join('\n'),
    )
    assert.equal(events.length, 2)
    const [e] = events
    assert.equal(e!.message, 'job failed')
    assert.equal(e!.frames.length, 3)
    assert.deepEqual(e!.exceptions, [
      { type: 'java.lang.IllegalStateException', message: 'bad state' },
      { type: 'java.io.IOException', message: 'disk full' },
    ])
    assert.equal(e!.lines.length, 7)
  })

  it('folds a Node stack printed after an error message when frames follow it', () => {
    const events = fold(
      [
        'TypeError: Cannot read properties of undefined',
        '    at handler (/app/src/api.js:10:5)',
        '    at process (node:internal/x:1:1)',
        'server listening',
      ].join('\n'),
    )
    assert.equal(events.length, 2)
    assert.equal(events[0]!.frames.length, 2)
    assert.deepEqual(events[0]!.exceptions, [
      { type: 'TypeError', message: 'Cannot read properties of undefined' },
    ])
  })

  it('folds a Python traceback up to its final exception line', () => {
    const events = fold(
      [
        'ERROR:root:request failed',
        'Traceback (most recent call last):',
        '  File "/app/main.py", line 3, in <module>',
        '    run()',
        '  File "/app/main.py", line 2, in run',
        '    raise ValueError("bad input")',
        'ValueError: bad input',
        'INFO:root:retrying',
      ].join('\n'),
    )
    assert.equal(events.length, 2)
    assert.equal(events[0]!.frames.length, 2)
    assert.deepEqual(events[0]!.exceptions, [{ type: 'ValueError', message: 'bad input' }])
    assert.equal(events[1]!.raw, 'INFO:root:retrying')
  })

  it('folds the stack carried in a JSON line when the logger serialised the error', () => {
    const [e] = fold(
      '{"level":50,"msg":"boom","err":{"stack":"Error: boom\\n    at f (a.js:1:2)\\n    at g (b.js:3:4)"}}',
    )
    assert.equal(e!.frames.length, 2)
    assert.deepEqual(e!.exceptions, [{ type: 'Error', message: 'boom' }])
  })

  it('keeps ordinary lines as one event each when nothing continues them', () => {
    assert.equal(fold('a happened\nb happened\nc happened').length, 3)
  })
})
