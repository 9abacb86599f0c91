import { describe } from 'node:test'
import { dependencyRules } from './dependencies.ts'
import { runScenarios } from '../../../testing/preflight-scenarios.ts'

const lock = { 'package-lock.json': { added: ['"lockfileVersion": 3'], removed: ['"lockfileVersion": 2'] } }

describe('dependency rules', () => {
  runScenarios(dependencyRules, [
    {
      name: 'a package is added with its lockfile',
      files: {
        'package.json': { added: ['    "left-pad": "^1.3.0",'], removed: [], status: 'modified' },
        ...lock,
      },
      expect: ['dependencies/new-package'],
    },
    {
      name: 'a package jumps a major version',
      files: {
        'package.json': { removed: ['    "zod": "^3.23.8",'], added: ['    "zod": "^4.1.0",'] },
        ...lock,
      },
      expect: ['dependencies/major-upgrade'],
    },
    {
      name: 'a 0.x package moves a minor version',
      files: {
        'package.json': { removed: ['    "tiny": "^0.3.1",'], added: ['    "tiny": "^0.4.0",'] },
        ...lock,
      },
      expect: ['dependencies/major-upgrade'],
    },
    { name: 'only the lockfile changes', files: lock, expect: ['dependencies/lockfile-mismatch'] },
    {
      name: 'dependencies change without the lockfile',
      files: { 'package.json': { removed: ['    "zod": "^4.0.0",'], added: ['    "zod": "^4.1.0",'] } },
      expect: ['dependencies/lockfile-mismatch'],
    },
    {
      name: 'a postinstall script is added',
      files: { 'package.json': { added: ['    "postinstall": "node setup.js",'], status: 'modified' } },
      expect: ['dependencies/install-script'],
    },
    {
      name: 'a Go module is added with go.sum',
      files: {
        'go.mod': { added: ['\tgithub.com/pkg/errors v0.9.1'], status: 'modified' },
        'go.sum': { added: ['github.com/pkg/errors v0.9.1 h1:abc='], status: 'modified' },
      },
      expect: ['dependencies/new-package'],
    },
    {
      name: 'a Python requirement is added',
      files: { 'requirements.txt': { added: ['requests==2.32.3'], status: 'modified' } },
      expect: ['dependencies/new-package'],
    },
    {
      name: 'a patch upgrade comes with the lockfile',
      files: {
        'package.json': { removed: ['    "zod": "^4.0.0",'], added: ['    "zod": "^4.0.1",'] },
        ...lock,
      },
      expect: [],
    },
    {
      name: 'the package version and scripts change',
      files: {
        'package.json': {
          removed: ['  "version": "1.0.0",'],
          added: ['  "version": "2.0.0",', '    "test": "node --test"'],
        },
      },
      expect: [],
    },
    {
      name: 'a workspace lockfile sits at the root',
      files: {
        'packages/a/package.json': { removed: ['    "zod": "^4.0.0",'], added: ['    "zod": "^4.0.1",'] },
        ...lock,
      },
      expect: [],
    },
  ])
})
