import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { type Feed, normalizeVersion, parseFeed } from './feed.ts'

describe('parseFeed', () => {
  const scenarios: { name: string; text: string; result: Feed | string }[] = [
    {
      name: 'reads version, files and release date when the feed is complete',
      text: "version: 1.2.0\nfiles:\n  - url: a.exe\n    sha512: abc==\n    size: 10\n  - url: a.zip\nreleaseDate: '2026-01-05'\n",
      result: {
        version: '1.2.0',
        files: [
          { url: 'a.exe', sha512: 'abc==', size: 10 },
          { url: 'a.zip', sha512: null, size: null },
        ],
        releaseDate: '2026-01-05',
      },
    },
    {
      name: 'uses the top-level path and sha512 when there is no files list',
      text: 'version: 2.0.0\npath: app.dmg\nsha512: xyz==\n',
      result: {
        version: '2.0.0',
        files: [{ url: 'app.dmg', sha512: 'xyz==', size: null }],
        releaseDate: null,
      },
    },
    {
      name: 'keeps a version YAML reads as a number',
      text: 'version: 1.5\nfiles: []\n',
      result: { version: '1.5', files: [], releaseDate: null },
    },
    { name: 'says so when the version is missing', text: 'files: []\n', result: 'feed has no version' },
    {
      name: 'says so when the feed is not a mapping',
      text: '<html>not found</html>',
      result: 'feed is not an electron-builder feed (expected a mapping with version and files)',
    },
    { name: 'says so when the text is not YAML', text: 'version: [1.2', result: 'feed is not YAML:' },
  ]
  for (const s of scenarios) {
    it(s.name, () => {
      const r = parseFeed(s.text)
      if (typeof s.result === 'string') assert.ok(!r.ok && r.error.startsWith(s.result), JSON.stringify(r))
      else assert.deepEqual(r, { ok: true, feed: s.result })
    })
  }
})

describe('normalizeVersion', () => {
  it('drops a leading v and spaces when present', () => {
    assert.deepEqual(['v1.2.0', ' 1.2.0 ', 'V2', 'vNext'].map(normalizeVersion), [
      '1.2.0',
      '1.2.0',
      '2',
      'vNext',
    ])
  })
})
