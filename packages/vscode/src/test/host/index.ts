/**
 * @module Extension-host test entry (loaded by VS Code as extensionTestsPath): runs the Mocha suites inside the
 * real extension host and writes the results to a file, since the host's stdout is not visible anywhere.
 */
import { writeFileSync } from 'node:fs'
import type MochaType from 'mocha'
import * as mochaModule from 'mocha'
import * as vscode from 'vscode'
import { defineSuites } from './suites.ts'

type MochaCtor = typeof MochaType

/** Mocha 12 is an ES module required from this CommonJS bundle: its constructor sits one or two defaults deep. */
function mochaCtor(): MochaCtor {
  const m = mochaModule as unknown as { default?: { default?: unknown; Mocha?: unknown }; Mocha?: unknown }
  const found = [m.default?.default, m.default, m.Mocha, m.default?.Mocha].find(
    (c) => typeof c === 'function',
  )
  return found as MochaCtor
}

export function run(): Promise<void> {
  const Mocha = mochaCtor()
  const resultsFile = process.env.RINA_VSCODE_RESULTS ?? defaultResults()
  const lines: string[] = []
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000 })
  mocha.suite.emit('pre-require', globalThis, 'host-suites', mocha)
  defineSuites()
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      lines.push(`${runner.stats?.passes ?? 0} passed, ${failures} failed`)
      writeFileSync(resultsFile, lines.join('\n') + '\n')
      if (failures > 0) reject(new Error(`${failures} tests failed`))
      else resolve()
    })
    runner.on('pass', (t) => lines.push(`ok - ${t.fullTitle()}`))
    runner.on('fail', (t, err: Error) => lines.push(`not ok - ${t.fullTitle()}: ${err?.message}`))
  })
}

/** Next to the workspace's e2e.json, which the driver wrote and reads back. */
function defaultResults(): string {
  return `${vscode.workspace.workspaceFolders![0]!.uri.fsPath}/.rina-e2e/host-results.txt`
}
