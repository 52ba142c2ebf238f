import fs from 'node:fs'
import path from 'node:path'

import nodemailer, { type Transporter } from 'nodemailer'

import { databaseFile } from '#db/client'
import { env } from '~/utils/env.server'

/** What a transport needs to send one stored message. */
export type MimeMessage = {
  id: number
  to: string
  subject: string
  text: string
  html: string
  headers: Record<string, string>
}

export type TransportOptions = {
  /** An SMTP server (smtp:// or smtps://); null writes .eml files to the outbox instead. */
  smtpUrl: string | null
  /** How long to wait for the server to connect, greet and answer, in milliseconds. */
  timeoutMs: number
}

/** The outbox folder: `outbox/` beside the database file. */
export function outboxDir(): string {
  const file = databaseFile()
  const base = file === ':memory:' ? path.resolve('./data') : path.dirname(path.resolve(file))
  return path.join(base, 'outbox')
}

const smtpTransports = new Map<string, Transporter>()

function smtpTransport({ smtpUrl, timeoutMs }: TransportOptions): Transporter {
  const key = `${smtpUrl}|${timeoutMs}`
  let transport = smtpTransports.get(key)
  if (!transport) {
    const url = new URL(smtpUrl!)
    transport = nodemailer.createTransport({
      host: url.hostname,
      port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
      secure: url.protocol === 'smtps:',
      auth: url.username
        ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
        : undefined,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs * 2,
      tls: { servername: url.hostname },
    })
    smtpTransports.set(key, transport)
  }
  return transport
}

const fileTransport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })

/** Sends one message through SMTP, or writes it as a real MIME .eml file to the outbox. */
export async function transmit(message: MimeMessage, options: TransportOptions): Promise<void> {
  const mail = {
    from: env().MAIL_FROM,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: message.headers,
  }
  if (options.smtpUrl) {
    await smtpTransport(options).sendMail(mail)
    return
  }
  const info = await fileTransport.sendMail(mail)
  const dir = outboxDir()
  fs.mkdirSync(dir, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  fs.writeFileSync(path.join(dir, `${stamp}-${message.id}.eml`), info.message as Buffer)
}
