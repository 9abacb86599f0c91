import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { promisify } from 'node:util'
import { starterScripts } from './init.ts'

const run = promisify(execFile)

/** A stand-in for a command on PATH that prints its name and arguments, one per line. */
const echoArgs = (name: string) => `#!/bin/sh\necho ${name}\nfor a in "$@"; do echo "$a"; done\n`

describe('starterScripts (run with sh)', () => {
  let dir: string
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rina-init-'))
    for (const f of starterScripts()) {
      await mkdir(join(dir, 'deploy'), { recursive: true })
      await writeFile(join(dir, f.path), f.content, { mode: f.mode })
    }
    for (const name of ['rina', 'npx']) {
      await mkdir(join(dir, `bin-${name}`))
      await writeFile(join(dir, `bin-${name}`, name), echoArgs(name))
      await chmod(join(dir, `bin-${name}`, name), 0o755)
    }
  })
  after(() => rm(dir, { recursive: true, force: true }))

  it('echoes what it would deploy when called with the release environment', async () => {
    const env = { PATH: '/usr/bin:/bin', RINA_ENV: 'staging', RINA_SERVICE: 'website', RINA_RELEASE: 'r42' }
    const { stdout } = await run(join(dir, 'deploy/website.sh'), [], { env, cwd: dir })
    assert.equal(stdout, 'would deploy website release r42 to staging (previous: none)\n')
    const back = await run(join(dir, 'deploy/api.sh'), ['rollback'], {
      env: { ...env, RINA_SERVICE: 'api', RINA_PREVIOUS_RELEASE: 'r43' },
    })
    assert.equal(back.stdout, 'would rollback api release r42 to staging (previous: r43)\n')
  })

  it('fails with a message when run outside rina without RINA_ENV', async () => {
    await assert.rejects(
      run(join(dir, 'deploy/worker.sh'), [], { env: { PATH: '/usr/bin:/bin' } }),
      (e: Error) => {
        assert.match((e as Error & { stderr: string }).stderr, /RINA_ENV is set by rina/)
        return true
      },
    )
  })

  it('passes its arguments unchanged to rina when rina is on PATH', async () => {
    const env = { PATH: `${join(dir, 'bin-rina')}:${join(dir, 'bin-npx')}:/usr/bin:/bin` }
    const { stdout } = await run(join(dir, 'deploy/freeze.sh'), ['production', '--reason', 'launch day'], {
      env,
    })
    assert.deepEqual(stdout.trim().split('\n'), ['rina', 'freeze', 'production', '--reason', 'launch day'])
  })

  it('falls back to npx --no-install when rina is not on PATH', async () => {
    const env = { PATH: `${join(dir, 'bin-npx')}:/usr/bin:/bin` }
    const { stdout } = await run(join(dir, 'deploy/notify.sh'), ['--message', 'hi there'], { env })
    assert.deepEqual(stdout.trim().split('\n'), [
      'npx',
      '--no-install',
      'rina',
      'notify',
      '--message',
      'hi there',
    ])
  })
})
