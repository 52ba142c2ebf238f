import fs from 'node:fs'
import path from 'node:path'

import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { mailQueue } from '#db/schema'
import {
  deliverQueued,
  enqueueMail,
  flushMail,
  sendMail,
  verifyUnsubscribe,
} from '~/models/mail/index.server'
import { outboxDir } from '~/models/mail/transport.server'

import { demo } from '../setup/actors'
import { startSmtpServer, type TestSmtpServer } from '../setup/smtp'

let smtp: TestSmtpServer
beforeAll(async () => {
  smtp = await startSmtpServer({ auth: { user: 'ripple', pass: 'sé cret' } })
})
afterAll(() => smtp.close())

const partner = () => demo.partner()

function queued(subject: string) {
  return db.select().from(mailQueue).where(eq(mailQueue.subject, subject)).get()!
}

describe('mail through a real SMTP server', () => {
  it('delivers text and HTML parts, a Greek/Polish subject, and one-click unsubscribe headers', async () => {
    const subject = 'Υπενθύμιση: zgłoś działania — Ripple'
    enqueueMail(db, {
      to: 'partner@demo.ripple',
      userId: partner().id,
      kind: 'reminder',
      lang: 'en',
      subject,
      text: 'Καλημέρα! Łódź, Brașov, Donostia.',
      html: '<p>Καλημέρα! <b>Łódź</b></p>',
    })
    const result = await deliverQueued({ smtpUrl: smtp.url, timeoutMs: 2000 })
    expect(result.sent).toBeGreaterThanOrEqual(1)
    const got = smtp.messages.find((m) => m.subject === subject)!
    expect(got.text?.trim()).toBe('Καλημέρα! Łódź, Brașov, Donostia.')
    expect(got.html).toContain('<b>Łódź</b>')
    expect(got.envelope.to).toEqual(['partner@demo.ripple'])
    const list = String(got.headers.get('list-unsubscribe') ?? JSON.stringify(got.headers.get('list')))
    expect(got.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toContain(
      'List-Unsubscribe=One-Click',
    )
    const link = /https?:\/\/[^>\s"]+\/unsubscribe\?[^>\s"]+/.exec(
      got.headerLines.find((h) => h.key === 'list-unsubscribe')!.line + list,
    )![0]
    const params = new URL(link.replace(/&amp;/g, '&')).searchParams
    expect(verifyUnsubscribe({ u: params.get('u'), k: params.get('k'), s: params.get('s') })).toEqual({
      userId: partner().id,
      kind: 'reminder',
    })
    expect(queued(subject).status).toBe('sent')
  })

  it('a transactional message carries no unsubscribe header', async () => {
    const subject = 'Set your password (transactional)'
    enqueueMail(db, {
      to: 'viewer@demo.ripple',
      kind: 'password-reset',
      lang: 'es',
      subject,
      text: 'x',
      html: '<p>x</p>',
    })
    await deliverQueued({ smtpUrl: smtp.url, timeoutMs: 2000 })
    const got = smtp.messages.find((m) => m.subject === subject)!
    expect(got.headerLines.some((h) => h.key === 'list-unsubscribe')).toBe(false)
  })

  it('a refusing server is retried later, with back-off, and the message arrives once', async () => {
    const subject = 'Retry me, Čeština ř'
    smtp.refuseNext(1)
    enqueueMail(db, {
      to: 'comms@demo.ripple',
      kind: 'invitation',
      lang: 'en',
      subject,
      text: 't',
      html: '<p>t</p>',
    })
    const first = await deliverQueued({ smtpUrl: smtp.url, timeoutMs: 2000 })
    expect(first.retrying).toBe(1)
    const waiting = queued(subject)
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1 })
    expect(waiting.lastError).toMatch(/451|later/i)
    expect(waiting.nextAttemptAt > new Date().toISOString()).toBe(true)
    // Not due yet: nothing happens.
    expect((await deliverQueued({ smtpUrl: smtp.url, timeoutMs: 2000 })).sent).toBe(0)
    db.update(mailQueue)
      .set({ nextAttemptAt: '2000-01-01T00:00:00.000Z' })
      .where(eq(mailQueue.id, waiting.id))
      .run()
    expect((await deliverQueued({ smtpUrl: smtp.url, timeoutMs: 2000 })).sent).toBe(1)
    expect(queued(subject)).toMatchObject({ status: 'sent', attempts: 2 })
    expect(smtp.messages.filter((m) => m.subject === subject)).toHaveLength(1)
  })

  it('sendMail does not wait for or fail on a server that is down', async () => {
    const subject = 'Server down'
    const started = Date.now()
    await sendMail({
      to: 'comms@demo.ripple',
      kind: 'invitation',
      lang: 'en',
      subject,
      text: 't',
      html: '<p>t</p>',
    })
    expect(Date.now() - started).toBeLessThan(200)
    await flushMail()
    // The background pass used the outbox (no SMTP_URL in tests); with a dead server it retries.
    db.update(mailQueue)
      .set({ status: 'queued', nextAttemptAt: '2000-01-01T00:00:00.000Z' })
      .where(eq(mailQueue.id, queued(subject).id))
      .run()
    const result = await deliverQueued({ smtpUrl: 'smtp://127.0.0.1:1', timeoutMs: 500 })
    expect(result.retrying).toBeGreaterThanOrEqual(1)
    expect(queued(subject).status).toBe('queued')
  })

  it('a notification kind the user switched off is not stored; a repeated dedupe key is stored once', () => {
    const base = {
      to: 'partner@demo.ripple',
      userId: partner().id,
      lang: 'en' as const,
      text: 't',
      html: '<p>t</p>',
    }
    expect(
      enqueueMail(db, { ...base, kind: 'monthly-reach', subject: 'once', dedupeKey: '2031-01' }),
    ).not.toBeNull()
    expect(
      enqueueMail(db, { ...base, kind: 'monthly-reach', subject: 'twice', dedupeKey: '2031-01' }),
    ).toBeNull()
  })
})

describe('the outbox fallback', () => {
  it('writes each message as a real MIME .eml file beside the database', async () => {
    const subject = 'Informe mensual: ñandú, Żółć'
    const id = enqueueMail(db, {
      to: 'viewer@demo.ripple',
      kind: 'invitation',
      lang: 'es',
      subject,
      text: 'Hola ñ',
      html: '<p>Hola ñ</p>',
    })!
    await deliverQueued({ smtpUrl: null })
    const file = fs.readdirSync(outboxDir()).find((f) => f.endsWith(`-${id}.eml`))!
    expect(path.dirname(outboxDir())).toBe(path.dirname(path.resolve(process.env.DATABASE_URL!)))
    const source = fs.readFileSync(path.join(outboxDir(), file), 'utf8')
    expect(source).toMatch(/Content-Type: multipart\/alternative/)
    expect(source).toMatch(/Content-Type: text\/plain; charset=utf-8/)
    expect(source).toMatch(/Content-Type: text\/html; charset=utf-8/)
    expect(source).toContain('To: viewer@demo.ripple')
    expect(source).toMatch(/Subject: =\?UTF-8\?/)
    expect(queued(subject).status).toBe('sent')
  })
})
