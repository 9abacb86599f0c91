import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { compileMasks, maskToken } from './masks.ts'

describe('maskToken', () => {
  const cases: [string, string][] = [
    ['1234', '<*>'],
    ['-42', '<*>'],
    ['0.2477829', '<*>'],
    ['10.251.73.220:50010', '<*>'],
    ['/var/log/app.log', '<*>'],
    ['C:\\Windows\\winsxs\\x.dll', '<*>'],
    ['38101a0b-2096-447d-96ea-a692162415ae', '<*>'],
    ['2024-01-02T10:11:12.123Z', '<*>'],
    ['0x7fed806eb5d', '<*>'],
    ['blk_-6952295868487656571', '<*>'],
    ['node-246', 'node-<*>'],
    ['(HWID=1973)', '(HWID=<*>)'],
    ['allDrawn=false', 'allDrawn=<*>'],
    ['250ms', '<*>'],
    ['msra-sa-41:8030', '<*>'],
    ['cp-1.slowvm1.example.com', '<*>'],
    ['cmp=com.example.app/.MainActivity', 'cmp=<*>'],
    ['00000001@2016/9/27:20:30:31.455', '<*>@<*>/<*>/<*>:<*>:<*>:<*>'],
  ]
  for (const [input, expected] of cases) {
    it(`masks ${input} as ${expected} when it holds a value`, () => assert.equal(maskToken(input), expected))
  }

  it('keeps words, versions glued to names and class names when nothing varies', () => {
    for (const t of [
      'ssh2',
      'u0',
      'Slf4jLogger',
      'org.apache.hadoop.mapreduce.v2.app.MRAppMaster',
      'mapred.job.id',
      'x+',
    ]) {
      assert.equal(maskToken(t), t)
    }
  })

  it('applies user masks first when they are configured', () => {
    const { masks, invalid } = compileMasks([
      { name: 'ticket', pattern: 'TKT-[A-Z]+' },
      { name: 'broken', pattern: '(' },
    ])
    assert.equal(maskToken('ref=TKT-ABC', masks), 'ref=<*>')
    assert.deepEqual(
      invalid.map((i) => i.name),
      ['broken'],
    )
  })
})
