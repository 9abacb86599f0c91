/** @module The JSON Schema (draft 2020-12) of rina.yml, derived from the zod schema, for editor completion. */
import { z } from 'zod'
import { configSchema } from './schema.ts'

export const CONFIG_SCHEMA_ID = 'urn:rinawarp:deploy:rina.yml:v1'

/** Input shape: fields with defaults are optional, as a person writes them. */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  })
  const { $schema, ...rest } = schema as Record<string, unknown>
  return {
    $schema,
    $id: CONFIG_SCHEMA_ID,
    title: 'rina.yml',
    description:
      'Configuration of RinaWarp Deploy: environments, services, probes, notifications and freeze windows.',
    ...rest,
  }
}
