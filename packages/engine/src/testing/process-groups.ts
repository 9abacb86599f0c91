/** @module Real process groups for tests: started as a deploy step starts them, killed when the test file ends. */
import { spawn, type ChildProcess } from 'node:child_process'
import { after } from 'node:test'
import { signalGroup } from '../providers/process-group.ts'

const started: ChildProcess[] = []
let cleanup = false

/** Starts `script` as the leader of its own group and resolves with its pid once it printed "ready". */
export function startGroup(script: string): Promise<number> {
  if (!cleanup) {
    cleanup = true
    after(() => {
      for (const c of started) if (c.pid !== undefined) signalGroup(c.pid, 'SIGKILL')
    })
  }
  const child = spawn('sh', ['-c', script], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] })
  started.push(child)
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve(child.pid!)
    })
  })
}
