import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { editDistance, nearest, suggestHint } from './suggest.ts'

describe('editDistance', () => {
  const scenarios: [string, string, number][] = [
    ['timeout', 'timeout', 0],
    ['timout', 'timeout', 1],
    ['tiemout', 'timeout', 1],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
  ]
  for (const [a, b, d] of scenarios) {
    it(`returns ${d} when comparing "${a}" and "${b}"`, () => assert.equal(editDistance(a, b), d))
  }
})

describe('nearest', () => {
  it('returns the closest candidate when the word is a typo', () => {
    assert.equal(nearest('helth', ['services', 'approval', 'health', 'autoRollback']), 'health')
  })
  it('prefers a case-only difference when one exists', () => {
    assert.equal(nearest('webhookurl', ['webhookUrl', 'timeout']), 'webhookUrl')
  })
  it('returns null when nothing is close', () => {
    assert.equal(nearest('banana', ['services', 'approval', 'health']), null)
  })
})

describe('suggestHint', () => {
  it('names the guess and the allowed words when a guess exists', () => {
    assert.equal(
      suggestHint('htp', ['http', 'tcp'], 'allowed types'),
      'did you mean "http"? allowed types: http, tcp',
    )
  })
  it('says none are defined when the list is empty', () => {
    assert.equal(suggestHint('ops', [], 'channels'), 'no channels are defined')
  })
})
