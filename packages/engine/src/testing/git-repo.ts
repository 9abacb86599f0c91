/** @module A real temporary git repository for tests: write files, commit with fixed dates, branch, clean up. */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export interface GitRepo {
  dir: string
  /** Runs git in the repository and returns its trimmed output. */
  git(...args: string[]): string
  /** Writes files (null deletes one) without staging them. */
  write(files: Record<string, string | null>): void
  /** Writes, stages everything and commits; returns the commit id. */
  commit(message: string, files?: Record<string, string | null>, date?: string): string
  cleanup(): void
}

export function gitRepo(opts: { branch?: string; date?: string } = {}): GitRepo {
  const dir = mkdtempSync(join(tmpdir(), 'rina-repo-'))
  const run = (args: string[], date = opts.date ?? '2025-12-01T00:00:00Z') =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
        GIT_CONFIG_NOSYSTEM: '1',
        HOME: dir,
      },
    }).trim()
  const write = (files: Record<string, string | null>) => {
    for (const [p, text] of Object.entries(files)) {
      const full = join(dir, p)
      if (text === null) unlinkSync(full)
      else {
        mkdirSync(dirname(full), { recursive: true })
        writeFileSync(full, text)
      }
    }
  }
  run(['init', '-q', '-b', opts.branch ?? 'main'])
  run(['config', 'user.email', 'dev@example.test'])
  run(['config', 'user.name', 'Dev'])
  run(['config', 'commit.gpgsign', 'false'])
  return {
    dir,
    git: (...args) => run(args),
    write,
    commit(message, files = {}, date) {
      write(files)
      run(['add', '-A'])
      run(['commit', '-q', '--allow-empty', '-m', message], date)
      return run(['rev-parse', 'HEAD'])
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  }
}
