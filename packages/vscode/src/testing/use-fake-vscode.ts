/**
 * @module Maps every later `import 'vscode'` of this process to the fake (fake-vscode.ts), through a module
 * resolve hook. Call it before importing the code under test, with a dynamic `import()`.
 */
import { register } from 'node:module'

const FAKE = new URL('./fake-vscode.ts', import.meta.url).href

// The fake's URL goes on down the chain, so the TypeScript loader (tsx) resolves and loads it as its own.
const HOOKS = `export function resolve(specifier, context, next) {
  return next(specifier === 'vscode' ? ${JSON.stringify(FAKE)} : specifier, context)
}`

export function useFakeVscode(): void {
  register(`data:text/javascript,${encodeURIComponent(HOOKS)}`)
}
