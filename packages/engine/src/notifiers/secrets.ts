/**
 * @module The secret values inside a channel config: webhook URLs (and the tokens in their path and query),
 * HMAC secrets and SMTP passwords. The redact stage and each notifier's own failure details scrub them.
 */
import type { ChannelConfig } from '../config/schema.ts'

const MIN_TOKEN = 12

/** A webhook URL is a credential: the whole URL, its path and query, and every long path segment or parameter. */
export function urlSecrets(url: string): string[] {
  const out = [url]
  try {
    const u = new URL(url)
    const rest = `${u.pathname}${u.search}`
    if (rest.length >= MIN_TOKEN) out.push(rest)
    for (const seg of u.pathname.split('/')) if (seg.length >= MIN_TOKEN) out.push(decodeURIComponent(seg))
    for (const v of u.searchParams.values()) if (v.length >= MIN_TOKEN) out.push(v)
    if (u.password) out.push(decodeURIComponent(u.password))
  } catch {
    // not a URL: the whole text stays a secret
  }
  return [...new Set(out)]
}

export function channelSecrets(config: ChannelConfig): string[] {
  switch (config.type) {
    case 'console':
      return []
    case 'slack':
    case 'teams':
      return urlSecrets(config.webhookUrl)
    case 'webhook':
      return [
        config.secret,
        ...urlSecrets(config.url)
          .slice(1)
          .filter((s) => !s.startsWith('/')),
        ...Object.values(config.headers).filter((v) => v.length >= MIN_TOKEN),
      ]
    case 'email':
      return config.password ? [config.password] : []
  }
}
