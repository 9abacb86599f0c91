/** @module The event-stream parser: frames split across chunks, named events, ids, comments and CRLF. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { SseFrame } from './sse.ts'
import { sseParser } from './sse.ts'

describe('sseParser', () => {
  it('yields whole frames when a frame arrives in several chunks', () => {
    const out: SseFrame[] = []
    const p = sseParser((f) => out.push(f))
    p.push('retry: 2000\n\nid: 7\nevent: jour')
    p.push('nal\ndata: {"seq":7}\n\n: keep-alive\n\nevent: live\r\ndata: {}\r\n\r\n')
    assert.deepEqual(out, [
      { event: 'journal', id: '7', data: '{"seq":7}' },
      { event: 'live', id: null, data: '{}' },
    ])
  })

  it('joins data lines with newlines when a frame has several', () => {
    const out: SseFrame[] = []
    sseParser((f) => out.push(f)).push('data: a\ndata: b\n\n')
    assert.deepEqual(out, [{ event: 'message', id: null, data: 'a\nb' }])
  })
})
