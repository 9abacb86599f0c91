import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createMiner } from './miner.ts'

describe('createMiner', () => {
  it('groups lines that differ in masked values into one template with their parameters', () => {
    const m = createMiner()
    const a = m.add('Received block blk_38865049064139660 of size 67108864 from /10.250.19.102')
    const b = m.add('Received block blk_-9 of size 512 from /10.0.0.1')
    assert.equal(a.id, b.id)
    assert.equal(b.template, 'Received block <*> of size <*> from <*>')
    assert.deepEqual(b.params, ['blk_-9', '512', '/10.0.0.1'])
    assert.equal(b.change, 'matched')
  })

  it('generalises a word that varies when the rest of the line repeats', () => {
    const m = createMiner()
    const users = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank']
    for (const u of users) m.add(`Invalid user ${u} from 10.0.0.1`)
    assert.equal(m.match('Invalid user mallory from 10.0.0.2')?.template, 'Invalid user <*> from <*>')
    assert.equal(m.stats().clusters, 1)
  })

  it('keeps a word from a small set of constants when each one repeats', () => {
    const m = createMiner()
    for (let i = 0; i < 5; i++) {
      m.add(`[instance: ${i}] VM Started (Lifecycle Event)`)
      m.add(`[instance: ${i}] VM Paused (Lifecycle Event)`)
    }
    const started = m.match('[instance: 9] VM Started (Lifecycle Event)')!
    const paused = m.match('[instance: 9] VM Paused (Lifecycle Event)')!
    assert.equal(started.template, '[instance: <*>] VM Started (Lifecycle Event)')
    assert.equal(paused.template, '[instance: <*>] VM Paused (Lifecycle Event)')
    assert.equal(started.id, paused.id)
    assert.notEqual(started.key, paused.key)
  })

  it('keeps a prefix ending at a delimiter when two tokens differ', () => {
    const m = createMiner()
    for (const tag of ['View', 'Wake', 'Audio', 'Sync', 'Gps', 'Net']) m.add(`acquire tag="${tag}" uid=1`)
    assert.equal(m.match('acquire tag="Alarm" uid=2')?.template, 'acquire tag="<*>" uid=<*>')
  })

  it('opens separate templates when lines share too little', () => {
    const m = createMiner()
    m.add('Starting TrustedInstaller initialization.')
    m.add('Ending TrustedInstaller finalization now.')
    assert.equal(m.stats().clusters, 2)
  })

  it('returns null from match when no template fits', () => {
    const m = createMiner()
    m.add('disk full on /dev/sda1')
    assert.equal(m.match('completely different text here'), null)
  })

  it('stays within maxClusters and the cache size when a stream never repeats', () => {
    const m = createMiner({ maxClusters: 50, cacheSize: 100 })
    // A first word never seen before opens a cluster every time: the worst case for memory.
    const word = (i: number) =>
      [...i.toString(26)].map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('')
    for (let i = 0; i < 5000; i++) m.add(`${word(i)}q happened`)
    const s = m.stats()
    assert.ok(s.clusters <= 50)
    assert.ok(s.cachedLines <= 100)
    assert.ok(s.evicted > 0)
    assert.equal(s.lines, 5000)
  })

  it('does not grow with lines made mostly of parameters when the stream repeats', () => {
    const m = createMiner()
    for (let i = 0; i < 20_000; i++)
      m.add(`${i} ${i * 7} 10.0.${i % 250}.${i % 200}:${i % 9000} ${i.toString(16)}ff`)
    assert.equal(m.stats().clusters, 1)
  })

  it('keeps a filler such as **** apart from the numbers at its position when both repeat', () => {
    const m = createMiner()
    for (let i = 0; i < 6; i++) {
      m.add(`Fan speeds ( ${3500 + i} ${3400 + i} **** ${3300 + i} )`)
      m.add(`Fan speeds ( ${3500 + i} ${3400 + i} ${3600 + i} ${3300 + i} )`)
    }
    assert.equal(m.match('Fan speeds ( 1 2 **** 4 )')?.template, 'Fan speeds ( <*> <*> **** <*> )')
    assert.equal(m.match('Fan speeds ( 1 2 3 4 )')?.template, 'Fan speeds ( <*> <*> <*> <*> )')
  })

  it('glues a unit to its value when the unit varies within a template', () => {
    const m = createMiner()
    const sizes = ['5.2 KB', '93.0 B', '1.5 KB', '7.1 KB', '384.0 B', '2.2 KB']
    sizes.forEach((size, i) => m.add(`Block broadcast_${i} stored (estimated size ${size}, free ${i}.5 KB)`))
    const r = m.match('Block broadcast_7 stored (estimated size 384.0 B, free 317.5 KB)')!
    assert.equal(r.template, 'Block <*> stored (estimated size <*>, free <*>)')
    assert.deepEqual(r.params, ['broadcast_7', '384.0 B', '317.5 KB'])
  })

  it('keeps a unit that never varies as a literal', () => {
    const m = createMiner()
    for (let i = 0; i < 5; i++) m.add(`memory ${i * 512} MB, disk ${i * 20} GB`)
    assert.equal(m.match('memory 2048 MB, disk 40 GB')?.template, 'memory <*> MB, disk <*> GB')
  })

  it('answers a line that comes again exactly as it answered it the first time', () => {
    const m = createMiner()
    const line = 'Received block blk_1 of size 512 from /10.0.0.1'
    const first = m.add(line)
    for (let i = 2; i < 8; i++) m.add(`Received block blk_${i} of size ${i * 512} from /10.0.0.${i}`)
    const again = [m.add(line), m.add(line), m.add(line)]
    assert.equal(first.template, 'Received block blk_1 of size <*> from <*>')
    for (const r of again) {
      assert.equal(r.id, first.id)
      assert.equal(r.template, 'Received block <*> of size <*> from <*>')
      assert.deepEqual(r.params, ['blk_1', '512', '/10.0.0.1'])
      assert.equal(r.change, 'matched')
    }
  })
})
