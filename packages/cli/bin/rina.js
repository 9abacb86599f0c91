#!/usr/bin/env node
// rina: runs the TypeScript sources through tsx's loader (no build step to forget).
import { register } from 'tsx/esm/api'

// A closed pipe (`rina logs parse … | head`) ends the output quietly, as other command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw e
  })
}
register()
const { main } = await import('../src/index.ts')
process.exitCode = await main(process.argv.slice(2))
