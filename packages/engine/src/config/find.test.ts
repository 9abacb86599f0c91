import assert from 'node:assert/strict'
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { findConfig } from './find.ts'

describe('findConfig', () => {
  let root: string
  before(async () => {
    root = await realpath(await mkdtemp(join(tmpdir(), 'rina-find-')))
  })
  after(() => rm(root, { recursive: true, force: true }))

  it('finds rina.yml in a parent directory when started deep inside the project', async () => {
    const project = join(root, 'walk')
    const deep = join(project, 'packages', 'web', 'src')
    await mkdir(deep, { recursive: true })
    await writeFile(join(project, 'rina.yml'), 'project: walk\n')
    assert.equal(await findConfig(deep), join(project, 'rina.yml'))
  })

  it('prefers the nearest file when two directories on the way up have one', async () => {
    const outer = join(root, 'nested')
    const inner = join(outer, 'inner')
    await mkdir(join(inner, 'src'), { recursive: true })
    await writeFile(join(outer, 'rina.yml'), 'project: outer\n')
    await writeFile(join(inner, 'rina.yaml'), 'project: inner\n')
    assert.equal(await findConfig(join(inner, 'src')), join(inner, 'rina.yaml'))
  })

  it('ignores a directory named rina.yml when looking for the file', async () => {
    const dir = join(root, 'dir-named')
    await mkdir(join(dir, 'rina.yml'), { recursive: true })
    await writeFile(join(root, 'rina.yml'), 'project: top\n')
    assert.equal(await findConfig(dir), join(root, 'rina.yml'))
    await rm(join(root, 'rina.yml'))
  })
})
