/** @module Where the token comes from: the fragment first (and taken out of it), else the session. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { readBoot } from './auth.ts'

describe('readBoot', () => {
  it('takes token and API origin from the fragment and leaves the rest when both are given', () => {
    assert.deepEqual(readBoot('#token=rwd_abc&api=http://127.0.0.1:7070/&view=runs', 'http://x', 'rwd_old'), {
      token: 'rwd_abc',
      api: 'http://127.0.0.1:7070',
      rest: '#view=runs',
    })
  })

  it('falls back to the stored token and the page origin when the fragment has none', () => {
    assert.deepEqual(readBoot('', 'http://127.0.0.1:7070', 'rwd_kept'), {
      token: 'rwd_kept',
      api: 'http://127.0.0.1:7070',
      rest: '',
    })
    assert.equal(readBoot('#token=', 'http://x', null).token, null)
  })
})
