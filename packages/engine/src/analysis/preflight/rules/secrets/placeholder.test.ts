import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isDummyToken, isPlaceholder } from './placeholder.ts'

describe('isPlaceholder', () => {
  const scenarios: [string, string, boolean][] = [
    ['a placeholder word in lower case', 'my_fake_token_value', true],
    ['a placeholder word in capitals', 'AKIAIOSFODNN7EXAMPLE', true],
    ['a capitalized placeholder word', 'dckr_pat_Example12345', true],
    ['the letters of a word in mixed case inside a random value', 'Xw937qtWSXJss1lFaKe', false],
    ['a run of filler', 'xxxxxxxxxxxx', true],
    ['a typed sequence', 'A1234567890b', true],
    ['an environment reference', '${TOKEN}', true],
    ['a random value', 'q8Zr4T1vXw9Lk2Hs7Nd3', false],
  ]
  for (const [name, value, expected] of scenarios)
    it(`answers ${expected} when the value is ${name}`, () => assert.equal(isPlaceholder(value), expected))
})

describe('isDummyToken', () => {
  it('accepts a typed sequence when the provider format already matched', () => {
    assert.equal(isDummyToken('aBcDeFgHiJkLmNoPqRsT1234567890abcdefghij'), false)
  })

  it('rejects filler and placeholder words when the provider format matched', () => {
    assert.equal(isDummyToken('AAAAAAAAAAAAAAAAAAAAAAAA'), true)
    assert.equal(isDummyToken('f1g2kLGLqdezihCUTzgIAUk6d9wvCnStWrvEXAMPLE'), true)
  })
})
