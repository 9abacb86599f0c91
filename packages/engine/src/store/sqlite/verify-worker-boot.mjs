// Worker entry: Node 20 does not apply the parent's TypeScript loader to worker threads, so register it here.
import { register } from 'tsx/esm/api'

register()
await import('./verify-worker.ts')
