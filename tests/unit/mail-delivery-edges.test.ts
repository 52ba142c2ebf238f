import fs from 'node:fs'
import path from 'node:path'

import { eq } from 'drizzle-orm'
import { SMTPServer } from 'smtp-server'
import { describe, expect, it } from 'vitest'

import { db, sqlite } from '#db/client'
import { mailQueue } from '#db/schema'
import {
  deliverQueued,
  enqueueMail,
  flushMail,
  kickDelivery,
  listOutbox,
  readOutboxMessage,
  sendMail,
  unsubscribeUrl,
  verifyUnsubscribe,
} from '~/models/mail/index.server'
import { outboxDir } from '~/models/mail/transport.server'

import { demo } from '../setup/actors'
import { removeOutboxAfterAll } from '../setup/mail'

/*
 * Delivery edges (issue 18, mail survivors): who may switch what off, a message queued while a
 * delivery pass runs, the stored error of a refusing server, the unsubscribe link's user id
 * written another way, and the outbox when it is missing or written out of order.
 */

removeOutboxAfterAll()

const base = { lang: 'en' as const, text: 't', html: '<p>t</p>' }
const rowOf = (id: number) => db.select().from(mailQueue).where(eq(mailQueue.id, id)).get()!
const idOf = (subject: string) =>
  db.select({ id: mailQueue.id }).from(mailQueue).where(eq(mailQueue.subject, subject)).get()?.id

describe('the outbox', () => {
  it('missing altogether: an empty list and no message, not an error', () => {
    fs.rmSync(outboxDir(), { recursive: true, force: true })
    const admin = demo.admin()
    expect(listOutbox(admin, { limit: 10, offset: 0 })).toEqual({ rows: [], total: 0 })
    expect(readOutboxMessage(admin, '2031-01-01T00-00-00-000Z-1.eml')).toBeNull()
  })

  it('lists files newest first whatever order they were written in; a page past the end is empty', () => {
    fs.mkdirSync(outboxDir(), { recursive: true })
    const names = ['2031-03', '2031-01', '2031-05', '2031-02', '2031-04'].map(
      (month, i) => `${month}-01T08-00-00-000Z-${900_001 + i}.eml`,
    )
    for (const name of names) fs.writeFileSync(path.join(outboxDir(), name), 'MIME')
    const admin = demo.admin()
    const listed = listOutbox(admin, { limit: 100, offset: 0 })
    expect(listed.rows.map((r) => r.file)).toEqual([...names].sort().reverse())
    expect(listOutbox(admin, { limit: 10, offset: 100 })).toEqual({ rows: [], total: 5 })
    for (const name of names) fs.rmSync(path.join(outboxDir(), name))
  })
})

describe('switching off', () => {
  it('an opt-out stored for a transactional kind never stops an invitation or a password reset', () => {
    const viewer = demo.viewer()
    const insert = sqlite().prepare('insert into mail_opt_outs (user_id, kind) values (?, ?)')
    insert.run(viewer.id, 'invitation')
    insert.run(viewer.id, 'password-reset')
    for (const kind of ['invitation', 'password-reset'] as const)
      expect(
        enqueueMail(db, {
          ...base,
          to: 'viewer@demo.ripple',
          userId: viewer.id,
          kind,
          subject: `Dostęp: ${kind}`,
        }),
      ).toBe(idOf(`Dostęp: ${kind}`))
    expect(idOf('Dostęp: invitation')).toBeTypeOf('number')
    sqlite().prepare('delete from mail_opt_outs where user_id = ?').run(viewer.id)
  })

  it('sendMail sends at once; a message the user switched off starts no delivery', async () => {
    await sendMail({ ...base, to: 'comms@demo.ripple', kind: 'invitation', subject: 'Zaproszenie: Łódź' })
    await flushMail()
    expect(rowOf(idOf('Zaproszenie: Łódź')!).status).toBe('sent')

    const viewer = demo.viewer()
    const stray = enqueueMail(db, { ...base, to: 'nobody@example.eu', kind: 'invitation', subject: 'Stray' })!
    sqlite()
      .prepare('insert into mail_opt_outs (user_id, kind) values (?, ?)')
      .run(viewer.id, 'monthly-reach')
    await sendMail({
      ...base,
      to: 'viewer@demo.ripple',
      userId: viewer.id,
      kind: 'monthly-reach',
      subject: 'Off: Θεσσαλονίκη',
      dedupeKey: '2031-01',
    })
    await flushMail()
    expect(idOf('Off: Θεσσαλονίκη')).toBeUndefined()
    expect(rowOf(stray).status).toBe('queued')
    db.delete(mailQueue).where(eq(mailQueue.id, stray)).run()
    sqlite().prepare('delete from mail_opt_outs where user_id = ?').run(viewer.id)
  })
})

describe('background delivery', () => {
  it('a message queued while a pass is sending goes out in that same run', async () => {
    await flushMail()
    const first = enqueueMail(db, { ...base, to: 'comms@demo.ripple', kind: 'invitation', subject: 'First' })!
    kickDelivery()
    // The pass has picked its messages; this one is queued after, and asks for delivery again.
    const second = enqueueMail(db, {
      ...base,
      to: 'comms@demo.ripple',
      kind: 'invitation',
      subject: 'Second',
    })!
    kickDelivery()
    await flushMail()
    expect([rowOf(first).status, rowOf(second).status]).toEqual(['sent', 'sent'])
  })

  it('keeps the first 500 characters of a long refusal', async () => {
    const refusal = 'Skrzynka pełna — Η θυρίδα είναι γεμάτη. '.repeat(20)
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onMailFrom(_address, _session, callback) {
        const error = new Error(refusal) as Error & { responseCode: number }
        error.responseCode = 452
        callback(error)
      },
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const address = server.server.address()
    const port = typeof address === 'object' && address ? address.port : 0
    await flushMail()
    const id = enqueueMail(db, { ...base, to: 'comms@demo.ripple', kind: 'invitation', subject: 'Refused' })!
    await deliverQueued({ smtpUrl: `smtp://127.0.0.1:${port}`, timeoutMs: 2000 })
    await new Promise<void>((resolve) => server.close(resolve))
    const { lastError, status } = rowOf(id)
    expect(status).toBe('queued')
    expect(lastError).toHaveLength(500)
    expect(lastError).toContain('452 Skrzynka pełna — Η θυρίδα είναι γεμάτη.')
  })
})

describe('the unsubscribe link', () => {
  it('takes the user id only as written in the link: several digits yes, another spelling no', () => {
    const params = new URL(unsubscribeUrl(42, 'reminder')).searchParams
    const link = { u: params.get('u'), k: params.get('k'), s: params.get('s') }
    expect(verifyUnsubscribe(link)).toEqual({ userId: 42, kind: 'reminder' })
    for (const u of ['42.0', '42\n', '42e0', '42 '])
      expect(verifyUnsubscribe({ ...link, u }), JSON.stringify(u)).toBeNull()
  })
})
