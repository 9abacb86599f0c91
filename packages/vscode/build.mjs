// Bundles the extension (src/extension.ts → dist/extension.cjs, CommonJS as VS Code loads it, `vscode` external)
// and the extension-host test entry (src/test/host/index.ts → dist/test/index.cjs, mocha left external).
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'

const absWorkingDir = fileURLToPath(new URL('.', import.meta.url))

const common = {
  absWorkingDir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
}
await build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.cjs' })
if (!process.argv.includes('--no-tests')) {
  await build({ ...common, entryPoints: ['src/test/host/index.ts'], outfile: 'dist/test/index.cjs' })
}
