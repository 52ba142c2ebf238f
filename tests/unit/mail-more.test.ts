import fs from 'node:fs'
import path from 'node:path'

import { and, desc, eq, isNull } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { actions, auditLog, mailOptOuts, mailQueue } from '#db/schema'
import {
  absoluteUrl,
  appUrl,
  deliverQueued,
  enqueueMail,
  flushMail,
  listOutbox,
  notificationKinds,
  notificationSettings,
  queueMonthlyReach,
  queueReminders,
  queueValidationSummary,
  readOutboxMessage,
  sendMail,
  setNotificationSettings,
  unsubscribe,
  unsubscribeUrl,
  verifyUnsubscribe,
} from '~/models/mail/index.server'
import { activeUsers, composeNotification } from '~/models/mail/messages/compose.server'
import { maxAttempts } from '~/models/mail/queue.server'
import { outboxDir } from '~/models/mail/transport.server'
import { ForbiddenError } from '~/utils/permissions'

import { demo } from '../setup/actors'
import { lastAudit } from '../setup/audit'
import { tx } from '../setup/db'
import { removeOutboxAfterAll } from '../setup/mail'

/*
 * Mail in detail (mutation testing, issue 18): notification settings and their audit rows, the
 * signed unsubscribe link, the outbox pages, the retry schedule up to the last attempt, the
 * message layout (escaped HTML, footer, link) and the comms lead's and readers' messages.
 */

removeOutboxAfterAll()

const base = { lang: 'en' as const, text: 't', html: '<p>t</p>' }

describe('notification settings', () => {
  it('all on until switched off; only the changed kinds are audited, with before and after', () => {
    const partner = demo.partner2()
    expect(notificationSettings(partner.id)).toEqual(
      Object.fromEntries(notificationKinds.map((k) => [k, true])),
    )
    tx((t) => setNotificationSettings(t, partner, partner.id, { reminder: false, 'monthly-reach': true }))
    expect(notificationSettings(partner.id)).toMatchObject({ reminder: false, 'monthly-reach': true })
    expect(lastAudit()).toMatchObject({
      userId: partner.id,
      entity: 'user',
      entityId: partner.id,
      action: 'update',
      summary: 'notification settings',
      before: { 'mail:reminder': true },
      after: { 'mail:reminder': false },
    })
    const count = db.select().from(auditLog).all().length
    // Nothing changes: no row.
    tx((t) => setNotificationSettings(t, partner, partner.id, { reminder: false, 'monthly-reach': true }))
    expect(db.select().from(auditLog).all()).toHaveLength(count)
    tx((t) => setNotificationSettings(t, partner, partner.id, { reminder: true }))
    expect(notificationSettings(partner.id).reminder).toBe(true)
    expect(lastAudit()).toMatchObject({
      before: { 'mail:reminder': false },
      after: { 'mail:reminder': true },
    })
  })

  it('nobody changes another user’s settings, not even an administrator', () => {
    const partner = demo.partner2()
    expect(() =>
      tx((t) => setNotificationSettings(t, demo.admin(), partner.id, { reminder: false })),
    ).toThrow(ForbiddenError)
    expect(notificationSettings(partner.id).reminder).toBe(true)
  })

  it('a signed link switches one kind off for its user; a changed or incomplete link does nothing', () => {
    const viewer = demo.viewer()
    const params = new URL(unsubscribeUrl(viewer.id, 'monthly-reach')).searchParams
    const link = { u: params.get('u'), k: params.get('k'), s: params.get('s') }
    expect(link.u).toBe(String(viewer.id))
    expect(link.k).toBe('monthly-reach')
    expect(verifyUnsubscribe(link)).toEqual({ userId: viewer.id, kind: 'monthly-reach' })
    expect(verifyUnsubscribe({ ...link, k: 'reminder' })).toBeNull()
    expect(verifyUnsubscribe({ ...link, k: 'invitation' })).toBeNull()
    expect(verifyUnsubscribe({ ...link, u: String(demo.comms().id) })).toBeNull()
    expect(verifyUnsubscribe({ ...link, u: `0${viewer.id}` })).toBeNull()
    expect(verifyUnsubscribe({ ...link, u: '12345678901' })).toBeNull()
    expect(verifyUnsubscribe({ ...link, s: link.s!.slice(1) })).toBeNull()
    expect(
      verifyUnsubscribe({ ...link, s: `${link.s!.slice(0, -1)}${link.s!.endsWith('A') ? 'B' : 'A'}` }),
    ).toBeNull()
    expect(verifyUnsubscribe({ ...link, s: null })).toBeNull()
    expect(verifyUnsubscribe({ ...link, u: undefined })).toBeNull()
    expect(verifyUnsubscribe({ ...link, k: '' })).toBeNull()
    expect(tx((t) => unsubscribe(t, { userId: viewer.id, kind: 'monthly-reach' }))).toBe(true)
    expect(notificationSettings(viewer.id)['monthly-reach']).toBe(false)
    expect(lastAudit()).toMatchObject({
      userId: viewer.id,
      entityId: viewer.id,
      after: { 'mail:monthly-reach': false },
    })
    expect(tx((t) => unsubscribe(t, { userId: 999_999, kind: 'monthly-reach' }))).toBe(false)
    // A switched-off kind is not stored; a transactional one always is.
    expect(
      enqueueMail(db, {
        ...base,
        to: 'viewer@demo.ripple',
        userId: viewer.id,
        kind: 'monthly-reach',
        subject: 'off',
      }),
    ).toBeNull()
    expect(
      enqueueMail(db, {
        ...base,
        to: 'viewer@demo.ripple',
        userId: viewer.id,
        kind: 'password-reset',
        subject: 'on',
      }),
    ).not.toBeNull()
    db.delete(mailOptOuts).where(eq(mailOptOuts.userId, viewer.id)).run()
  })

  it('a link for a user id of several digits verifies', () => {
    const params = new URL(unsubscribeUrl(1234, 'reminder')).searchParams
    expect(verifyUnsubscribe({ u: params.get('u'), k: params.get('k'), s: params.get('s') })).toEqual({
      userId: 1234,
      kind: 'reminder',
    })
  })

  it('links point at the app’s address', () => {
    expect(appUrl()).not.toMatch(/\/$/)
    expect(absoluteUrl('/account')).toBe(`${appUrl()}/account`)
    expect(unsubscribeUrl(3, 'reminder').startsWith(`${appUrl()}/unsubscribe?u=3&k=reminder&s=`)).toBe(true)
  })
})

