/**
 * @module `rina init`: the text of a commented starter rina.yml and the deploy/*.sh wrappers it refers to.
 * Pure: returns text; the CLI writes the files.
 */

export interface StarterFile {
  /** Path relative to the project root. */
  path: string
  content: string
  /** File mode, e.g. 0o755 for scripts. */
  mode: number
}

/** A valid project name from any folder or package name: lowercase, digits and dashes, starting with a letter. */
export function projectSlug(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/^@[^/]*\//, '')
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+/g, '-')
    .slice(0, 40)
    .replace(/-+$/, '')
  return slug === '' ? 'my-app' : slug
}

const SERVICES = ['website', 'api', 'worker', 'electron'] as const

function service(name: (typeof SERVICES)[number], env: 'staging' | 'production'): string {
  const host = env === 'production' ? 'example.com' : 'staging.example.com'
  const probe: Record<(typeof SERVICES)[number], string> = {
    website: `          - { name: home, type: http, url: https://www.${host}/ }`,
    api: [
      `          - name: health`,
      `            type: http`,
      `            url: https://api.${host}/health`,
      `            expect: { status: 200, json: { "$.status": ok }, maxLatency: 2s }`,
    ].join('\n'),
    worker: `          - { name: beat, type: heartbeat, key: worker-${env}, staleAfter: 2m }`,
    electron: `          - { name: feed, type: electron-feed, url: https://updates.${host}/latest.yml }`,
  }
  return [
    `      ${name}:`,
    `        kind: ${name}`,
    `        deploy:`,
    `          type: command`,
    `          deploy: ./deploy/${name}.sh`,
    `          rollback: ./deploy/${name}.sh rollback`,
    `          timeout: 10m`,
    `        probes:`,
    probe[name],
  ].join('\n')
}

/** The text of a starter rina.yml that passes validation as it is. */
export function starterConfig(projectName: string): string {
  const services = (env: 'staging' | 'production') => SERVICES.map((s) => service(s, env)).join('\n')
  return `# rina.yml: how ${projectSlug(projectName)} goes from a workspace to production, and who hears about it.
# Every field is described in the rina.yml reference (docs/config.md); \`rina config schema\` prints the JSON Schema.
# Any string may read an environment variable with \${VAR} or \${VAR:-default}; such values are kept secret.

version: 1
project: ${projectSlug(projectName)}

# Where the journal (every deploy, approval, freeze and incident, hash-chained) and the state live.
# SQLite needs no server; for several machines use: { type: postgres, url: "\${DATABASE_URL}" }
store:
  type: sqlite
  path: .rina/state.db

# Environments in promotion order: a release goes to staging first, then to production.
# Each service is deployed in the order listed, by the command provider calling your own script
# (it gets RINA_ENV, RINA_SERVICE, RINA_RELEASE and RINA_PREVIOUS_RELEASE), and checked by its probes.
environments:
  staging:
    autoRollback: true
    # The health gate: every probe passes 3 times within 2 minutes, then 1 minute of watching.
    health: { passes: 3, within: 2m, soak: 1m }
    services:
${services('staging')}

  production:
    autoRollback: false
    health: { passes: 3, within: 5m, soak: 10m }
    # Who must agree before a release reaches production.
    approval:
      required: 1
      allowSelfApproval: false
      requirePassed: staging
    services:
${services('production')}

# Who hears about deploys, freezes and incidents. Channels are named; routes pick events for them.
notifications:
  channels:
    terminal:
      type: console
      stream: stderr
    # team-slack:
    #   type: slack
    #   webhookUrl: \${SLACK_WEBHOOK_URL}
    #   mention: "<!here>"
    # team-teams:
    #   type: teams
    #   webhookUrl: \${TEAMS_WEBHOOK_URL}
    # audit-hook:
    #   type: webhook
    #   url: https://hooks.example.com/rina
    #   secret: \${RINA_WEBHOOK_SECRET}
    # on-call-mail:
    #   type: email
    #   host: smtp.example.com
    #   port: 587
    #   user: \${SMTP_USER}
    #   password: \${SMTP_PASSWORD}
    #   from: rina@example.com
    #   to: [oncall@example.com]
  # Channels \`rina notify\` uses when no --channel is given.
  default: [terminal]
  routes:
    - events: ["*"]
      channels: [terminal]
    # - events: ["incident.*", "deploy.*"]
    #   environments: [production]
    #   minSeverity: warning
    #   channels: [team-slack]
  # Failed deliveries are retried with backoff, then kept as dead letters.
  delivery: { maxAttempts: 8, initialBackoff: 2s, maxBackoff: 5m }

# Times when production accepts no deploy. \`rina freeze\` freezes by hand (incidents, launches).
freeze:
  windows:
    - name: weekend
      environments: [production]
      timezone: Europe/London
      weekly: { from: Fri 16:00, to: Mon 08:00 }
      reason: No production deploys over the weekend.
`
}

const RINA = (command: string) => `#!/bin/sh
# Thin wrapper over \`rina ${command}\`: arguments are passed through unchanged (see \`rina ${command} --help\`).
# Uses rina from PATH when installed, else the project's own copy through npx.
set -eu
if command -v rina >/dev/null 2>&1; then
  exec rina ${command} "$@"
fi
exec npx --no-install rina ${command} "$@"
`

const EXAMPLE = (name: string) => `#!/bin/sh
# Example deploy script for the ${name} service, called by rina's command provider.
#   ./deploy/${name}.sh            deploy RINA_RELEASE to RINA_ENV
#   ./deploy/${name}.sh rollback   go back to RINA_RELEASE (the previous release)
# Replace the echo lines with the real steps (build upload, service restart, …). Exit non-zero to fail the step.
set -eu
action="\${1:-deploy}"
env="\${RINA_ENV:?RINA_ENV is set by rina}"
release="\${RINA_RELEASE:?RINA_RELEASE is set by rina}"
service="\${RINA_SERVICE:-${name}}"
echo "would \${action} \${service} release \${release} to \${env} (previous: \${RINA_PREVIOUS_RELEASE:-none})"
`

/** The seed's terminal commands as thin wrappers over rina (the repository ships the same files in deploy/). */
export function wrapperScripts(): StarterFile[] {
  return [
    { path: 'deploy/deploy-staging.sh', content: RINA('deploy staging'), mode: 0o755 },
    { path: 'deploy/deploy-prod.sh', content: RINA('deploy production'), mode: 0o755 },
    { path: 'deploy/health-check.sh', content: RINA('health-check'), mode: 0o755 },
    { path: 'deploy/freeze.sh', content: RINA('freeze'), mode: 0o755 },
    { path: 'deploy/notify.sh', content: RINA('notify'), mode: 0o755 },
    { path: 'deploy/incident-response.sh', content: RINA('incident-response'), mode: 0o755 },
  ]
}

/** The deploy/*.sh wrappers and examples the starter config refers to. */
export function starterScripts(): StarterFile[] {
  return [
    ...wrapperScripts(),
    ...SERVICES.map((s) => ({ path: `deploy/${s}.sh`, content: EXAMPLE(s), mode: 0o755 })),
  ]
}
