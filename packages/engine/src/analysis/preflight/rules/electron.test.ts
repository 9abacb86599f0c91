import { describe } from 'node:test'
import { electronRules } from './electron.ts'
import { runScenarios } from '../../../testing/preflight-scenarios.ts'

const bump = (from: string, to: string) => ({
  'package.json': { removed: [`  "version": "${from}",`], added: [`  "version": "${to}",`] },
})

describe('electron rules', () => {
  runScenarios(electronRules, [
    {
      name: 'the version goes backwards',
      files: bump('1.4.0', '1.3.9'),
      electron: true,
      expect: ['electron/version-bump'],
    },
    {
      name: 'the version does not change',
      files: bump('1.4.0', '1.4.0'),
      electron: true,
      expect: ['electron/version-bump'],
    },
    {
      name: 'the feed announces another version',
      files: { ...bump('1.4.0', '1.5.0'), 'dist/latest.yml': ['version: 1.4.1'] },
      expect: ['electron/version-bump'],
    },
    {
      name: 'signing identity changes',
      files: {
        'electron-builder.yml': {
          removed: ['  identity: "Acme Inc (ABCDE12345)"'],
          added: ['  identity: null'],
        },
      },
      expect: ['electron/signing'],
    },
    {
      name: 'the update feed provider changes',
      files: {
        'electron-builder.yml': {
          removed: ['  provider: github'],
          added: ['publish:', '  provider: generic'],
        },
      },
      expect: ['electron/auto-update'],
    },
    {
      name: 'autoUpdater code changes',
      files: { 'src/main/updater.ts': ['autoUpdater.setFeedURL({ url })'] },
      electron: true,
      expect: ['electron/auto-update'],
    },
    {
      name: 'the version moves forward and matches the feed',
      files: { ...bump('1.4.0', '1.5.0'), 'dist/latest.yml': ['version: 1.5.0'] },
      expect: [],
    },
    { name: 'the project is not an Electron app', files: bump('2.0.0', '1.0.0'), expect: [] },
    {
      name: 'unrelated builder settings change',
      files: { 'electron-builder.yml': { removed: ['  productName: A'], added: ['  productName: B'] } },
      expect: [],
    },
  ])
})