describe('delivery', () => {
  it('backs off 1, 5, 15... minutes, then fails after the last attempt and keeps the error', async () => {
    const subject = 'Back-off Ελληνικά'
    const id = enqueueMail(db, { ...base, to: 'comms@demo.ripple', kind: 'invitation', subject })!
    const row = () => db.select().from(mailQueue).where(eq(mailQueue.id, id)).get()!
    const minutesAhead = () => Math.round((Date.parse(row().nextAttemptAt) - Date.now()) / 60_000)
    const dead = { smtpUrl: 'smtp://127.0.0.1:1', timeoutMs: 300 }
    const expected = [1, 5, 15]
    for (const minutes of expected) {
      const result = await deliverQueued(dead)
      expect(result.retrying).toBeGreaterThanOrEqual(1)
      expect(row().status).toBe('queued')
      expect(minutesAhead()).toBe(minutes)
      db.update(mailQueue)
        .set({ nextAttemptAt: '2000-01-01T00:00:00.000Z' })
        .where(eq(mailQueue.id, id))
        .run()
    }
    expect(row().attempts).toBe(3)
    expect(row().lastError).toMatch(/ECONNREFUSED|connect/i)
    // The last attempt: the message has failed, and is not tried again.
    db.update(mailQueue)
      .set({ attempts: maxAttempts - 1, nextAttemptAt: '2000-01-01T00:00:00.000Z' })
      .where(eq(mailQueue.id, id))
      .run()
    const last = await deliverQueued(dead)
    expect(last.failed).toBeGreaterThanOrEqual(1)
    expect(row()).toMatchObject({ status: 'failed', attempts: maxAttempts })
    // Its time stays where the last claim put it (the 15-minute hold): it is not due again.
    expect(minutesAhead()).toBe(15)
    expect(maxAttempts).toBe(8)
    await deliverQueued(dead)
    expect(row().attempts).toBe(maxAttempts)
    // Sent later (to the outbox), the error is cleared and the time recorded.
    db.update(mailQueue)
      .set({ status: 'queued', attempts: 1, nextAttemptAt: '2000-01-01T00:00:00.000Z' })
      .where(eq(mailQueue.id, id))
      .run()
    const sent = await deliverQueued({ smtpUrl: null })
    expect(sent.sent).toBeGreaterThanOrEqual(1)
    expect(row()).toMatchObject({ status: 'sent', lastError: null })
    expect(row().sentAt).not.toBeNull()
  })

  it('one-click unsubscribe headers on a notification to a user only', async () => {
    const sourceOf = (id: number) => {
      const file = fs.readdirSync(outboxDir()).find((f) => f.endsWith(`-${id}.eml`))!
      return fs.readFileSync(path.join(outboxDir(), file), 'utf8')
    }
    const partner = demo.partner()
    const toUser = enqueueMail(db, {
      ...base,
      to: 'partner@demo.ripple',
      userId: partner.id,
      kind: 'reminder',
      subject: 'Headers: to a user',
      dedupeKey: '2000-01-01',
    })!
    const toNobody = enqueueMail(db, {
      ...base,
      to: 'someone@example.eu',
      kind: 'reminder',
      subject: 'Headers: nobody',
    })!
    const transactional = enqueueMail(db, {
      ...base,
      to: 'partner@demo.ripple',
      userId: partner.id,
      kind: 'invitation',
      subject: 'Headers: transactional',
    })!
    await deliverQueued({ smtpUrl: null })
    const source = sourceOf(toUser)
    expect(source).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click')
    expect(source).toMatch(/List-Unsubscribe:\s+<http[^>]+\/unsubscribe\?u=\d+&k=reminder&s=[^>]+>/)
    expect(sourceOf(toNobody)).not.toContain('List-Unsubscribe')
    expect(sourceOf(transactional)).not.toContain('List-Unsubscribe')
    expect(db.select().from(mailQueue).where(eq(mailQueue.id, toNobody)).get()).toMatchObject({
      userId: null,
      dedupeKey: null,
      status: 'sent',
    })
  })

  it('sendMail delivers in the background, and a message queued in a transaction leaves after it', async () => {
    const subject = 'Background: Čeština'
    await sendMail({ ...base, to: 'comms@demo.ripple', kind: 'invitation', subject })
    await flushMail()
    expect(db.select().from(mailQueue).where(eq(mailQueue.subject, subject)).get()).toMatchObject({
      status: 'sent',
    })
    expect(queueMonthlyReach('2026-09')).toBe(2)
    await new Promise((resolve) => setImmediate(resolve))
    await flushMail()
    const reach = db
      .select()
      .from(mailQueue)
      .where(and(eq(mailQueue.kind, 'monthly-reach'), eq(mailQueue.dedupeKey, '2026-09')))
      .all()
    expect(reach.map((m) => m.status)).toEqual(['sent', 'sent'])
  })

  it('a message held by another process while it sends is left alone until its hold runs out', async () => {
    const id = enqueueMail(db, { ...base, to: 'comms@demo.ripple', kind: 'invitation', subject: 'Held' })!
    const future = new Date(Date.now() + 10 * 60_000).toISOString()
    db.update(mailQueue).set({ status: 'sending', nextAttemptAt: future }).where(eq(mailQueue.id, id)).run()
    await deliverQueued({ smtpUrl: null })
    expect(db.select().from(mailQueue).where(eq(mailQueue.id, id)).get()).toMatchObject({
      status: 'sending',
      attempts: 0,
    })
    db.update(mailQueue).set({ nextAttemptAt: '2000-01-01T00:00:00.000Z' }).where(eq(mailQueue.id, id)).run()
    await deliverQueued({ smtpUrl: null })
    expect(db.select().from(mailQueue).where(eq(mailQueue.id, id)).get()).toMatchObject({
      status: 'sent',
      attempts: 1,
    })
  })
})

