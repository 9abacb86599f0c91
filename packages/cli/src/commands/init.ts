/** @module rina init: a commented starter rina.yml and the deploy/*.sh wrappers. */
import { RinaError, starterConfig, starterScripts } from '@rinawarp/engine'
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { Run } from '../io.ts'

export async function init(run: Run, opts: { project?: string; force?: boolean }): Promise<void> {
  const dir = run.io.cwd
  const project =
    (opts.project ?? basename(dir))
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^[^a-z]+/, '') || 'app'
  const files = [{ path: 'rina.yml', content: starterConfig(project), mode: 0o644 }, ...starterScripts()]
  const existing = files.filter((f) => existsSync(join(dir, f.path)))
  if (existing.length && !opts.force) {
    throw new RinaError({
      code: 'USAGE',
      message: `${existing.map((f) => f.path).join(', ')} already exist${existing.length === 1 ? 's' : ''}`,
      hint: 'pass --force to overwrite, or edit the existing files',
    })
  }
  for (const f of files) {
    const p = join(dir, f.path)
    mkdirSync(dirname(p), { recursive: true })
    writeFileSync(p, f.content)
    chmodSync(p, f.mode)
  }
  run.out.result({ project, files: files.map((f) => f.path) })
  run.out.line(`wrote ${files.map((f) => f.path).join(', ')}`)
  run.out.line('next: edit rina.yml, then run `rina config check`')
}
