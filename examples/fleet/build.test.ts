/** @module Tests of fleet builds: release folders, release.json, and a feed whose sha512 and size are real. */
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { parse } from 'yaml'
import { buildRelease } from './build.ts'
import { installerFor } from './installer.ts'

const dir = mkdtempSync(join(tmpdir(), 'fleet-build-'))
after(() => rmSync(dir, { recursive: true, force: true }))
const at = new Date('2025-03-01T10:00:00.000Z')

describe('buildRelease', () => {
  it('writes one release folder per service with its code and release.json when given a version', () => {
    const built = buildRelease(dir, '1.0.0', at)
    assert.deepEqual(
      built.map((b) => [b.service, b.release, b.path]),
      ['website', 'api', 'worker', 'electron-feed'].map((s) => [s, '1.0.0', join(dir, 'builds', s, '1.0.0')]),
    )
    const api = JSON.parse(readFileSync(join(dir, 'builds/api/1.0.0/release.json'), 'utf8'))
    assert.deepEqual(
      { ...api, notes: undefined },
      {
        service: 'api',
        version: '1.0.0',
        release: '1.0.0',
        main: 'api/main.mjs',
        notes: undefined,
        builtAt: '2025-03-01T10:00:00.000Z',
        faults: {},
      },
    )
    assert.equal(existsSync(join(dir, 'builds/api/1.0.0/api/main.mjs')), true)
    assert.equal(existsSync(join(dir, 'builds/api/1.0.0/lib/service.mjs')), true)
    assert.equal(existsSync(join(dir, 'builds/electron-feed/1.0.0/feed/main.mjs')), true)
  })

  it('writes a latest.yml whose sha512 and size match the installer when building the feed', () => {
    buildRelease(dir, '1.1.0', at, { services: ['electron-feed'] })
    const out = join(dir, 'builds/electron-feed/1.1.0/artifacts')
    const feed = parse(readFileSync(join(out, 'latest.yml'), 'utf8'))
    const bytes = readFileSync(join(out, feed.path))
    const sha512 = createHash('sha512').update(bytes).digest('base64')
    assert.deepEqual(feed, {
      version: '1.1.0',
      files: [{ url: 'RinaWarp-Shop-Setup-1.1.0.exe', sha512, size: bytes.length }],
      path: 'RinaWarp-Shop-Setup-1.1.0.exe',
      sha512,
      releaseDate: '2025-03-01T10:00:00.000Z',
    })
  })

  it('bakes faults into release.json under its own release id when asked', () => {
    const [api] = buildRelease(dir, '1.1.0', at, {
      release: '1.1.0-slow',
      services: ['api'],
      faults: { api: { latencyMs: 1500 } },
    })
    const manifest = JSON.parse(readFileSync(join(api!.path, 'release.json'), 'utf8'))
    assert.deepEqual(
      [manifest.version, manifest.release, manifest.faults],
      ['1.1.0', '1.1.0-slow', { latencyMs: 1500 }],
    )
  })

  it('refuses a release id that is not a plain name when given a path', () => {
    assert.throws(() => buildRelease(dir, '1.0.0', at, { release: '../escape' }), /may only hold/)
  })
})

describe('installerFor', () => {
  it('returns the same bytes for the same version and different bytes for another when called twice', () => {
    assert.deepEqual(installerFor('1.0.0').bytes, installerFor('1.0.0').bytes)
    assert.notDeepEqual(installerFor('1.0.0').sha512, installerFor('1.1.0').sha512)
  })
})
