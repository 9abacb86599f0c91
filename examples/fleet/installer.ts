/**
 * @module The update feed's payload: a small installer whose bytes derive from the version (same version, same
 * bytes) with a real sha512, and the electron-builder latest.yml that announces it.
 */
import { createHash } from 'node:crypto'

export const INSTALLER_SIZE = 64 * 1024

export interface Installer {
  name: string
  bytes: Buffer
  /** base64, as electron-builder writes it. */
  sha512: string
}

export function installerFor(version: string): Installer {
  const blocks: Buffer[] = [Buffer.from(`MZ RinaWarp Shop ${version} installer\n`)]
  let length = blocks[0]!.length
  for (let i = 0; length < INSTALLER_SIZE; i++) {
    const block = createHash('sha256').update(`rinawarp-shop ${version} ${i}`).digest()
    blocks.push(block)
    length += block.length
  }
  const bytes = Buffer.concat(blocks).subarray(0, INSTALLER_SIZE)
  return {
    name: `RinaWarp-Shop-Setup-${version}.exe`,
    bytes,
    sha512: createHash('sha512').update(bytes).digest('base64'),
  }
}

/** latest.yml in electron-builder's format (files[], then the legacy path and sha512 fields). */
export function latestYml(version: string, installer: Installer, releaseDate: Date): string {
  return [
    `version: ${version}`,
    'files:',
    `  - url: ${installer.name}`,
    `    sha512: ${installer.sha512}`,
    `    size: ${installer.bytes.length}`,
    `path: ${installer.name}`,
    `sha512: ${installer.sha512}`,
    `releaseDate: '${releaseDate.toISOString()}'`,
    '',
  ].join('\n')
}
