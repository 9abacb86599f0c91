/**
 * @module Self-identifying credential formats: tokens whose prefix or shape names the provider. Each pattern has
 * a literal `hint` checked first with a plain substring search, so a file pays for a regex only when it can match.
 * Public (publishable) keys are left out on purpose.
 */

export interface TokenPattern {
  /** Provider or format, e.g. "github". */
  kind: string
  /** Human label used in messages. */
  label: string
  /** Literal substrings, one of which must occur on a line for the pattern to be tried there. */
  hints: string[]
  /** Global regex; capture group 1, when present, is the secret value. */
  re: RegExp
  /** Skip the placeholder check (the format itself is strong enough, e.g. sequential digits are part of it). */
  strict?: boolean
}

const B = '(?<![A-Za-z0-9_-])'
const E = '(?![A-Za-z0-9_-])'
const p = (kind: string, label: string, hints: string[], source: string, flags = ''): TokenPattern => ({
  kind,
  label,
  hints,
  re: new RegExp(source, `g${flags}`),
})

/**
 * A Discord bot token opens with a base64 user id, and three ASCII digits always encode as one of these 1,200
 * four-character groups (`MTk4` for "198").
 */
const DISCORD_ID = [...'MNO'].flatMap((a) =>
  [...'DTjz'].flatMap((b) => [...'AEIMQUYcgk'].flatMap((c) => [...'wxyz012345'].map((d) => a + b + c + d))),
)

