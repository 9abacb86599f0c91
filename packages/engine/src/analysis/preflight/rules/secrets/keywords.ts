/** @module Names that announce a secret (password, token, api_key …) and names that only look like they do. */
import { spellings } from './prefilter.ts'

export type KeyStrength = 'password' | 'strong' | 'weak' | null

const PASSWORD = /passw(?:or)?d|passwd|pwd|passphrase|pass$|^pass[_.-]|[_.-]pass$/
const STRONG =
  /secret|token|api[_.-]?key|apikey|access[_.-]?key|private[_.-]?key|credential|creds?(?:$|[_.-])|auth|bearer|signing[_.-]?key|encrypt(?:ion)?[_.-]?key|session[_.-]?key|master[_.-]?key|license[_.-]?key|app[_.-]?key|client[_.-]?key|secret[_.-]?key|webhook|sas$|conn(?:ection)?[_.-]?str/
const WEAK = /key$|key[_.-]|keys?$/

/** Parts of names that say the value is not itself a secret (a path, an id, a public half, a setting). */
const NOT_SECRET =
  /public|publishable|pub[_.-]?key|tokeni[sz]e|token[_.-]?(?:type|url|uri|endpoint|expir|ttl|len|count|limit|name|path|file|field|header|prefix|index)|(?:^|[_.-])(?:url|uri|path|file|dir|name|type|id|ids|len|length|size|count|prefix|suffix|format|header|endpoint|expiry|expires|ttl|timeout|enabled|required|field|label|hint|regex|pattern|policy|mode|version|algorithm|alg|method|provider|scope|scopes|env|var|ref|arn|hash|sha\d*|digest|checksum|fingerprint|integrity|nonce|salt)$|csrf|xsrf|authenticity|keyboard|monkey|donkey|turkey|hockey|jockey|keyword|keystore[_.-]?type|primary[_.-]?key|foreign[_.-]?key|sort[_.-]?key|partition[_.-]?key|cache[_.-]?key|idempotency|key[_.-]?(?:id|name|path|file|size|len|alias|vault|ring|type|code|press|down|up|map)$|author/

/**
 * The last word of a name says what it holds (`workerToken` is a token, `tokenWorker` a worker). It must be a
 * secret noun or a word for the form of one (value, b64, prod …), else the name is about something else.
 */
const HEAD =
  /^(?:pass(?:word|wd|phrase)?|pwd|pw|[a-z]*(?:secret|token|key)s?|credentials?|creds?|auth|authorization|bearer|sas|pat|webhook|conn(?:ection)?(?:str(?:ing)?)?|dsn|login|psk|otp|value|val|str|string|data|b64|base64|raw|hex|bytes|text|plain|clear(?:text)?|pem|der|enc(?:rypted)?|live|prod(?:uction)?|staging|stage|dev(?:elopment)?|test|sandbox|local|default|old|new|current|next|primary|secondary|backup|override|env|config|[a-z])$/

/** How strongly a name (variable, field, header) suggests its value is a secret. */
export function keyStrength(rawName: string): KeyStrength {
  const name = rawName
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
  if (name.length === 0 || name.length > 80) return null
  if (NOT_SECRET.test(name)) return null
  const words = name.split(/[^a-z0-9]+/).filter((w) => !/^\d+$/.test(w))
  const head = (words.at(-1) ?? '').replace(/\d+$/, '')
  if (words.length > 1 && !HEAD.test(head)) return null
  if (PASSWORD.test(name)) return 'password'
  if (STRONG.test(name)) return 'strong'
  if (WEAK.test(name)) return 'weak'
  return null
}

/** Pre-filter: names worth a closer look contain one of these fragments, in lower, upper or capitalized case. */
export const KEYWORD_LITERALS = [
  'pass',
  'pwd',
  'secret',
  'token',
  'key',
  'cred',
  'auth',
  'bearer',
  'webhook',
  'sas',
  'conn',
].flatMap(spellings)

const strengths = new Map<string, KeyStrength>()

/** keyStrength, remembered: the same names recur throughout a code base. */
export function keyStrengthOf(name: string): KeyStrength {
  let s = strengths.get(name)
  if (s === undefined) {
    if (strengths.size > 50_000) strengths.clear()
    s = keyStrength(name)
    strengths.set(name, s)
  }
  return s
}