describe('the outbox', () => {
  it('administrators list it newest first, page by page, and read one message; unknown names are null', async () => {
    for (const role of ['comms', 'partner', 'viewer'] as const) {
      expect(() => listOutbox(demo[role](), { limit: 10, offset: 0 })).toThrow(ForbiddenError)
      expect(() => readOutboxMessage(demo[role](), 'x.eml')).toThrow(ForbiddenError)
    }
    const admin = demo.admin()
    const ids = ['Outbox one: Łódź', 'Outbox two: Βόλος'].map((subject) =>
      enqueueMail(db, {
        ...base,
        to: 'viewer@demo.ripple',
        kind: 'invitation',
        subject,
        text: `${subject} text`,
      })!,
    )
    await deliverQueued({ smtpUrl: null })
    // Not a message file: not listed.
    fs.writeFileSync(path.join(outboxDir(), 'notes.txt'), 'x')
    const all = listOutbox(admin, { limit: 1000, offset: 0 })
    expect(all.total).toBe(all.rows.length)
    expect(all.rows.every((r) => r.file.endsWith('.eml'))).toBe(true)
    const files = all.rows.map((r) => r.file)
    expect(files).toEqual([...files].sort().reverse())
    const two = all.rows.find((r) => r.file.endsWith(`-${ids[1]}.eml`))!
    expect(two).toMatchObject({ to: 'viewer@demo.ripple', subject: 'Outbox two: Βόλος', kind: 'invitation' })
    expect(Date.parse(two.writtenAt)).toBeGreaterThan(Date.now() - 60_000)
    const page = listOutbox(admin, { limit: 1, offset: 1 })
    expect(page).toEqual({ rows: [all.rows[1]], total: all.total })
    const message = readOutboxMessage(admin, two.file)!
    expect(message).toMatchObject({
      file: two.file,
      to: 'viewer@demo.ripple',
      subject: 'Outbox two: Βόλος',
      kind: 'invitation',
      text: 'Outbox two: Βόλος text',
    })
    expect(message.source).toContain('To: viewer@demo.ripple')
    expect(readOutboxMessage(admin, '../mail.db')).toBeNull()
    expect(readOutboxMessage(admin, 'notes.txt')).toBeNull()
    expect(readOutboxMessage(admin, '2031-01-01T00-00-00-000Z-999999.eml')).toBeNull()
    // A file whose message row is gone still lists, without its details.
    const orphan = '2000-01-01T00-00-00-000Z-999998.eml'
    fs.writeFileSync(path.join(outboxDir(), orphan), 'MIME')
    expect(listOutbox(admin, { limit: 1000, offset: 0 }).rows.find((r) => r.file === orphan)).toMatchObject({
      to: null,
      subject: null,
      kind: null,
    })
    expect(readOutboxMessage(admin, orphan)).toEqual({
      file: orphan,
      to: null,
      subject: null,
      kind: null,
      text: null,
      source: 'MIME',
    })
  })
})

