/**
 * @module Writes docs/config.md, the rina.yml reference generated from the config schema.
 *   npm run docs:config
 */
import { writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { renderConfigReference } from '../packages/engine/src/config/index.ts'

export const CONFIG_DOCS_PATH = fileURLToPath(new URL('../docs/config.md', import.meta.url))

export async function writeConfigDocs(path = CONFIG_DOCS_PATH): Promise<void> {
  await writeFile(path, renderConfigReference())
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeConfigDocs()
  console.log(`wrote ${CONFIG_DOCS_PATH}`)
}
