/** @module Minimal glob matching for allowlisted paths: `**`, `*`, `?` and literal text. */

const cache = new Map<string, RegExp>()

export function globToRegExp(glob: string): RegExp {
  const hit = cache.get(glob)
  if (hit) return hit
  let re = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/'
      re += slash ? '(?:.*/)?' : '.*'
      i += slash ? 2 : 1
    } else if (c === '*') re += '[^/]*'
    else if (c === '?') re += '[^/]'
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  const out = new RegExp(`^${re}$`)
  cache.set(glob, out)
  return out
}

/** A pattern without a slash matches the file name anywhere, like .gitignore. */
export const matchGlob = (glob: string, path: string): boolean =>
  globToRegExp(glob.includes('/') ? glob.replace(/^\.?\//, '') : `**/${glob}`).test(path)