export const TOKEN_PATTERNS: TokenPattern[] = [
  p(
    'aws',
    'AWS access key id',
    ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T'],
    `${B}((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})${E}`,
  ),
  p(
    'github',
    'GitHub token',
    ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    `${B}(gh[pousr]_[A-Za-z0-9]{36,255})${E}`,
  ),
  p('github', 'GitHub fine-grained token', ['github_pat_'], `${B}(github_pat_[A-Za-z0-9_]{80,255})${E}`),
  p('github', 'GitHub app installation token', ['ghs_'], `${B}(ghs_\\d+_ey[\\w.-]{40,})`),
  p(
    'gitlab',
    'GitLab token',
    ['glpat-', 'glrt-', 'gldt-', 'glsoat-', 'glcbt-', 'glft-', 'glffct-', 'glwt-', 'glagent-', 'gloas-'],
    `${B}(gl(?:pat|rt|dt|soat|cbt|ft|ffct|wt)-[\\w-]{20,}|glagent-[\\w-]{50,}|gloas-[\\w-]{64})${E}`,
  ),
  p('gitlab', 'GitLab trigger token', ['glptt-'], `${B}(glptt-[\\w-]{40})${E}`),
  p('gitlab', 'GitLab incoming mail token', ['glimt-'], `${B}(glimt-[\\w-]{25})${E}`),
  p('gitlab', 'GitLab runner registration token', ['GR1348941'], `${B}(GR1348941[\\w-]{20,})${E}`),
  p('slack', 'Slack token', ['xox'], `${B}(xox[abposer]-\\d{8,14}-[A-Za-z0-9-]{8,})${E}`),
  p('slack', 'Slack app token', ['xapp-'], `${B}(xapp-\\d-[A-Z0-9]+-\\d+-[a-z0-9]{20,})${E}`),
  p('slack', 'Slack configuration token', ['xoxe'], `${B}(xoxe(?:\\.xox[bp])?-\\d-[A-Za-z0-9]{100,})${E}`),
  p('slack', 'Slack legacy token', ['xoxa-', 'xoxr-'], `${B}(xox[ar]-(?:\\d-)?[A-Za-z0-9]{12,})${E}`),
  p(
    'slack',
    'Slack legacy workspace token',
    ['xoxo-', 'xoxs-'],
    `${B}(xox[os]-\\d+-\\d+-\\d+-[a-fA-F\\d]{8,})${E}`,
  ),
  p(
    'slack',
    'Slack webhook',
    ['hooks.slack.com'],
    `hooks\\.slack\\.com/(?:services|workflows|triggers)/([A-Za-z0-9+/]{32,})`,
  ),
  p(
    'microsoft-teams',
    'Teams webhook',
    ['webhook.office.com', 'outlook.office.com'],
    `((?:[\\w-]+\\.webhook|outlook)\\.office\\.com/webhook(?:b2)?/[\\w-]+@[\\w-]+/IncomingWebhook/[\\w]{16,}/[\\w-]+)`,
  ),
  p(
    'anthropic',
    'Anthropic API key',
    ['sk-ant-'],
    `${B}(sk-ant-(?:api|admin|oat|sid)\\d{2}-[\\w-]{32,})${E}`,
  ),
  p('openai', 'OpenAI API key', ['T3BlbkFJ'], `${B}(sk-(?:[a-z]+-)?[\\w-]{16,}T3BlbkFJ[\\w-]{16,})${E}`),
  p('groq', 'Groq API key', ['gsk_'], `${B}(gsk_[A-Za-z0-9]{52})${E}`),
  p('huggingface', 'Hugging Face token', ['hf_', 'api_org_'], `${B}((?:hf_|api_org_)[A-Za-z]{34})${E}`),
  p(
    'stripe',
    'Stripe secret key',
    ['sk_live_', 'sk_test_', 'sk_prod_', 'rk_live_', 'rk_test_', 'rk_prod_'],
    `${B}((?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{24,247})${E}`,
  ),
  p('sendgrid', 'SendGrid API key', ['SG.'], `${B}(SG\\.[\\w-]{22}\\.[\\w-]{43})${E}`),
  p(
    'twilio',
    'Twilio API key',
    [...'0123456789abcdefABCDEF'].map((c) => `SK${c}`),
    `${B}(SK[0-9a-fA-F]{32})${E}`,
  ),
  p('npm', 'npm access token', ['npm_'], `${B}(npm_[A-Za-z0-9]{36})${E}`),
  p('pypi', 'PyPI upload token', ['pypi-AgE'], `${B}(pypi-AgE[\\w-]{100,})${E}`),
  p('digitalocean', 'DigitalOcean token', ['_v1_'], `${B}(do[opr]_v1_[a-f0-9]{64})${E}`),
  p(
    'doppler',
    'Doppler token',
    ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'],
    `${B}(dp\\.(?:pt|st|sa|ct|scim|audit)\\.[A-Za-z0-9]{40,44})${E}`,
  ),
  p('databricks', 'Databricks token', ['dapi'], `${B}(dapi[a-fA-F0-9]{32}(?:-\\d)?)${E}`),
  p(
    'shopify',
    'Shopify token',
    ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    `${B}(shp(?:at|ca|pa|ss)_[a-zA-Z0-9]{32,64})${E}`,
  ),
  p('atlassian', 'Atlassian API token', ['ATATT'], `${B}(ATATT3[A-Za-z0-9_=-]{180,})`),
  p('linear', 'Linear API key', ['lin_api_', 'lin_oauth_'], `${B}(lin_(?:api|oauth)_[A-Za-z0-9]{40})${E}`),
  p(
    'notion',
    'Notion token',
    ['ntn_', 'secret_'],
    `${B}(ntn_\\d{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})${E}`,
  ),
  p('postman', 'Postman API key', ['PMAK-'], `${B}(PMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34})${E}`),
  p('pulumi', 'Pulumi token', ['pul-'], `${B}(pul-[a-f0-9]{40})${E}`),
  p('prefect', 'Prefect API key', ['pnu_'], `${B}(pnu_[A-Za-z0-9]{36})${E}`),
  p('readme', 'ReadMe API key', ['rdme_'], `${B}(rdme_[a-z0-9]{70})${E}`),
  p(
    'flyio',
    'Fly.io token',
    ['fo1_', 'fm1', 'fm2'],
    `${B}(fo1_[\\w-]{43}|fm[12][ar]?_[A-Za-z0-9+/]{100,}={0,3})`,
  ),
  p(
    'grafana',
    'Grafana token',
    ['glc_', 'glsa_', 'eyJrIjoi'],
    `${B}(glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|eyJrIjoi[A-Za-z0-9]{70,400}={0,2})`,
  ),
  p('hashicorp-vault', 'Vault token', ['hvs.', 'hvb.'], `${B}(hv[sb]\\.[\\w-]{90,300})${E}`),
  p(
    'hashicorp-terraform',
    'Terraform Cloud token',
    ['.atlasv1.'],
    `${B}([a-z0-9]{14}\\.atlasv1\\.[a-z0-9_=-]{60,70})${E}`,
    'i',
  ),
  p(
    'tailscale',
    'Tailscale key',
    ['tskey-'],
    `(?<![A-Za-z])(tskey-(?:api|auth|client|scim|webhook)-[A-Za-z0-9]{6,}-[A-Za-z0-9]{16,})${E}`,
  ),
  p(
    'vercel',
    'Vercel token',
    ['vcp_', 'vck_', 'vci_', 'vca_', 'vcr_'],
    `${B}(vc[pkiar]_[A-Za-z0-9]{24,})${E}`,
  ),
  p('figma', 'Figma token', ['figd_'], `${B}(figd_[\\w-]{40,})${E}`),
  p('docker', 'Docker Hub token', ['dckr_'], `${B}(dckr_(?:pat|oat)_[\\w-]{27,})${E}`),
  p(
    'cloudflare',
    'Cloudflare token',
    ['cfat_', 'cfut_', 'cfk_'],
    `${B}(cf(?:at|ut|k)_[A-Za-z0-9]{40,}[a-f0-9]{8})${E}`,
  ),
  p('planetscale', 'PlanetScale token', ['pscale_'], `${B}(pscale_(?:pw|tkn|oauth)_[\\w=.-]{32,64})${E}`),
  p(
    'sidekiq',
    'Sidekiq credentials',
    ['contribsys.com'],
    `([a-f0-9]{8}:[a-f0-9]{8})@(?:gems|enterprise)\\.contribsys\\.com`,
  ),
  p('age', 'age secret key', ['AGE-SECRET-KEY-'], `(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})`),
  p('alibaba', 'Alibaba access key', ['LTAI'], `${B}(LTAI[A-Za-z0-9]{20})${E}`),
  p('gcp', 'Google API key', ['AIza'], `${B}(AIza[\\w-]{35})${E}`),
  p('azure', 'Azure AD client secret', ['Q~'], `${B}([A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.-]{31,34})${E}`),
  p('azure', 'Azure storage account key', ['AccountKey='], `AccountKey=([A-Za-z0-9+/]{86}==)`),
  p(
    'mailchimp',
    'Mailchimp API key',
    [...'123456789'].map((d) => `-us${d}`),
    `${B}([0-9a-f]{32}-us\\d{1,2})${E}`,
  ),
  p('mailgun', 'Mailgun key', ['key-'], `${B}(key-[a-f0-9]{32})${E}`),
  p(
    'telegram',
    'Telegram bot token',
    [...'0123456789'].map((d) => `${d}:A`),
    `${B}(\\d{8,10}:A[\\w-]{34})${E}`,
  ),
  p(
    'discord',
    'Discord bot token',
    DISCORD_ID,
    `${B}([MNO][A-Za-z\\d_-]{23,25}\\.[\\w-]{6}\\.[\\w-]{27,38})${E}`,
  ),
  p(
    'discord',
    'Discord webhook',
    ['/api/webhooks/'],
    `(discord(?:app)?\\.com/api/webhooks/\\d+/[\\w-]{60,})`,
  ),
  p('artifactory', 'Artifactory API key', ['AKC'], `${B}(AKC[A-Za-z0-9]{69})${E}`),
  p('mapbox', 'Mapbox secret token', ['sk.eyJ'], `${B}(sk\\.eyJ[\\w-]+\\.[\\w-]{20,})${E}`),
  p('newrelic', 'New Relic key', ['NRAK-', 'NRII-'], `${B}(NR(?:AK|II)-[A-Z0-9]{27,32})${E}`),
  p('sentry', 'Sentry token', ['sntry'], `${B}(sntry[su]_[\\w=+/-]{64,})`),
  p('rubygems', 'RubyGems API key', ['rubygems_'], `${B}(rubygems_[a-f0-9]{48})${E}`),
  p('clojars', 'Clojars token', ['CLOJARS_'], `${B}(CLOJARS_[a-z0-9]{60})${E}`, 'i'),
  p('nuget', 'NuGet API key', ['oy2'], `${B}(oy2[a-z0-9]{43})${E}`),
  p('shippo', 'Shippo token', ['shippo_'], `${B}(shippo_(?:live|test)_[a-fA-F0-9]{40})${E}`),
  p('easypost', 'EasyPost key', ['EZAK', 'EZTK'], `${B}(EZ[AT]K[a-zA-Z0-9]{54})${E}`),
  p('duffel', 'Duffel token', ['duffel_'], `${B}(duffel_(?:test|live)_[\\w=-]{43})${E}`),
  p(
    'flutterwave',
    'Flutterwave secret key',
    ['FLWSECK', 'FLWENC'],
    `${B}(FLW(?:SECK|ENC)(?:_TEST)?-?[a-hA-H0-9]{12,32}(?:-X)?)${E}`,
  ),
  p('frameio', 'Frame.io token', ['fio-u-'], `${B}(fio-u-[\\w=-]{64})${E}`),
  p(
    'settlemint',
    'SettleMint token',
    ['sm_pat_', 'sm_aat_', 'sm_sat_'],
    `${B}(sm_(?:pat|aat|sat)_[A-Za-z0-9]{16})${E}`,
  ),
  p('defined-networking', 'Defined Networking key', ['dnkey-'], `${B}(dnkey-[\\w=-]{26}-[\\w=-]{52})${E}`),
  p('intra42', '42 intra secret', ['s-s4t2'], `${B}(s-s4t2(?:ud|af)-[a-f0-9]{64})${E}`),
  p('sonar', 'SonarQube token', ['squ_', 'sqp_', 'sqa_'], `${B}(sq[upa]_[a-zA-Z0-9]{40})${E}`),
  p(
    'sourcegraph',
    'Sourcegraph token',
    ['sgp_'],
    `${B}(sgp_(?:[a-fA-F0-9]{16}|local)_[a-fA-F0-9]{40}|sgp_[a-fA-F0-9]{40})${E}`,
  ),
  p('clickhouse', 'ClickHouse Cloud key', ['4b1d'], `${B}(4b1d[A-Za-z0-9]{38})${E}`),
  p('typeform', 'Typeform token', ['tfp_'], `${B}(tfp_[\\w.=-]{59})${E}`),
  p(
    'authress',
    'Authress key',
    ['.acc_', '.acc-'],
    `${B}((?:sc|ext|scauth|authress)_[a-z0-9]{5,30}\\.[a-z0-9]{4,6}\\.acc[_-][a-z0-9-]{10,32}\\.[a-z0-9+/_=-]{30,120})`,
    'i',
  ),
  p(
    'yandex',
    'Yandex key',
    ['t1.', 'AQVN', 'YC'],
    `${B}(t1\\.[A-Z0-9a-z_-]+={0,2}\\.[A-Z0-9a-z_-]{86}={0,2}|AQVN[A-Za-z0-9_-]{35,38}|YC[A-Za-z0-9_-]{38})${E}`,
  ),
  p('square', 'Square token', ['sq0', 'EAAA'], `${B}(sq0(?:atp|csp)-[\\w-]{22,43}|EAAA[\\w-]{60})${E}`),
  p('facebook', 'Facebook access token', ['EAAM', 'EAAC'], `${B}(EAA[MC][A-Za-z0-9]{100,})${E}`),
  p(
    'facebook',
    'Facebook app access token',
    [...[...'0123456789'].map((d) => `${d}|`), '%7C'],
    `${B}(\\d{15,16}(?:\\||%7C)[\\w-]{27})${E}`,
  ),
  p('airtable', 'Airtable token', ['pat'], `${B}(pat[A-Za-z0-9]{14}\\.[a-f0-9]{64})${E}`),
  p('maxmind', 'MaxMind license key', ['_mmk'], `${B}([A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk)${E}`),
  p('dropbox', 'Dropbox token', ['sl.'], `${B}(sl\\.[A-Za-z0-9_=-]{130,})`),
  p(
    'jwt',
    'JSON Web Token',
    ['eyJ'],
    `${B}(eyJ[A-Za-z0-9_-]{12,}\\.eyJ[A-Za-z0-9_/\\\\-]{12,}(?:\\.[A-Za-z0-9_/\\\\-]*)?)`,
  ),
]
