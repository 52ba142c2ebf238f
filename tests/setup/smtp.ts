import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type ReceivedMail = ParsedMail & { envelope: { from: string | null; to: string[] } }

export type TestSmtpServer = {
  /** smtp://[user:pass@]127.0.0.1:port, for SMTP_URL or deliverQueued({ smtpUrl }). */
  url: string
  /** What arrived, parsed (text and HTML parts, headers, decoded subject), in order. */
  messages: ReceivedMail[]
  close: () => Promise<void>
  /** The next n messages are refused with a temporary error (451), as a busy server does. */
  refuseNext: (n: number) => void
}

/**
 * A real SMTP server in the test process on a free loopback port (no TLS), without sign-in or
 * with `auth: { user, pass }`. Tests assert on what it received.
 */
export async function startSmtpServer(
  opts: { auth?: { user: string; pass: string } } = {},
): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = []
  let refusals = 0
  const server = new SMTPServer({
    authOptional: !opts.auth,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (opts.auth && auth.username === opts.auth.user && auth.password === opts.auth.pass)
        callback(null, { user: auth.username })
      else callback(new Error('Invalid username or password'))
    },
    onMailFrom(_address, _session, callback) {
      if (refusals > 0) {
        refusals--
        const error = new Error('Try again later') as Error & { responseCode: number }
        error.responseCode = 451
        callback(error)
        return
      }
      callback()
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push(
            Object.assign(parsed, {
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
                to: session.envelope.rcptTo.map((r) => r.address),
              },
            }),
          )
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const credentials = opts.auth
    ? `${encodeURIComponent(opts.auth.user)}:${encodeURIComponent(opts.auth.pass)}@`
    : ''
  return {
    url: `smtp://${credentials}127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(resolve)),
    refuseNext: (n) => {
      refusals = n
    },
  }
}
