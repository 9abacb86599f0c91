import { describe } from 'node:test'
import { changeShapeRules } from './change-shape.ts'
import { runScenarios } from '../../../testing/preflight-scenarios.ts'

const lines = (n: number) => Array.from({ length: n }, (_, i) => `export const v${i} = ${i}`)
const many = (n: number, dirs: number) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`area${i % dirs}/sub${i}/f${i}.md`, ['x']]))

describe('change shape rules', () => {
  runScenarios(changeShapeRules, [
    {
      name: 'a change is large',
      files: { 'src/big.ts': lines(600), 'src/big.test.ts': ['it()'] },
      expect: ['change-shape/size'],
    },
    {
      name: 'many files in many directories change',
      files: many(40, 5),
      expect: ['change-shape/breadth', 'change-shape/spread'],
    },
    {
      name: 'a hotspot file changes',
      files: { 'src/pay.ts': ['x'], 'src/pay.test.ts': ['y'] },
      history: { 'src/pay.ts': { commits: 25, fixCommits: 7 } },
      expect: ['change-shape/hotspot'],
    },
    { name: 'code changes with no test', files: { 'src/pay.ts': ['x'] }, expect: ['change-shape/untested'] },
    {
      name: 'a small change comes with its test',
      files: { 'src/pay.ts': ['x'], 'src/pay.test.ts': ['y'] },
      expect: [],
    },
    {
      name: 'a busy file has few fixes',
      files: { 'src/pay.ts': ['x'], 'src/pay.test.ts': ['y'] },
      history: { 'src/pay.ts': { commits: 40, fixCommits: 1 } },
      expect: [],
    },
    { name: 'only docs change', files: { 'docs/guide.md': lines(50) }, expect: [] },
  ])
})
