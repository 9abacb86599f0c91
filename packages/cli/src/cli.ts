/**
 * @module The command list. Each command declares its options and help here and lazily loads a thin handler
 * from commands/<name>.ts that calls the engine, prints, and returns data for --json.
 */
import { Command, Option } from 'commander'
import type { GlobalOptions, Io, Run } from './io.ts'
import { createOutput } from './output.ts'

type Handler = (run: Run, ...args: unknown[]) => Promise<number | void>

export function buildProgram(io: Io, state: { exitCode: number }): Command {
  const program = new Command('rina')
    .description('RinaWarp Deploy: one safe path from workspace to production, then watch and respond.')
    .version('0.1.0', '-V, --version')
    .option(
      '-c, --config <path>',
      'rina.yml to use (default: found by walking up from the working directory)',
    )
    .option('--json', 'print the result as JSON')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .addHelpText(
      'after',
      `
Exit codes: 0 ok, 1 failure, 2 usage error, 3 denied by a gate (freeze, approvals, confirmation).
Environment: RINA_USER names you in the audit trail (else git user.email, else the OS user); NO_COLOR disables colour.`,
    )

  const act =
    (load: () => Promise<Handler>) =>
    async (...args: unknown[]) => {
      const cmd = args[args.length - 1] as Command
      const global = cmd.optsWithGlobals() as GlobalOptions
      const run: Run = { io, global, out: createOutput(global.json === true, io) }
      const handler = await load()
      const code = await handler(run, ...args.slice(0, -1))
      if (typeof code === 'number') state.exitCode = code
    }
  const sub = (parent: Command, name: string, description: string, opts?: { isDefault?: boolean }) =>
    parent.command(name, opts).description(description).exitOverride().showHelpAfterError()

  // rina init
  sub(program, 'init', 'write a commented starter rina.yml and the deploy/*.sh wrappers')
    .option('--project <name>', 'project name (default: the directory name)')
    .option('--force', 'overwrite existing files')
    .addHelpText('after', '\nExamples:\n  $ rina init\n  $ rina init --project shop --force')
    .action(act(async () => (await import('./commands/init.ts')).init as Handler))

  // rina config
  const config = sub(program, 'config', 'check rina.yml or print its JSON Schema')
  sub(config, 'check', 'validate rina.yml and report every problem with its position')
    .addHelpText(
      'after',
      '\nExamples:\n  $ rina config check\n  $ rina config check --config ops/rina.yml --json',
    )
    .action(act(async () => (await import('./commands/config.ts')).check as Handler))
  sub(config, 'schema', 'print the JSON Schema of rina.yml (for editor autocompletion)')
    .addHelpText('after', '\nExamples:\n  $ rina config schema > rina.schema.json')
    .action(act(async () => (await import('./commands/config.ts')).schema as Handler))

  // rina deploy
  sub(
    program,
    'deploy',
    'deploy a release: preflight (first environment), gates, provider steps, health gate, soak',
  )
    .argument('<env>', 'environment, e.g. staging or production')
    .option('--release <id>', 'release id (default: the git commit at HEAD)')
    .option('--dry-run', 'print the plan (steps, commands, probes) without running it')
    .option(
      '--accept-risk <reason>',
      'deploy despite a no-go preflight, with the reason journaled (humans only)',
    )
    .addHelpText(
      'after',
      `
A protected environment (production, or one with an approval policy) also needs: the release passed the
environment before it, its approvals, a healthy environment now, and a person's confirmation — on a terminal you
type the environment name; without a terminal a prior approval of this exact release by a person is required and
CI is refused. Nothing skips the confirmation. A failed deploy rolls staging back automatically; in production the
rollback is prepared and a person runs it.

Examples:
  $ rina deploy staging --release 1.4.2
  $ rina deploy staging --dry-run
  $ rina deploy production --release 1.4.2`,
    )
    .action(act(async () => (await import('./commands/deploy.ts')).deploy as Handler))

  sub(
    program,
    'rollback',
    'switch an environment back to its previous (or a named) release; health verified after',
  )
    .argument('<env>', 'environment')
    .option('--to <release>', 'release to go back to (default: the previous one)')
    .option('-r, --reason <text>', 'why (required)')
    .addHelpText(
      'after',
      '\nA rollback is allowed during a freeze. Production rollbacks are taken by a person.\n\nExamples:\n  $ rina rollback production --reason "checkout errors since 1.4.2"\n  $ rina rollback staging --to 1.4.0 --reason "bad migration"',
    )
    .action(act(async () => (await import('./commands/deploy.ts')).rollback as Handler))

  sub(
    program,
    'review',
    'what an approver needs: commits, preflight findings, validation and soak probe history',
  )
    .argument('<release>', 'release id')
    .option('-e, --env <name>', 'environment the approval is for (default: the last in promotion order)')
    .addHelpText('after', '\nExamples:\n  $ rina review 1.4.2')
    .action(act(async () => (await import('./commands/review.ts')).review as Handler))

  sub(program, 'approve', 'approve a release for an environment (a person, with a reason)')
    .argument('<release>', 'release id')
    .option('-e, --env <name>', 'environment', 'production')
    .option('-r, --reason <text>', 'why (required)')
    .addHelpText(
      'after',
      '\nThe person who requested a release may approve it only where approval.allowSelfApproval is true.\n\nExamples:\n  $ rina approve 1.4.2 --reason "reviewed diff and staging soak"',
    )
    .action(act(async () => (await import('./commands/deploy.ts')).approve as Handler))

  sub(program, 'health-check', 'run every probe now; exits 1 when anything is unhealthy')
    .argument('[env]', 'environment (default: all)')
    .addHelpText('after', '\nExamples:\n  $ rina health-check production\n  $ rina health-check --json')
    .action(act(async () => (await import('./commands/status.ts')).healthCheck as Handler))

  sub(program, 'status', "each environment's current and previous release, freeze, last deploys and health")
    .option('--runs <n>', 'recent runs to show per environment', '3')
    .action(act(async () => (await import('./commands/status.ts')).status as Handler))

  // rina freeze
  const freeze = sub(program, 'freeze', 'production freeze (emergency stop): enable, disable, status')
  const envOpts = (c: Command) =>
    c.option('-e, --env <name>', 'environment (default: production)').option('--all', 'every environment')
  envOpts(sub(freeze, 'enable', 'freeze an environment: no deploy is accepted until it is lifted'))
    .option('-r, --reason <text>', 'why (required)')
    .option('--until <when>', 'lift automatically after a duration (2h, 30m) or at a time (ISO)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ rina freeze enable --reason "incident 42: checkout errors"\n  $ rina freeze enable --all --reason "holiday" --until 2026-12-27T08:00:00Z',
    )
    .action(act(async () => (await import('./commands/freeze.ts')).enable as Handler))
  envOpts(sub(freeze, 'disable', 'lift a freeze (a human action with a reason)'))
    .option('-r, --reason <text>', 'why (required)')
    .addHelpText('after', '\nExamples:\n  $ rina freeze disable --reason "incident 42 resolved"')
    .action(act(async () => (await import('./commands/freeze.ts')).disable as Handler))
  envOpts(sub(freeze, 'status', 'who froze, when, why and until when; active and next freeze windows'))
    .addHelpText(
      'after',
      '\nExamples:\n  $ rina freeze status --all\n  $ rina freeze status --env staging --json',
    )
    .action(act(async () => (await import('./commands/freeze.ts')).status as Handler))

  // rina notify
  const notify = sub(
    program,
    'notify',
    'send a notification to channels; see delivery status; retry dead letters',
  )
  sub(notify, 'send', 'send MESSAGE (the default: `rina notify MESSAGE` is the same)', { isDefault: true })
    .argument('<message>', 'what to say')
    .argument('[channel]', 'a channel, as with --channel (so `deploy/notify.sh MESSAGE CHANNEL` works)')
    .option('--channel <name...>', 'channel(s) from rina.yml (default: notifications.default)')
    .addOption(
      new Option('--severity <level>', 'severity').choices(['info', 'warning', 'critical']).default('info'),
    )
    .option('--title <text>', 'title (default: the first line of the message)')
    .option('-e, --env <name>', 'environment the message is about')
    .option('--wait <duration>', 'how long to keep retrying before leaving delivery to the outbox', '20s')
    .addHelpText(
      'after',
      '\nExamples:\n  $ rina notify "Deploy of api 1.4.2 to production starts in 5 minutes"\n  $ rina notify "Checkout is failing" --severity critical --channel ops-slack',
    )
    .action(act(async () => (await import('./commands/notify.ts')).send as Handler))
  sub(notify, 'status', 'outbox: pending, delivered and dead-lettered messages')
    .option('--limit <n>', 'rows to show', '20')
    .action(act(async () => (await import('./commands/notify.ts')).status as Handler))
  sub(notify, 'retry', 're-queue dead-lettered messages and deliver them')
    .argument('[ids...]', 'outbox item ids (default: every dead letter)')
    .option('--wait <duration>', 'how long to keep retrying', '20s')
    .action(act(async () => (await import('./commands/notify.ts')).retry as Handler))
  sub(notify, 'flush', 'deliver everything due in the outbox now')
    .option('--wait <duration>', 'how long to keep retrying', '20s')
    .action(act(async () => (await import('./commands/notify.ts')).flush as Handler))

  // rina preflight
  sub(program, 'preflight', 'analyse the change about to ship and decide go, caution or no-go')
    .option(
      '--base <ref>',
      'measure from this ref (default: the release on staging, else the merge base with the default branch)',
    )
    .option('--head <ref>', 'measure to this ref (default: HEAD)')
    .addOption(
      new Option('--staged', 'analyse what `git commit` would record now').conflicts(['base', 'head']),
    )
    .addOption(
      new Option('--working-tree', 'analyse every uncommitted change, untracked files included').conflicts([
        'base',
        'head',
        'staged',
      ]),
    )
    .option('--markdown', 'print the report as Markdown (for a pull-request comment)')
    .option('--sarif [file]', 'write SARIF 2.1.0 to FILE, or print it (for code scanning)')
    .addHelpText(
      'after',
      '\nWith --json it prints the report: decision, score, factors, findings, suppressed, summary, stats, range.' +
        '\nExit codes: 0 go or caution, 1 no-go, 2 usage error.' +
        '\n\nExamples:\n  $ rina preflight\n  $ rina preflight --base v1.4.0 --head HEAD --json' +
        '\n  $ rina preflight --staged\n  $ rina preflight --sarif preflight.sarif --markdown > comment.md',
    )
    .action(act(async () => (await import('./commands/preflight.ts')).preflight as Handler))

  // rina serve
  sub(program, 'serve', 'run the HTTP API, live event stream and metrics (127.0.0.1 by default)')
    .option('--host <address>', 'address to bind; beyond loopback TLS is required', '127.0.0.1')
    .option('--port <n>', 'port (0 picks a free one)', '7070')
    .option('--tls-cert <file>', 'PEM certificate chain: serve HTTPS')
    .option('--tls-key <file>', 'PEM private key for --tls-cert')
    .option('--allow-plain-http', 'allow plain HTTP beyond loopback (a proxy in front terminates TLS)')
    .option(
      '--frame-ancestor <origin...>',
      'also let this origin frame the dashboard, e.g. a browser-hosted VS Code (http://127.0.0.1:8123)',
    )
    .addHelpText(
      'after',
      '\nEvery request needs Authorization: Bearer <token> (rina token create) except GET /api/health.' +
        '\nThe API is described at /api/openapi.json. Stop with Ctrl-C (SIGINT) or SIGTERM.' +
        '\n\nExamples:\n  $ rina serve\n  $ rina serve --port 8080\n  $ rina serve --host 0.0.0.0 --tls-cert cert.pem --tls-key key.pem',
    )
    .action(act(async () => (await import('./commands/serve.ts')).serve as Handler))

  // rina token
  const token = sub(program, 'token', 'API tokens for rina serve: create, list, revoke')
  sub(token, 'create', 'make a token for a user with a role; the secret is printed once')
    .requiredOption('--user <name>', 'who uses it (their name is the actor in the journal)')
    .addOption(
      new Option('--role <role>', 'what it may do')
        .choices(['viewer', 'deployer', 'approver', 'admin'])
        .makeOptionMandatory(),
    )
    .addHelpText(
      'after',
      '\nRoles, lowest first: viewer (read), deployer (deploy, freeze, rollback, notify), approver (approve),' +
        '\nadmin (tokens). Only the SHA-256 of the token is stored.' +
        '\n\nExamples:\n  $ rina token create --user ana@example.com --role approver',
    )
    .action(act(async () => (await import('./commands/token.ts')).create as Handler))
  sub(token, 'list', 'every token, without its secret').action(
    act(async () => (await import('./commands/token.ts')).list as Handler),
  )
  sub(token, 'revoke', 'revoke a token: it stops working at once')
    .argument('<id>', 'token id (see rina token list)')
    .action(act(async () => (await import('./commands/token.ts')).revoke as Handler))

  // rina incident-response
  sub(
    program,
    'incident-response',
    'something is wrong: check health and recent logs now, open or update the incident, print its plan',
  )
    .argument(
      '[type]',
      'outage, degraded-performance, elevated-errors, failed-deploy, security or electron-update-failure',
    )
    .argument('[severity]', 'SEV1 (most severe) to SEV4, any case')
    .option('-e, --env <name>', 'environment (default: production)')
    .addHelpText(
      'after',
      '\nRuns every probe of the environment, reads the last 2,000 lines of its file log sources, and records what' +
        '\nfails with your trigger. Prints severity with its factors, ranked hypotheses with evidence, the response' +
        '\nplan (steps, owners, commands; decisions marked for a person) and the one next command.' +
        '\n\nExamples:\n  $ rina incident-response\n  $ rina incident-response outage SEV1\n  $ rina incident-response elevated-errors --env staging --json',
    )
    .action(act(async () => (await import('./commands/incident.ts')).response as Handler))

  // rina incident
  const incident = sub(
    program,
    'incident',
    'incidents: list, show, acknowledge, update, escalate, resolve, recover',
  )
  sub(incident, 'list', 'open incidents, newest first')
    .option('--all', 'resolved ones too')
    .option('-e, --env <name>', 'only this environment')
    .action(act(async () => (await import('./commands/incident.ts')).list as Handler))
  sub(incident, 'show', 'severity and factors, hypotheses, plan, timeline and recovery path of an incident')
    .argument('<id>', 'incident id, or a prefix only it has')
    .action(act(async () => (await import('./commands/incident.ts')).show as Handler))
  sub(incident, 'ack', 'acknowledge an incident: you take it on')
    .argument('<id>', 'incident id')
    .action(act(async () => (await import('./commands/incident.ts')).ack as Handler))
  sub(incident, 'update', 'add a note to the timeline; optionally mark plan steps done')
    .argument('<id>', 'incident id')
    .option('--note <text>', 'what changed (required)')
    .option('--done <step...>', 'plan step ids to mark done (see rina incident show)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ rina incident update inc_42 --note "api pods restarted" --done investigate',
    )
    .action(act(async () => (await import('./commands/incident.ts')).update as Handler))
  sub(incident, 'escalate', 'change the severity (a person, with a reason)')
    .argument('<id>', 'incident id')
    .option('--severity <level>', 'SEV1 (most severe) to SEV4')
    .option('-r, --reason <text>', 'why (required)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ rina incident escalate inc_42 --severity SEV1 --reason "checkout down for everyone"',
    )
    .action(act(async () => (await import('./commands/incident.ts')).escalate as Handler))
  sub(incident, 'resolve', 'resolve an incident (a person, with a reason); writes the postmortem draft')
    .argument('<id>', 'incident id')
    .option('-r, --reason <text>', 'why it is resolved (required)')
    .addHelpText(
      'after',
      '\nThe draft (timeline, impact, root cause, actions) is written to .rina/postmortems/ID.md beside rina.yml.' +
        '\n\nExamples:\n  $ rina incident resolve inc_42 --reason "rolled back to 1.4.1; probes pass"',
    )
    .action(act(async () => (await import('./commands/incident.ts')).resolve as Handler))
  sub(incident, 'recover', 'after a resolution: unfreeze, verify, send the update, resume deploys')
    .argument('<id>', 'incident id')
    .addOption(
      new Option('--step <step>', 'run one step and journal it').choices([
        'unfreeze',
        'verify',
        'update',
        'resume',
      ]),
    )
    .option('-r, --reason <text>', 'why (the unfreeze step needs one)')
    .addHelpText(
      'after',
      '\nWithout --step it shows the path. unfreeze lifts the freeze (a person, with a reason); verify runs every' +
        '\nprobe; update notifies the default channels; resume checks that deploys pass the freeze gate again.' +
        '\n\nExamples:\n  $ rina incident recover inc_42\n  $ rina incident recover inc_42 --step unfreeze --reason "incident resolved"',
    )
    .action(act(async () => (await import('./commands/incident.ts')).recover as Handler))

  // rina audit
  const audit = sub(program, 'audit', 'the tamper-evident audit trail: log, verify, anchor, export')
  sub(audit, 'log', 'list journal events')
    .option('--since <when>', 'events at or after a time (ISO) or within a duration (24h)')
    .option('--type <pattern...>', 'event types, * wildcards (freeze.*)')
    .option('--actor <who>', 'actor id, kind (human|agent|system) or kind:id')
    .option('--limit <n>', 'only the newest N')
    .addHelpText(
      'after',
      '\nExamples:\n  $ rina audit log --since 24h --type "freeze.*"\n  $ rina audit log --actor human --json',
    )
    .action(act(async () => (await import('./commands/audit.ts')).log as Handler))
  sub(audit, 'verify', 'check the hash chain; exits 1 naming the first bad event')
    .option(
      '--anchor <hash>',
      'a hash printed earlier by `rina audit anchor`: detects truncation of the tail',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ rina audit verify\n  $ rina audit verify --anchor "$(cat anchor.txt)"',
    )
    .action(act(async () => (await import('./commands/audit.ts')).verify as Handler))
  sub(audit, 'anchor', 'print the newest hash; keep it elsewhere to detect truncation later').action(
    act(async () => (await import('./commands/audit.ts')).anchor as Handler),
  )
  sub(audit, 'export', 'write every event as JSON lines')
    .option('-o, --output <file>', 'file to write (default: stdout)')
    .action(act(async () => (await import('./commands/audit.ts')).exportJsonl as Handler))

  // rina logs
  const logs = sub(
    program,
    'logs',
    'log templates: parse a log, summarise it, or follow an environment live; print the output of a run',
  )
  const logOpts = (c: Command) =>
    c
      .option(
        '--mask <name=regex>',
        'extra mask, repeatable: every match becomes a parameter (<*>)',
        (v: string, all: string[]) => [...all, v],
        [] as string[],
      )
      .addOption(
        new Option('--format <format>', 'how to read lines')
          .choices(['auto', 'text', 'json'])
          .default('auto'),
      )
  logOpts(sub(logs, 'parse', 'print the template of every line of FILE (- reads standard input)'))
    .argument('<file>', 'log file, or - for standard input')
    .option('--csv', 'print LineId,EventTemplate rows (the LogHub scorer format)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ rina logs parse /var/log/api.log\n  $ journalctl -u api -o cat | rina logs parse - --csv > templates.csv',
    )
    .action(act(async () => (await import('./commands/logs.ts')).parse as Handler))
  logOpts(sub(logs, 'analyze', 'top templates with counts and severity, errors and anomalies of FILE'))
    .argument('<file>', 'log file, or - for standard input')
    .option('--top <n>', 'templates to list', '10')
    .addHelpText(
      'after',
      '\nExamples:\n  $ rina logs analyze /var/log/api.log\n  $ rina logs analyze - --json < app.log',
    )
    .action(act(async () => (await import('./commands/logs.ts')).analyze as Handler))
  sub(logs, 'tail', 'follow the log sources of ENV (or one SERVICE) with template ids; Ctrl-C stops')
    .argument('<env>', 'environment from rina.yml')
    .argument('[service]', 'one service (default: every service of the environment)')
    .option('--idle <ms>', 'show a pending event after its source is quiet this long', '200')
    .addHelpText('after', '\nExamples:\n  $ rina logs tail staging\n  $ rina logs tail production api --json')
    .action(act(async () => (await import('./commands/logs.ts')).tail as Handler))
  sub(logs, 'run', 'print the command output of a deploy or rollback run (redacted); --follow while it runs')
    .argument('<runId>', 'run id, as a deploy or rollback prints it (run_…)')
    .option('--follow', 'keep printing new lines until the run ends; Ctrl-C stops')
    .option('--interval <ms>', 'with --follow, how often to look for new lines', '500')
    .addHelpText(
      'after',
      '\nStderr lines are marked with !. The log keeps the first 10,000 lines of each of the newest 200 runs.\n\nExamples:\n  $ rina logs run run_5f0c2a9e-7d41-4b8e-9a36-1c2d3e4f5a6b\n  $ rina logs run "$RUN_ID" --follow --json',
    )
    .action(act(async () => (await import('./commands/run-log.ts')).runLog as Handler))

  return program
}
