import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { findHttpAuth } from './http-auth.ts'

// Fake credentials are assembled at runtime so that no scanner flags this file; none of them is real.
const j = (...parts: string[]) => parts.join('')

const scenarios: { name: string; text: string; found: string | null }[] = [
  {
    name: 'an API token header in curl',
    text: j('curl --header "Api-Token: ', 'Sk94HG7f6KB"'),
    found: 'Sk94HG7f6KB',
  },
  {
    name: 'a token header among others',
    text: j('curl -H "Accept: text/plain" -H \'X-Auth-Token: ', "3fea6af1349166ea'"),
    found: '3fea6af1349166ea',
  },
  {
    name: 'curl basic credentials',
    text: j('curl -u deploy:', 'h0pk1ns~21s', ' https://api.internal'),
    found: 'h0pk1ns~21s',
  },
  {
    name: 'a bearer header',
    text: j('Authorization: Bearer ', 'q8Zr4T1vXw9Lk2Hs7Nd3Pf6G'),
    found: 'q8Zr4T1vXw9Lk2Hs7Nd3Pf6G',
  },
  { name: 'an ordinary header', text: 'curl -H "Content-Type: application/json" https://x', found: null },
  { name: 'a header fed from the environment', text: 'curl -H "X-Api-Key: $API_KEY" https://x', found: null },
  { name: 'a header with a placeholder', text: 'curl -H "Api-Token: <your-token>" https://x', found: null },
  { name: 'a short header value', text: 'curl -H "Token: abc123" https://x', found: null },
]

describe('findHttpAuth', () => {
  for (const s of scenarios) {
    it(`${s.found ? 'reports the value' : 'reports nothing'} when the text holds ${s.name}`, () => {
      assert.deepEqual(
        findHttpAuth(s.text).map((f) => f.value),
        s.found ? [s.found] : [],
      )
    })
  }

  it('points at the value when a header carries a credential', () => {
    const text = j('curl -H "Api-Token: ', 'Sk94HG7f6KB" https://x')
    const [f] = findHttpAuth(text)
    assert.equal(text.slice(f!.offset, f!.offset + f!.value.length), 'Sk94HG7f6KB')
  })
})
