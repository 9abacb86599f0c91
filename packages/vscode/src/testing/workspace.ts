/** @module A git workspace for the editor: rina.yml, the extension's settings pointing at a server, e2e data. */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const MINIMAL_CONFIG = `project: shop
environments:
  staging:
    services:
      api: { deploy: { type: command, deploy: "true", rollback: "true" } }
  production:
    services:
      api: { deploy: { type: command, deploy: "true", rollback: "true" } }
    approval: { required: 1 }
`

const IGNORE = '.rina/\n.rina-e2e/\n.vscode/\nnode_modules/\nreleases/\nrun/\n*.log\n'

/** Makes `dir` a git repository with one commit of the given files plus a .gitignore for local state. */
export function gitWorkspace(dir: string, files: Record<string, string>): void {
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, '.gitignore'), IGNORE)
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true })
    writeFileSync(join(dir, p), text)
  }
  const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, stdio: 'ignore' })
  git('init', '-q', '-b', 'main')
  git('config', 'user.email', 'dev@example.com')
  git('config', 'user.name', 'Dev')
  git('add', '-A')
  git('commit', '-q', '-m', 'initial')
}

/**
 * Points the extension at the server and leaves the token where the in-editor suites read it. Auto save is off
 * as on the desktop (the web workbench saves a second after an edit by default, so on a busy machine it could
 * save before a suite's own save does).
 */
export function editorSettings(dir: string, serverUrl: string, token: string): void {
  mkdirSync(join(dir, '.vscode'), { recursive: true })
  mkdirSync(join(dir, '.rina-e2e'), { recursive: true })
  const settings = {
    'rinawarp.serverUrl': serverUrl,
    'workbench.startupEditor': 'none',
    'files.autoSave': 'off',
  }
  writeFileSync(join(dir, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2))
  writeFileSync(join(dir, '.rina-e2e', 'e2e.json'), JSON.stringify({ serverUrl, token }))
}