describe('messages', () => {
  const user = {
    id: 7,
    email: 'ana@example.eu',
    name: 'Ana <Łódź> & "co"',
    role: 'partner' as const,
    partnerId: 1,
    locale: 'en' as const,
  }

  it('escapes names and lines in the HTML part; the text part has them as written', () => {
    const mail = composeNotification(user, 'monthly-reach', {
      subject: 'S',
      paragraphs: ["It's <b>one</b>"],
      items: ['A & B', 'Ζ'],
      link: { path: '/dashboard/reach?month=2031-01&x=1', label: 'Open' },
      dedupeKey: 'k',
    })
    expect(mail).toMatchObject({
      to: user.email,
      userId: 7,
      kind: 'monthly-reach',
      lang: 'en',
      subject: 'S',
      dedupeKey: 'k',
    })
    expect(mail.text.split('\n\n')).toEqual([
      'Hello Ana <Łódź> & "co",',
      "It's <b>one</b>",
      '- A & B\n- Ζ',
      `Open: ${absoluteUrl('/dashboard/reach?month=2031-01&x=1')}`,
      `--\nYou receive this because “Monthly reach figures” is on in your Ripple account.\nUnsubscribe from these messages: ${unsubscribeUrl(7, 'monthly-reach')}\nYour notification settings: ${absoluteUrl('/account')}`,
    ])
    expect(mail.html).toMatch(/^<!doctype html><html lang="en"><body>/)
    expect(mail.html).toContain('<p>Hello Ana &lt;Łódź&gt; &amp; &quot;co&quot;,</p>')
    expect(mail.html).toContain('<p>It&#39;s &lt;b&gt;one&lt;/b&gt;</p>')
    expect(mail.html).toContain('<ul><li>A &amp; B</li><li>Ζ</li></ul>')
    expect(mail.html).toContain(
      `<a href="${absoluteUrl('/dashboard/reach?month=2031-01&amp;x=1')}"><strong>Open</strong></a>`,
    )
    expect(mail.html).toContain(`<a href="${absoluteUrl('/account')}">Your notification settings</a>`)
    expect(mail.html).toContain('<hr><p style="font-size:small;color:#555">')
  })

  it('no list and no link when there are none', () => {
    const mail = composeNotification({ ...user, locale: 'es' }, 'reminder', {
      subject: 'S',
      paragraphs: ['Uno'],
      items: [],
      dedupeKey: 'k',
    })
    expect(mail.text.split('\n\n')).toHaveLength(3)
    expect(mail.html).not.toContain('<ul>')
    expect(mail.html).not.toContain('<strong>')
    expect(mail.html).toMatch(/^<!doctype html><html lang="es">/)
    expect(mail.lang).toBe('es')
  })

  it('active users only, in id order', () => {
    const users = activeUsers()
    expect(users.map((u) => u.id)).toEqual([...users.map((u) => u.id)].sort((a, b) => a - b))
    expect(users.map((u) => u.email)).toContain('partner@demo.ripple')
    expect(Object.keys(users[0]!).sort()).toEqual(['email', 'id', 'locale', 'name', 'partnerId', 'role'])
  })

  it('the weekly summary counts what waits and names the oldest day; nothing waiting, no message', () => {
    const waiting = db.select().from(actions).where(eq(actions.status, 'submitted')).all()
    const open = waiting.filter((a) => !a.archivedAt)
    expect(open.length).toBeGreaterThan(0) // the demo seed has actions waiting
    expect(queueValidationSummary('2033-W01')).toBe(1)
    const mail = db
      .select()
      .from(mailQueue)
      .where(and(eq(mailQueue.kind, 'validation-summary'), eq(mailQueue.dedupeKey, '2033-W01')))
      .get()!
    expect(mail.to).toBe('comms@demo.ripple')
    expect(mail.text).toContain(`${open.length} action`)
    const oldest = open
      .map((a) => a.submittedAt!)
      .sort()[0]!
      .slice(0, 10)
    expect(mail.text).toContain(oldest)
    expect(mail.text).toContain('/actions/review')
    db.update(actions)
      .set({ archivedAt: '2030-01-01T00:00:00.000Z' })
      .where(eq(actions.status, 'submitted'))
      .run()
    expect(queueValidationSummary('2033-W02')).toBe(0)
    for (const a of waiting)
      db.update(actions).set({ archivedAt: a.archivedAt }).where(eq(actions.id, a.id)).run()
  })

  it('the monthly reach lists each headline figure with the month before, in the reader’s language', () => {
    expect(queueMonthlyReach('2026-10')).toBe(2)
    const mail = db
      .select()
      .from(mailQueue)
      .where(
        and(
          eq(mailQueue.kind, 'monthly-reach'),
          eq(mailQueue.dedupeKey, '2026-10'),
          eq(mailQueue.to, 'viewer@demo.ripple'),
        ),
      )
      .get()!
    expect(mail.subject).toContain('2026-10')
    expect(mail.text).toMatch(/\n- [^\n]+: [\d.,]+ \((month before|mes anterior)[^)]*\)/)
    expect(mail.text).toContain('/dashboard/reach?month=2026-10')
  })

  it('reminders: not to a partner user who logged lately; the month’s count is the partner’s own, archived ones left out', () => {
    const partner = demo.partner()
    const logged = db
      .select({ at: actions.createdAt })
      .from(actions)
      .where(eq(actions.createdBy, partner.id))
      .orderBy(desc(actions.createdAt))
      .get()!.at
    const day = 86_400_000
    const soon = new Date(Date.parse(logged) + 5 * day)
    expect(queueReminders(soon, 21)).toBe(
      db
        .select()
        .from(mailQueue)
        .where(and(eq(mailQueue.kind, 'reminder'), eq(mailQueue.dedupeKey, soon.toISOString().slice(0, 10))))
        .all().length,
    )
    const reminded = (key: string) =>
      db
        .select()
        .from(mailQueue)
        .where(
          and(eq(mailQueue.kind, 'reminder'), eq(mailQueue.dedupeKey, key), eq(mailQueue.userId, partner.id)),
        )
        .get()
    expect(reminded(soon.toISOString().slice(0, 10))).toBeUndefined()
    // Later, in a month where the partner logged two actions, one archived since.
    const later = new Date(Date.parse(logged) + 40 * day)
    const month = later.toISOString().slice(0, 7)
    const template = db.select().from(actions).where(eq(actions.createdBy, partner.id)).get()!
    const { id: _id, ...copy } = template
    for (const archivedAt of [null, '2030-01-01T00:00:00.000Z'])
      db.insert(actions)
        .values({ ...copy, month, createdAt: logged, archivedAt })
        .run()
    const expected = db
      .select()
      .from(actions)
      .where(
        and(eq(actions.partnerId, partner.partnerId!), eq(actions.month, month), isNull(actions.archivedAt)),
      )
      .all().length
    expect(queueReminders(later, 21)).toBeGreaterThanOrEqual(1)
    const mail = reminded(later.toISOString().slice(0, 10))!
    expect(mail.text).toContain(`logged ${expected} action${expected === 1 ? '' : 's'} this month`)
    expect(mail.text).toContain('21 days')
  })
})
