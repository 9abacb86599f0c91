/** @module The extension's settings, read when used (a change applies to the next command). */
import * as vscode from 'vscode'

export interface Envs {
  staging: string
  production: string
}

export function envNames(): Envs {
  const c = vscode.workspace.getConfiguration('rinawarp')
  return {
    staging: c.get<string>('stagingEnvironment') || 'staging',
    production: c.get<string>('productionEnvironment') || 'production',
  }
}
