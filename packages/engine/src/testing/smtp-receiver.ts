/**
 * @module A real local SMTP server for email notifier tests (smtp-server on 127.0.0.1, port 0, no TLS). It can
 * require a login, reject messages with a scripted SMTP reply, or hold a session without answering.
 */
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  from: string
  to: string[]
  raw: string
}

/** `hang` accepts the data but never answers it; a reply rejects it (4xx temporary, 5xx permanent). */
export type SmtpReply = 'accept' | 'hang' | { code: number; message: string }

export interface SmtpReceiver {
  readonly host: string
  readonly port: number
  readonly mails: ReceivedMail[]
  setReply(reply: SmtpReply): void
  close(): Promise<void>
}

export async function startSmtpReceiver(
  opts: { user?: string; password?: string } = {},
): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = []
  let reply: SmtpReply = 'accept'
  const server = new SMTPServer({
    logger: false,
    closeTimeout: 200,
    disabledCommands: ['STARTTLS'],
    authOptional: opts.user === undefined,
    allowInsecureAuth: true,
    onAuth(auth, _session, cb) {
      if (auth.username === opts.user && auth.password === opts.password) cb(null, { user: auth.username })
      else cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }))
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const current = reply
        if (current === 'hang') return
        if (current !== 'accept') {
          cb(Object.assign(new Error(current.message), { responseCode: current.code }))
          return
        }
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        })
        cb()
      })
    },
  })
  server.on('error', () => {})
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.server.address() as AddressInfo
  return {
    host: '127.0.0.1',
    port,
    mails,
    setReply: (r) => void (reply = r),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
