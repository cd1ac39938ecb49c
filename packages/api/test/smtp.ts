import type { AddressInfo } from 'node:net'
import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

/** A real SMTP server on a free local port: keeps every accepted message, parsed; can be told to refuse. */
export async function startSmtpSink() {
  const received: ParsedMail[] = []
  /** Replies for the next DATA commands, in order (`{ code: 451, message }`); empty: accept. */
  const refusals: { code: number; message: string }[] = []
  let attempts = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        attempts++
        const refusal = refusals.shift()
        if (refusal) {
          const err = Object.assign(new Error(refusal.message), { responseCode: refusal.code })
          callback(err)
          return
        }
        simpleParser(Buffer.concat(chunks))
          .then((mail) => {
            received.push(mail)
            callback()
          })
          .catch(callback)
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as AddressInfo).port
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refusals,
    attempts: () => attempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
