/** @module Opens the store named in config: SQLite (embedded default) or PostgreSQL. */
import { isAbsolute, resolve } from 'node:path'
import type { RinaConfig } from '../config/schema.ts'
import { RinaError } from '../errors.ts'
import { createSqliteStore } from './sqlite/index.ts'
import type { Store } from './types.ts'

export async function openStore(
  cfg: RinaConfig['store'],
  baseDir: string,
  ids: () => string,
): Promise<Store> {
  if (cfg.type === 'sqlite') {
    const path = isAbsolute(cfg.path) ? cfg.path : resolve(baseDir, cfg.path)
    try {
      return createSqliteStore({ path, ids })
    } catch (cause) {
      throw new RinaError({
        code: 'STORE_UNAVAILABLE',
        message: `cannot open the state database ${path}: ${(cause as Error).message}`,
        hint: 'check that the directory is writable, or set store.path in rina.yml',
        cause,
      })
    }
  }
  const { createPostgresStore } = await import('./postgres/index.ts')
  try {
    return await createPostgresStore({ url: cfg.url, ids })
  } catch (cause) {
    if (cause instanceof RinaError) throw cause
    throw new RinaError({
      code: 'STORE_UNAVAILABLE',
      message: `cannot reach the PostgreSQL store: ${(cause as Error).message}`,
      hint: 'check store.url in rina.yml and that the server is running',
      cause,
    })
  }
}
