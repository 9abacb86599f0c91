import assert from 'node:assert/strict'
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { isRinaError, RinaError } from '../errors.ts'
import type { ConfigIssue } from './issue.ts'
import { loadConfig } from './load.ts'

const VALID = `project: demo
environments:
  staging:
    services:
      api: { deploy: { type: command, deploy: ./deploy/api.sh } }
  production:
    services:
      api: { deploy: { type: command, deploy: ./deploy/api.sh } }
store:
  type: postgres
  url: \${DATABASE_URL}
`

async function rejection(p: Promise<unknown>): Promise<RinaError> {
  try {
    await p
  } catch (e) {
    assert.ok(e instanceof RinaError)
    return e
  }
  assert.fail('expected loadConfig to fail')
}

describe('loadConfig', () => {
  let root: string
  before(async () => {
    root = await realpath(await mkdtemp(join(tmpdir(), 'rina-load-')))
  })
  after(() => rm(root, { recursive: true, force: true }))

  it('loads the nearest rina.yml with its directory and secrets when called from a subdirectory', async () => {
    const project = join(root, 'ok')
    await mkdir(join(project, 'src'), { recursive: true })
    await writeFile(join(project, 'rina.yml'), VALID)
    const url = 'postgres://rina:s3cret@db/rina'
    const loaded = await loadConfig({ cwd: join(project, 'src'), env: { DATABASE_URL: url } })
    assert.equal(loaded.path, join(project, 'rina.yml'))
    assert.equal(loaded.dir, project)
    assert.deepEqual(loaded.config.store, { type: 'postgres', url })
    assert.deepEqual(loaded.secrets, [url])
  })

  it('reads the explicit file or directory when a path is given', async () => {
    const dir = join(root, 'explicit')
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, 'custom.yml'), VALID)
    await writeFile(join(dir, 'rina.yml'), VALID)
    const env = { DATABASE_URL: 'postgres://x' }
    assert.equal(
      (await loadConfig({ path: 'explicit/custom.yml', cwd: root, env })).path,
      join(dir, 'custom.yml'),
    )
    assert.equal((await loadConfig({ path: 'explicit', cwd: root, env })).path, join(dir, 'rina.yml'))
  })

  it('fails with CONFIG_NOT_FOUND and a hint to run rina init when no file exists', async () => {
    const empty = join(root, 'empty')
    await mkdir(empty, { recursive: true })
    const e = await rejection(loadConfig({ path: 'empty/missing.yml', cwd: root, env: {} }))
    assert.ok(isRinaError(e, 'CONFIG_NOT_FOUND'))
    assert.match(e.hint ?? '', /rina init/)
  })

  it('fails with CONFIG_INVALID carrying every located issue when the file has problems', async () => {
    const dir = join(root, 'bad')
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, 'rina.yml'), VALID.replace('project: demo', 'project: demo\nprojet: x'))
    const e = await rejection(loadConfig({ cwd: dir, env: {} }))
    assert.ok(isRinaError(e, 'CONFIG_INVALID'))
    const issues = e.details as ConfigIssue[]
    assert.deepEqual(
      issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.path} ${i.kind}`),
      ['rina.yml:2:1 projet unknown-key', 'rina.yml:12:8 store.url env'],
    )
    assert.match(e.message, /^rina\.yml has 2 problems:\n {2}rina\.yml:2:1 {2}projet {2}unknown key "projet"/)
  })
})
