import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { configJsonSchema, CONFIG_SCHEMA_ID } from './json-schema.ts'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

describe('configJsonSchema', () => {
  const schema = configJsonSchema() as Json

  it('declares draft 2020-12 with an id and a title', () => {
    assert.equal(schema['$schema'], 'https://json-schema.org/draft/2020-12/schema')
    assert.equal(schema['$id'], CONFIG_SCHEMA_ID)
    assert.equal(schema['title'], 'rina.yml')
  })

  it('requires only the fields without defaults when read as input', () => {
    assert.deepEqual([...schema['required']].sort(), ['environments', 'project'])
  })

  it('rejects unknown keys and keeps descriptions when describing nested objects', () => {
    assert.equal(schema['additionalProperties'], false)
    const service =
      schema['properties'].environments.additionalProperties.properties.services.additionalProperties
    assert.equal(service.additionalProperties, false)
    assert.equal(service.properties.deploy.description, 'How the service is deployed and rolled back.')
    assert.deepEqual(
      service.properties.deploy.oneOf.map((o: Json) => o['properties'].type.const),
      ['command', 'release-dir'],
    )
  })

  it('is plain JSON when serialized', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(schema)), schema)
  })
})
