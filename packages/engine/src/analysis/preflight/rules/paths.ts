/** @module Path classification shared by rules: tests, docs, production code, manifests and lockfiles. */

const TEST =
  /(?:^|\/)(?:tests?|__tests__|spec|specs|e2e|testing|fixtures?|__mocks__|testdata)\/|[._-](?:test|spec|e2e)\.[a-z0-9]+$|(?:^|\/)test_[^/]+\.py$|_test\.(?:go|py|rb|exs?)$|Tests?\.(?:java|kt|cs|swift)$/i
const DOCS =
  /(?:^|\/)(?:docs?|examples?|samples?|bench(?:marks?)?)\/|\.(?:md|mdx|rst|txt|adoc)$|(?:^|\/)(?:README|CHANGELOG|LICENSE)[^/]*$/i
const SOURCE =
  /\.(?:[cm]?[jt]sx?|py|rb|go|rs|java|kt|kts|scala|cs|php|swift|m|mm|c|cc|cpp|h|hpp|ex|exs|erl|clj|dart|lua|vue|svelte)$/i
const JS = /\.(?:[cm]?[jt]sx?|vue|svelte)$/i

export const isTestPath = (p: string): boolean => TEST.test(p)
export const isDocsPath = (p: string): boolean => DOCS.test(p)
export const isSourcePath = (p: string): boolean => SOURCE.test(p)
export const isJsPath = (p: string): boolean => JS.test(p)
/** Source that ships: code that is not a test, a doc, an example or a benchmark. */
export const isProductionCode = (p: string): boolean => isSourcePath(p) && !isTestPath(p) && !isDocsPath(p)

export const LOCKFILES: Record<string, string[]> = {
  'package-lock.json': ['package.json'],
  'npm-shrinkwrap.json': ['package.json'],
  'yarn.lock': ['package.json'],
  'pnpm-lock.yaml': ['package.json'],
  'bun.lockb': ['package.json'],
  'bun.lock': ['package.json'],
  'Cargo.lock': ['Cargo.toml'],
  'go.sum': ['go.mod'],
  'poetry.lock': ['pyproject.toml'],
  'uv.lock': ['pyproject.toml'],
  'Pipfile.lock': ['Pipfile'],
  'Gemfile.lock': ['Gemfile'],
  'composer.lock': ['composer.json'],
}

export const baseName = (p: string): string => p.slice(p.lastIndexOf('/') + 1)
export const dirName = (p: string): string => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '')
export const isLockfile = (p: string): boolean => baseName(p) in LOCKFILES
