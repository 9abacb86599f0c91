/**
 * @module Loads rina.yml: finds it (or takes --config PATH), reads it and validates it. Fails with one
 * RinaError: CONFIG_NOT_FOUND, or CONFIG_INVALID carrying every located problem in `details`.
 */
import { readFile, stat } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { RinaError } from '../errors.ts'
import { CONFIG_FILE_NAMES, findConfig } from './find.ts'
import { formatConfigIssues } from './format.ts'
import type { Env } from './interpolate.ts'
import type { ConfigIssue } from './issue.ts'
import type { RinaConfig } from './schema.ts'
import { validateConfigText } from './validate.ts'

export interface LoadConfigOptions {
  /** Explicit file (or directory holding rina.yml), relative to cwd; otherwise found by walking up from cwd. */
  path?: string | undefined
  cwd: string
  env: Env
}

export interface LoadedConfig {
  config: RinaConfig
  /** Absolute path of the file read. */
  path: string
  /** Its directory: relative paths in the config are relative to it. */
  dir: string
  /** Values that came from environment variables; redact them from all output. */
  secrets: string[]
}

export async function loadConfig(opts: LoadConfigOptions): Promise<LoadedConfig> {
  const path =
    opts.path === undefined ? await findConfig(opts.cwd) : await explicitFile(resolve(opts.cwd, opts.path))
  if (path === null) {
    throw new RinaError({
      code: 'CONFIG_NOT_FOUND',
      message:
        opts.path === undefined
          ? `no rina.yml found in ${resolve(opts.cwd)} or any directory above it`
          : `no config file at ${resolve(opts.cwd, opts.path)}`,
      hint: 'run `rina init` to create rina.yml, or pass --config PATH',
    })
  }
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (cause) {
    throw new RinaError({
      code: 'CONFIG_NOT_FOUND',
      message: `cannot read ${path}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}`,
      hint: 'check the file exists and is readable, or run `rina init` to create one',
      cause,
    })
  }
  const file = relative(resolve(opts.cwd), path) || path
  const result = validateConfigText(text, { file, env: opts.env })
  if (!result.ok) throw invalidConfig(file, result.error)
  return { config: result.value.config, path, dir: dirname(path), secrets: result.value.secrets }
}

export function invalidConfig(file: string, issues: ConfigIssue[]): RinaError {
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`
  const lines = formatConfigIssues(issues)
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')
  return new RinaError({
    code: 'CONFIG_INVALID',
    message: `${file} has ${count}:\n${lines}`,
    hint: 'fix them and run again; every field is described in the rina.yml reference (docs/config.md)',
    details: issues,
  })
}

/** The explicit path if it is a file, its rina.yml if it is a directory, else null. */
async function explicitFile(path: string): Promise<string | null> {
  const kind = await stat(path).then(
    (s) => (s.isDirectory() ? 'dir' : 'file'),
    () => null,
  )
  if (kind === 'file') return path
  if (kind !== 'dir') return null
  for (const name of CONFIG_FILE_NAMES) {
    const inside = join(path, name)
    if (
      await stat(inside).then(
        (s) => s.isFile(),
        () => false,
      )
    )
      return inside
  }
  return null
}
