import crypto from 'node:crypto'

import { and, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it, vi } from 'vitest'

import { db } from '#db/client'
import { accountTokens, auditLog, sessions, users } from '#db/schema'
import {
  acceptInvitation,
  accountThrottleLimits,
  checkToken,
  inviteUser,
  pendingInvitations,
  reinviteUser,
  requestPasswordReset,
  resetPasswordWithLink,
} from '~/models/accounts/index.server'
import type { OutgoingMail } from '~/models/mail/index.server'
import { verifyLogin } from '~/utils/auth.server'
import { ForbiddenError } from '~/utils/permissions'

import { demo } from '../setup/actors'

// The mail area is outside this area: its queue is replaced by a list of what would be sent.
const outbox = vi.hoisted(() => [] as OutgoingMail[])
vi.mock('~/models/mail/index.server', () => ({
  sendMail: (mail: OutgoingMail) => {
    outbox.push(mail)
    return Promise.resolve()
  },
  absoluteUrl: (path: string) => `http://ripple.test${path}`,
}))

beforeEach(() => {
  outbox.length = 0
})

/** The token from the last e-mail's link (the only place the token exists). */
function lastToken(kind: 'invitation' | 'reset-password') {
  const mail = outbox.at(-1)!
  const match = new RegExp(`http://ripple\\.test/${kind}/([A-Za-z0-9_-]+)`).exec(mail.text)
  expect(match, mail.text).not.toBeNull()
  expect(mail.html).toContain(match![0])
  return match![1]
}

let seq = 0
async function invite(name = 'Małgorzata Wiśniewska', locale: 'en' | 'es' = 'en') {
  seq += 1
  const email = `invitee${seq}-${crypto.randomUUID().slice(0, 6)}@gdansk.example.pl`
  const result = await inviteUser({ email, name, role: 'viewer', locale }, demo.admin())
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return { id: result.value, email, token: lastToken('invitation') }
}

const day = 24 * 60 * 60 * 1000

describe('invitations', () => {
  it('creates the user, mails a 7-day link in their language and shows the invitation as pending', async () => {
    const { id, email, token } = await invite('Ξανθή Παπαδοπούλου', 'es')
    const mail = outbox.at(-1)!
    expect(mail).toMatchObject({ to: email, userId: id, kind: 'invitation', lang: 'es' })
    expect(mail.subject).toBe('Le han invitado a Ripple')
    expect(mail.text).toContain('Hola, Ξανθή Παπαδοπούλου:')
    expect(pendingInvitations([id]).get(id)).toBeTruthy()
    // Stored as its sha256 only.
    const row = db.select().from(accountTokens).where(eq(accountTokens.userId, id)).get()!
    expect(row.tokenHash).toBe(crypto.createHash('sha256').update(token).digest('hex'))
    expect(JSON.stringify(db.select().from(auditLog).all())).not.toContain(token)
    expect(Date.parse(row.expiresAt) - Date.parse(row.createdAt)).toBe(7 * day)
    // Nobody can sign in before the invitation is accepted.
    expect((await verifyLogin({ email, password: '', clientAddress: 't' })).ok).toBe(false)
  })

  it('accepting sets the password once; the link then answers "used"', async () => {
    const { id, email, token } = await invite()
    expect(await acceptInvitation(token, 'Żółć-gęślą-jaźń')).toEqual({ ok: true, userId: id })
    expect((await verifyLogin({ email, password: 'Żółć-gęślą-jaźń', clientAddress: 't' })).ok).toBe(true)
    expect(await acceptInvitation(token, 'another-password-1')).toEqual({ ok: false, reason: 'used' })
    expect(pendingInvitations([id]).size).toBe(0)
    const audit = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, id)))
      .all()
    expect(audit.map((a) => a.summary)).toEqual([
      email,
      `${email}: invited by e-mail`,
      `${email}: invitation accepted`,
    ])
  })

  it('expires after 7 days', async () => {
    const { token } = await invite()
    expect(checkToken(token, 'invitation', new Date(Date.now() + 7 * day - 60_000)).ok).toBe(true)
    expect(checkToken(token, 'invitation', new Date(Date.now() + 7 * day + 60_000))).toEqual({
      ok: false,
      reason: 'expired',
    })
    expect(await acceptInvitation(token, 'late-password-1', new Date(Date.now() + 8 * day))).toEqual({
      ok: false,
      reason: 'expired',
    })
  })

  it('a new invitation makes the previous link stop working', async () => {
    const { id, token: first } = await invite()
    expect(await reinviteUser(id, demo.admin())).toBe(true)
    const second = lastToken('invitation')
    expect(checkToken(first, 'invitation', new Date())).toEqual({ ok: false, reason: 'unknown' })
    expect(checkToken(second, 'invitation', new Date()).ok).toBe(true)
    // A reset link is not an invitation, and the other way round.
    expect(checkToken(second, 'password-reset', new Date())).toEqual({ ok: false, reason: 'unknown' })
  })

  it('only an administrator may invite', async () => {
    for (const actor of [demo.comms(), demo.partner(), demo.viewer()]) {
      await expect(
        inviteUser({ email: 'x@example.eu', name: 'X', role: 'viewer', locale: 'en' }, actor),
      ).rejects.toThrow(ForbiddenError)
      await expect(reinviteUser(1, actor)).rejects.toThrow(ForbiddenError)
    }
    expect(outbox).toEqual([])
  })

  it('refuses an address already in use, in any letter case', async () => {
    const result = await inviteUser(
      { email: 'Partner@Demo.Ripple', name: 'Dup', role: 'viewer', locale: 'en' },
      demo.admin(),
    )
    expect(result).toMatchObject({ ok: false, error: { field: 'email' } })
    expect(outbox).toEqual([])
  })
})

