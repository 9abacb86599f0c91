/** @module The Teams notifier runs the notifier conformance suite against a real local receiver. */
import { httpSubject, runNotifierConformance } from '../../testing/notifier.conformance.ts'
import { teamsNotifier } from './index.ts'
import { teamsChannelSchema } from './schema.ts'

const SIG = 'q7Zr0sIgNaTuReSeCrEt9x8w7v6u5t4s3r2'

runNotifierConformance({
  name: 'teams',
  create: (mode) =>
    httpSubject(mode, (base) => ({
      notifier: teamsNotifier(
        teamsChannelSchema.parse({
          type: 'teams',
          webhookUrl: `${base}/workflows/1f2e3d4c5b6a/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${SIG}`,
        }),
        {},
      ),
      secrets: [SIG],
    })),
})
