import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { findContextual } from './contextual.ts'

// Fake credentials are assembled at runtime so that no scanner flags this file; none of them is real.
const j = (...parts: string[]) => parts.join('')
const HEX40 = j('6d2fa1be6add229bc1', '99fa5a28fd3efb57df0bd3')
const UUID = j('9f519c42-8455-', 'fa70-d436-d642a67482bf')

const scenarios: { name: string; text: string; kind: string | null }[] = [
  { name: 'a SonarQube login in an env file', text: j('SONAR_LOGIN=', HEX40), kind: 'sonar' },
  { name: 'a SonarQube token with its prefix', text: j('sonar.token ::= "sqp_', HEX40, '"'), kind: 'sonar' },
  { name: 'a HubSpot key in JSON', text: j('{ "hubspot_api_key": "', UUID, '" }'), kind: 'hubspot' },
  {
    name: 'an Asana client id in XML',
    text: j('<asanaClientId>\n  ', '1067195038057131', '\n</asanaClientId>'),
    kind: 'asana',
  },
  { name: 'a Sumo Logic access id', text: j('sumologic.accessId = "su', '9OL59biWiJu7"'), kind: 'sumologic' },
  { name: 'a commit hash under a SonarQube name', text: j('sonar.scm.revision = ', HEX40), kind: null },
  {
    name: 'a project id under an Asana name',
    text: j('asana_project_id: "', '1067195038057131', '"'),
    kind: null,
  },
  { name: 'a value of the wrong shape', text: j('SONAR_TOKEN=', 'abc123'), kind: null },
  { name: 'a reference to the environment', text: 'HUBSPOT_TOKEN=${HUBSPOT_TOKEN}', kind: null },
  {
    name: 'filler in the provider shape',
    text: j('hubspotToken = "', 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa"'),
    kind: null,
  },
]

describe('findContextual', () => {
  for (const s of scenarios) {
    it(`${s.kind ? `reports ${s.kind}` : 'reports nothing'} when the text holds ${s.name}`, () => {
      assert.deepEqual(
        findContextual(s.text).map((f) => f.kind),
        s.kind ? [s.kind] : [],
      )
    })
  }

  it('locates the value itself when it follows the name', () => {
    const text = j('export SONAR_LOGIN="', HEX40, '"')
    const [f] = findContextual(text)
    assert.equal(text.slice(f!.offset, f!.offset + f!.value.length), HEX40)
  })
})
