/**
 * @module Provider credentials without a prefix of their own (UUIDs, hex strings, digit runs) recognized by a
 * name that mentions the provider and a value of exactly the provider's documented shape: `SONAR_LOGIN = <40>`,
 * `asanaToken: <16 digits>`, `hubspot_api_key = <uuid>`. The name is the evidence the value alone lacks.
 */
import type { Located } from './formats.ts'
import { isNameChar, valueAfter } from './generic.ts'
import { isDummyToken, isReference } from './placeholder.ts'
import { LiteralSet, spellings, type TextHits } from './prefilter.ts'

interface ContextFormat {
  kind: string
  label: string
  /** Word that must occur in the name (case-insensitive); also what the text is searched for first. */
  probe: string
  /** Tested against the whole name (variable, key, element) the value is assigned to. */
  name: RegExp
  /** Tested against the whole value. */
  value: RegExp
}

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}'
const f = (kind: string, label: string, probe: string, name: RegExp, value: string): ContextFormat => ({
  kind,
  label,
  probe,
  name,
  value: new RegExp(`^(?:${value})$`),
})

export const CONTEXT_FORMATS: ContextFormat[] = [
  f('sonar', 'SonarQube token', 'sonar', /sonar[_.-]?(?:login|token)/i, '(?:sq[upa]_)?[A-Za-z0-9]{40}'),
  f('asana', 'Asana client id or secret', 'asana', /asana/i, '\\d{16}|[a-z0-9]{32}'),
  f('sumologic', 'Sumo Logic access id or key', 'sumo', /sumo/i, 'su[A-Za-z0-9]{12}|[A-Za-z0-9]{64}'),
  f('sourcegraph', 'Sourcegraph access token', 'sourcegraph', /sourcegraph/i, '[a-fA-F0-9]{40}'),
  f('hubspot', 'HubSpot API key', 'hubspot', /hubspot/i, UUID),
  f('sendbird', 'Sendbird access id or token', 'sendbird', /sendbird/i, `${UUID}|[a-f0-9]{40}`),
  f('heroku', 'Heroku API key', 'heroku', /heroku/i, UUID),
  f('datadog', 'Datadog API or application key', 'datadog', /datadog/i, '[a-f0-9]{32}|[a-f0-9]{40}'),
  f('sidekiq', 'Sidekiq Enterprise credentials', 'contribsys', /contribsys/i, '[a-f0-9]{8}:[a-f0-9]{8}'),
  f('algolia', 'Algolia admin key', 'algolia', /algolia/i, '[a-f0-9]{32}'),
]

/** Names that hold an identifier of something else, never a credential, whatever provider they mention. */
const NOT_CREDENTIAL =
  /url|uri|path|sha|hash|commit|revision|digest|version|project|workspace|task|team|org(?:ani[sz]ation)?[_.-]?id|user[_.-]?id|gid|search|public|pub[_.-]?key/i

/** The provider words, as names spell them; the scanner finds them in its single pass over the text. */
export const CONTEXT_LITERALS = [...new Set(CONTEXT_FORMATS.map((c) => c.probe))].flatMap(spellings)
const OWN = new LiteralSet(CONTEXT_LITERALS)

export function findContextual(text: string, hits: TextHits = OWN.scan(text)): Located[] {
  const probes: (readonly [number, number])[] = []
  for (const lit of CONTEXT_LITERALS) for (const at of hits.at(lit)) probes.push([at, lit.length])
  if (probes.length === 0) return []
  probes.sort((a, b) => a[0] - b[0])
  const out: Located[] = []
  let scannedTo = -1
  for (const [at, len] of probes) {
    if (at < scannedTo) continue
    let ks = at
    while (ks > 0 && isNameChar(text.charCodeAt(ks - 1))) ks--
    let ke = at + len
    while (ke < text.length && isNameChar(text.charCodeAt(ke))) ke++
    scannedTo = ke
    const name = text.slice(ks, ke)
    if (NOT_CREDENTIAL.test(name)) continue
    const found = valueAfter(text, ks, ke)
    if (!found || isDummyToken(found.value) || isReference(found.value)) continue
    const format = CONTEXT_FORMATS.find((c) => c.name.test(name) && c.value.test(found.value))
    if (format) out.push({ kind: format.kind, label: format.label, value: found.value, offset: found.offset })
  }
  return out
}
