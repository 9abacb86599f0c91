/** @module In-memory API token store (hashes only), for tests and dry runs. */
import { RinaError } from '../../errors.ts'
import type { TokenRecord, TokenStore } from '../types.ts'

export function createMemoryTokens(): TokenStore {
  const rows: TokenRecord[] = []
  return {
    async create(record) {
      if (rows.some((r) => r.id === record.id || r.hash === record.hash)) {
        throw new RinaError({ code: 'INTERNAL', message: `token ${record.id} is already stored` })
      }
      rows.push({ ...record })
    },
    async list() {
      return rows.map((r) => ({ ...r }))
    },
    async findByHash(hash) {
      const r = rows.find((x) => x.hash === hash)
      return r ? { ...r } : null
    },
    async revoke(id, at) {
      const r = rows.find((x) => x.id === id)
      if (!r) return null
      r.revokedAt ??= at
      return { ...r }
    },
  }
}
