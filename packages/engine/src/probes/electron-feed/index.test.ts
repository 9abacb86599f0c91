import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { createServer } from 'node:http'
import { after, before, beforeEach, describe, it } from 'node:test'
import { probeContext, runProbeConformance } from '../../testing/probe.conformance.ts'
import { type SwitchableServer, startSwitchableServer } from '../../testing/switchable-server.ts'
import { electronFeedProbe } from './index.ts'
import { electronFeedProbeSchema } from './schema.ts'

const ARTIFACT = Buffer.from(Array.from({ length: 256 * 1024 }, (_, i) => (i * 31 + 7) % 251))
const SHA512 = createHash('sha512').update(ARTIFACT).digest('base64')
const FILE = 'RinaWarp-Setup-1.2.0.exe'

interface FeedState {
  version: string
  sha512: string
  artifactStatus: number
  headAllowed: boolean
  feedStatus: number
}
const healthy = (): FeedState => ({
  version: '1.2.0',
  sha512: SHA512,
  artifactStatus: 200,
  headAllowed: true,
  feedStatus: 200,
})

/** A real update server: /updates/latest.yml in electron-builder's format and the artifact beside it. */
async function startFeedServer(
  state: FeedState,
): Promise<{ server: SwitchableServer; url: string; methods: string[] }> {
  const methods: string[] = []
  const inner = createServer((req, res) => {
    if (req.url === '/updates/latest.yml') {
      res.writeHead(state.feedStatus, { 'content-type': 'text/yaml' })
      res.end(
        state.feedStatus === 200
          ? [
              `version: ${state.version}`,
              'files:',
              `  - url: ${FILE}`,
              `    sha512: ${state.sha512}`,
              `    size: ${ARTIFACT.length}`,
              `path: ${FILE}`,
              `sha512: ${state.sha512}`,
              "releaseDate: '2026-01-05T09:30:00.000Z'",
              '',
            ].join('\n')
          : 'not here',
      )
      return
    }
    if (req.url === `/updates/${FILE}`) {
      methods.push(`${req.method}${req.headers.range ? ` ${req.headers.range}` : ''}`)
      if (req.method === 'HEAD' && !state.headAllowed) return void res.writeHead(405).end()
      if (state.artifactStatus !== 200) return void res.writeHead(state.artifactStatus).end('missing')
      if (req.headers.range === 'bytes=0-0') {
        res.writeHead(206, { 'content-range': `bytes 0-0/${ARTIFACT.length}` })
        return void res.end(ARTIFACT.subarray(0, 1))
      }
      res.writeHead(200, { 'content-length': ARTIFACT.length })
      return void res.end(ARTIFACT)
    }
    res.writeHead(404).end()
  })
  const server = await startSwitchableServer(inner)
  return { server, url: `http://127.0.0.1:${server.port}/updates/latest.yml`, methods }
}

const config = (url: string, over: Record<string, unknown> = {}) =>
  electronFeedProbeSchema.parse({ name: 'feed', type: 'electron-feed', url, ...over })

runProbeConformance({
  name: 'electron-feed',
  async createTarget() {
    const { server, url } = await startFeedServer(healthy())
    return {
      config: config(url, { verifySha512: true }),
      context: { release: '1.2.0' },
      set: (mode) => server.set(mode),
      close: () => server.close(),
    }
  },
})

describe('electronFeedProbe', () => {
  const state = healthy()
  let feed: Awaited<ReturnType<typeof startFeedServer>>
  before(async () => void (feed = await startFeedServer(state)))
  beforeEach(() => {
    Object.assign(state, healthy())
    feed.methods.length = 0
  })
  after(() => feed.server.close())
  const observe = (over: Record<string, unknown> = {}, release: string | null = '1.2.0') =>
    electronFeedProbe.observe(config(feed.url, over), probeContext({ release }))

  it('passes when the feed serves the deployed version and the artifact answers', async () => {
    const seen = await observe()
    assert.deepEqual([seen.ok, seen.detail], [true, 'feed serves 1.2.0, artifact answers'])
    assert.deepEqual(feed.methods, ['HEAD'])
    assert.deepEqual(seen.values, {
      version: '1.2.0',
      expected: '1.2.0',
      releaseDate: '2026-01-05T09:30:00.000Z',
      artifacts: [{ url: `${feed.url.replace('latest.yml', FILE)}`, status: 200 }],
    })
  })

  it('ignores a leading v when the release is written v1.2.0', async () => {
    assert.equal((await observe({}, 'v1.2.0')).ok, true)
  })

  it('fails naming both versions when the feed still serves the old release', async () => {
    state.version = '1.1.0'
    const seen = await observe()
    assert.deepEqual([seen.ok, seen.detail], [false, 'feed says 1.1.0, deployed 1.2.0'])
  })

  it('skips the version check when no release is expected', async () => {
    state.version = '0.9.0'
    assert.equal((await observe({}, null)).ok, true)
  })

  it('fails with the status when the artifact is missing', async () => {
    state.artifactStatus = 404
    const seen = await observe()
    assert.deepEqual([seen.ok, seen.detail], [false, `artifact ${FILE} answered 404`])
  })

  it('falls back to a one-byte ranged GET when the server refuses HEAD', async () => {
    state.headAllowed = false
    const seen = await observe()
    assert.equal(seen.ok, true)
    assert.deepEqual(feed.methods, ['HEAD', 'GET bytes=0-0'])
  })

  it('verifies the download against the feed when verifySha512 is set', async () => {
    const seen = await observe({ verifySha512: true })
    assert.deepEqual([seen.ok, seen.detail], [true, 'feed serves 1.2.0, artifact sha512 verified'])
    assert.deepEqual(feed.methods, ['GET'])
  })

  it('fails when the artifact does not match the feed sha512', async () => {
    state.sha512 = createHash('sha512').update('something else').digest('base64')
    const seen = await observe({ verifySha512: true })
    assert.deepEqual([seen.ok, seen.detail], [false, `artifact ${FILE} sha512 does not match the feed`])
  })

  it('reports every problem when the version and the artifact are both wrong', async () => {
    state.version = '1.1.0'
    state.artifactStatus = 404
    const seen = await observe()
    assert.equal(seen.detail, `feed says 1.1.0, deployed 1.2.0; artifact ${FILE} answered 404`)
  })

  it('does not touch the artifact when checkArtifact is off', async () => {
    state.artifactStatus = 404
    const seen = await observe({ checkArtifact: false })
    assert.deepEqual([seen.ok, seen.detail, feed.methods], [true, 'feed serves 1.2.0', []])
  })

  it('fails with the status when the feed itself is missing', async () => {
    state.feedStatus = 404
    const seen = await observe()
    assert.deepEqual([seen.ok, seen.detail], [false, 'feed answered 404: not here'])
  })
})