describe('password reset by e-mail', () => {
  it('mails a 30-minute link to a known address and the same answer, without mail, to an unknown one', async () => {
    const { email, token } = await invite()
    await acceptInvitation(token, 'first-password-1')
    outbox.length = 0
    expect(await requestPasswordReset({ email: 'nobody@nowhere.example', clientAddress: 'a1' })).toBe('sent')
    expect(outbox).toEqual([])
    expect(await requestPasswordReset({ email: email.toUpperCase(), clientAddress: 'a1' })).toBe('sent')
    expect(outbox).toHaveLength(1)
    expect(outbox[0]).toMatchObject({ to: email, kind: 'password-reset', lang: 'en' })
    const reset = lastToken('reset-password')
    expect(checkToken(reset, 'password-reset', new Date(Date.now() + 29 * 60_000)).ok).toBe(true)
    expect(checkToken(reset, 'password-reset', new Date(Date.now() + 31 * 60_000))).toEqual({
      ok: false,
      reason: 'expired',
    })
  })

  it('sets the new password, ends every session of the user and works once', async () => {
    const { id, email, token } = await invite('Ioana Popescu-Ștefănescu')
    await acceptInvitation(token, 'first-password-1')
    const expiresAt = new Date(Date.now() + day).toISOString()
    db.insert(sessions)
      .values([
        { id: `s-${id}-a`, userId: id, expiresAt },
        { id: `s-${id}-b`, userId: id, expiresAt },
      ])
      .run()
    await requestPasswordReset({ email, clientAddress: 'a2' })
    const reset = lastToken('reset-password')
    const result = await resetPasswordWithLink({
      token: reset,
      password: 'Ďábelská-šťáva',
      clientAddress: 'a2',
    })
    expect(result).toEqual({ ok: true, userId: id })
    expect(db.select().from(sessions).where(eq(sessions.userId, id)).all()).toEqual([])
    expect((await verifyLogin({ email, password: 'Ďábelská-šťáva', clientAddress: 't' })).ok).toBe(true)
    expect((await verifyLogin({ email, password: 'first-password-1', clientAddress: 't' })).ok).toBe(false)
    expect(
      await resetPasswordWithLink({ token: reset, password: 'third-password-1', clientAddress: 'a2' }),
    ).toEqual({ ok: false, reason: 'used' })
    const summaries = db
      .select({ s: auditLog.summary })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, id)))
      .all()
      .map((r) => r.s)
    expect(summaries).toContain(`${email}: password reset link sent`)
    expect(summaries).toContain(`${email}: password reset by e-mail link`)
  })

  it('sends nothing to a deactivated account', async () => {
    const { id, email } = await invite()
    db.update(users).set({ deactivatedAt: new Date().toISOString() }).where(eq(users.id, id)).run()
    outbox.length = 0
    expect(await requestPasswordReset({ email, clientAddress: 'a3' })).toBe('sent')
    expect(outbox).toEqual([])
  })

  it('throttles per address and per client IP, known or unknown', async () => {
    const now = new Date()
    for (let i = 0; i < accountThrottleLimits.perEmail; i++)
      expect(
        await requestPasswordReset({ email: 'gorka@bilbao.example.eus', clientAddress: `ip${i}`, now }),
      ).toBe('sent')
    expect(
      await requestPasswordReset({ email: 'gorka@bilbao.example.eus', clientAddress: 'other', now }),
    ).toBe('throttled')
    for (let i = 0; i < accountThrottleLimits.perAddress; i++)
      expect(await requestPasswordReset({ email: `a${i}@x.example`, clientAddress: '10.9.9.9', now })).toBe(
        'sent',
      )
    expect(await requestPasswordReset({ email: 'fresh@x.example', clientAddress: '10.9.9.9', now })).toBe(
      'throttled',
    )
    // Ten minutes later both may ask again.
    const later = new Date(now.getTime() + 10 * 60_000 + 1000)
    expect(
      await requestPasswordReset({ email: 'fresh@x.example', clientAddress: '10.9.9.9', now: later }),
    ).toBe('sent')
  })

  it('rejects malformed and unknown tokens without touching anything', async () => {
    for (const token of [
      '',
      'short',
      '../../etc/passwd',
      'x'.repeat(5000),
      crypto.randomBytes(32).toString('base64url'),
    ])
      expect(checkToken(token, 'password-reset', new Date())).toEqual({ ok: false, reason: 'unknown' })
  })
})
