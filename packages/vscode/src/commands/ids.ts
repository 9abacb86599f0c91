/** @module Every command the extension contributes, with its palette title; package.json declares the same list. */

export const COMMANDS = {
  deployStaging: { id: 'rinawarp.deployStaging', title: 'Deploy: Staging' },
  deployProduction: { id: 'rinawarp.deployProduction', title: 'Deploy: Production' },
  toggleFreeze: { id: 'rinawarp.toggleFreeze', title: 'Toggle Production Freeze' },
  incidentResponse: { id: 'rinawarp.incidentResponse', title: 'Trigger AI Incident Response' },
  openPanel: { id: 'rinawarp.openPanel', title: 'Open AI Terminal Panel' },
  setToken: { id: 'rinawarp.setToken', title: 'RinaWarp: Set API Token' },
  preflight: { id: 'rinawarp.preflight', title: 'RinaWarp: Run Preflight on the Working Tree' },
  startServer: { id: 'rinawarp.startServer', title: 'RinaWarp: Start Local Server' },
} as const

export type CommandKey = keyof typeof COMMANDS

export const COMMAND_IDS: readonly string[] = Object.values(COMMANDS).map((c) => c.id)
