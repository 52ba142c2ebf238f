import crypto from 'node:crypto'

import { and, eq, like } from 'drizzle-orm'
import { beforeEach, describe, expect, it, vi } from 'vitest'

import { db } from '#db/client'
import { accountTokens, auditLog, loginFailures, sessions, users } from '#db/schema'
import {
  acceptInvitation,
  accountMail,
  checkToken,
  forgotPasswordSchema,
  inviteUser,
  pendingInvitations,
  reinviteUser,
  requestPasswordReset,
  resetPasswordWithLink,
  setPasswordSchema,
  tokenLifetimeMs,
} from '~/models/accounts/index.server'
import { throttled } from '~/models/accounts/throttle.server'
import { hashToken, issueToken, useToken } from '~/models/accounts/tokens.server'
import type { OutgoingMail } from '~/models/mail/index.server'
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

const userAudit = (userId: number) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, userId)))
    .orderBy(auditLog.id)
    .all()
const linkToken = () => outbox.at(-1)!.text.match(/http:\/\/ripple\.test\/[a-z-]+\/([A-Za-z0-9_-]+)/)![1]!

function newUser(email = `u-${crypto.randomUUID().slice(0, 8)}@iasi.example.ro`) {
  return db
    .insert(users)
    .values({ email, name: 'Ioana Țăranu', role: 'viewer', passwordHash: 'x' })
    .returning({ id: users.id })
    .get().id
}
const tokensOf = (userId: number) =>
  db.select().from(accountTokens).where(eq(accountTokens.userId, userId)).all()

describe('accountMail', () => {
  it('writes the invitation with the link in both parts, the text as is and the HTML escaped', () => {
    const mail = accountMail('invitation', 'en', { name: 'Ana <b>&"\'', inviter: 'Łucja & Co' }, 'TOKEN123')
    const link = mail.text.split('\n').find((l) => l.includes('/invitation/TOKEN123'))!
    expect(link).toMatch(/^https?:\/\/.+\/invitation\/TOKEN123$/)
    expect(mail.subject).toBe('You are invited to Ripple')
    expect(mail.text).toBe(
      [
        'Hello Ana <b>&"\',',
        '',
        'Łucja & Co has invited you to Ripple, the stakeholder CRM and dissemination tracker of your project. Open this link to choose your password:',
        '',
        link,
        '',
        'The link works once, for 7 days.',
        '',
        'If you did not expect this message, you can ignore it: nothing changes until the link is used.',
        '',
      ].join('\n'),
    )
    expect(mail.html).toBe(
      [
        '<p>Hello Ana &lt;b&gt;&amp;&quot;&#39;,</p>',
        '<p>Łucja &amp; Co has invited you to Ripple, the stakeholder CRM and dissemination tracker of your project. Open this link to choose your password:</p>',
        `<p><a href="${link}">Choose my password</a></p>`,
        `<p>${link}</p>`,
        '<p>The link works once, for 7 days.</p>',
        '<p>If you did not expect this message, you can ignore it: nothing changes until the link is used.</p>',
      ].join('\n'),
    )
  })

  it('writes the reset in the recipient’s language, with its own path; no inviter is an empty name', () => {
    const en = accountMail('password-reset', 'en', { name: 'Mikel' }, 'RESET456')
    expect(en.subject).toBe('Choose a new Ripple password')
    expect(en.text).toContain('/reset-password/RESET456\n')
    expect(en.html).toContain('>Choose a new password</a>')
    const es = accountMail('password-reset', 'es', { name: 'Mikel' }, 'RESET456')
    expect(es.subject).not.toBe(en.subject)
    expect(es.text).toContain('Mikel')
    const invitation = accountMail('invitation', 'en', { name: 'Mikel' }, 'T')
    expect(invitation.text).toContain('\n has invited you')
  })
})

describe('throttle of the link forms', () => {
  it('counts each attempt per e-mail (any case) and per address, within ten minutes', () => {
    const now = 1_900_000_000_000
    const email = `Throttle-${crypto.randomUUID().slice(0, 6)}@Example.eu`
    for (let i = 0; i < 5; i++)
      expect(throttled('forgot', `  ${email} `, `198.51.100.${i}`, now + i)).toBe(false)
    expect(throttled('forgot', email.toLowerCase(), '198.51.100.99', now + 10)).toBe(true)
    // A refused attempt is not counted for the address it came from.
    expect(
      db.select().from(loginFailures).where(eq(loginFailures.key, 'forgot:ip:198.51.100.99')).all(),
    ).toEqual([])
    // Another form has its own count.
    expect(throttled('reset', email, '198.51.100.50', now + 11)).toBe(false)
    // Ten minutes after the first attempt it no longer counts (four left); older rows are deleted.
    expect(throttled('forgot', email, '198.51.100.51', now + 10 * 60_000)).toBe(false)
    expect(throttled('forgot', email, '198.51.100.52', now + 10 * 60_000 + 1)).toBe(false)
    const keys = db
      .select()
      .from(loginFailures)
      .where(like(loginFailures.key, `forgot:email:${email.toLowerCase()}`))
      .all()
    expect(keys.map((k) => k.at).sort()).toEqual([
      now + 1,
      now + 2,
      now + 3,
      now + 4,
      now + 10 * 60_000,
      now + 10 * 60_000 + 1,
    ])
    expect(throttled('forgot', email, '198.51.100.53', now + 10 * 60_000 + 1)).toBe(true)
  })

  it('refuses an address after 20 attempts, whatever the e-mails', () => {
    const now = 1_900_000_100_000
    const address = `203.0.113.${Math.floor(Math.random() * 200)}`
    for (let i = 0; i < 20; i++)
      expect(throttled('reset', `p${i}-${now}@x.example`, address, now)).toBe(false)
    expect(throttled('reset', `fresh-${now}@x.example`, address, now)).toBe(true)
  })
})

describe('tokens', () => {
  it('a new link replaces the unused one of the same kind only, and lives as long as its kind says', () => {
    const userId = newUser()
    const other = newUser()
    const now = new Date('2030-01-01T12:00:00.000Z')
    issueToken(db, other, 'invitation', now)
    const first = issueToken(db, userId, 'invitation', now)
    const reset = issueToken(db, userId, 'password-reset', now)
    const second = issueToken(db, userId, 'invitation', now)
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(
      tokensOf(userId)
        .map((t) => [t.kind, t.tokenHash, t.expiresAt, t.createdAt])
        .sort(),
    ).toEqual([
      ['invitation', hashToken(second), '2030-01-08T12:00:00.000Z', '2030-01-01T12:00:00.000Z'],
      ['password-reset', hashToken(reset), '2030-01-01T12:30:00.000Z', '2030-01-01T12:00:00.000Z'],
    ])
    expect(tokensOf(other)).toHaveLength(1)
    expect(tokenLifetimeMs).toEqual({ invitation: 604_800_000, 'password-reset': 1_800_000 })
    expect(checkToken(first, 'invitation', now)).toEqual({ ok: false, reason: 'unknown' })
    // A used link stays when a new one is issued (it is the record that it was used).
    const row = tokensOf(userId).find((t) => t.kind === 'invitation')!
    expect(useToken(db, row.id, now)).toBe(true)
    issueToken(db, userId, 'invitation', now)
    expect(tokensOf(userId).filter((t) => t.kind === 'invitation')).toHaveLength(2)
  })

  it('checkToken: works until the expiry instant, not at it; of its kind only; once; for an active user', () => {
    const userId = newUser()
    const now = new Date('2030-02-01T08:00:00.000Z')
    const token = issueToken(db, userId, 'password-reset', now)
    const justBefore = new Date(now.getTime() + tokenLifetimeMs['password-reset'] - 1)
    const atExpiry = new Date(now.getTime() + tokenLifetimeMs['password-reset'])
    const ok = checkToken(token, 'password-reset', justBefore)
    expect(ok).toMatchObject({ ok: true, userId, name: 'Ioana Țăranu', locale: 'en' })
    expect(checkToken(token, 'password-reset', atExpiry)).toEqual({ ok: false, reason: 'expired' })
    expect(checkToken(token, 'invitation', now)).toEqual({ ok: false, reason: 'unknown' })
    db.update(users).set({ deactivatedAt: now.toISOString() }).where(eq(users.id, userId)).run()
    expect(checkToken(token, 'password-reset', now)).toEqual({ ok: false, reason: 'unknown' })
    db.update(users).set({ deactivatedAt: null }).where(eq(users.id, userId)).run()
    if (!ok.ok) throw new Error('expected a valid token')
    expect(useToken(db, ok.tokenId, now)).toBe(true)
    expect(useToken(db, ok.tokenId, now)).toBe(false)
    expect(checkToken(token, 'password-reset', now)).toEqual({ ok: false, reason: 'used' })
  })

  it('checkToken reads only token-shaped strings (20 to 100 base64url characters)', () => {
    const userId = newUser()
    const now = new Date('2030-03-01T08:00:00.000Z')
    for (const length of [20, 100]) {
      const token = 'A'.repeat(length - 1) + crypto.randomUUID().slice(0, 1)
      db.insert(accountTokens)
        .values({
          userId,
          kind: 'invitation',
          tokenHash: hashToken(token),
          expiresAt: '2030-03-02T00:00:00.000Z',
        })
        .run()
      expect(checkToken(token, 'invitation', now), `length ${length}`).toMatchObject({ ok: true, userId })
    }
    // Not token-shaped: refused before the look-up, even if such a hash were stored.
    for (const token of [
      'A'.repeat(19),
      'B'.repeat(101),
      `${'C'.repeat(30)}=`,
      `${'D'.repeat(30)} `,
      `x${'E'.repeat(30)}.`,
    ]) {
      db.insert(accountTokens)
        .values({
          userId,
          kind: 'invitation',
          tokenHash: hashToken(token),
          expiresAt: '2030-03-02T00:00:00.000Z',
        })
        .run()
      expect(checkToken(token, 'invitation', now), token).toEqual({ ok: false, reason: 'unknown' })
    }
  })

  it('pendingInvitations: unused invitations of the given users, with their expiry', () => {
    const a = newUser()
    const b = newUser()
    const c = newUser()
    const now = new Date('2030-04-01T00:00:00.000Z')
    issueToken(db, a, 'invitation', now)
    issueToken(db, b, 'invitation', now)
    issueToken(db, c, 'password-reset', now)
    const used = tokensOf(b)[0]!
    useToken(db, used.id, now)
    expect(pendingInvitations([])).toEqual(new Map())
    expect(pendingInvitations([a, b, c])).toEqual(new Map([[a, '2030-04-08T00:00:00.000Z']]))
  })
})

describe('link forms and re-invitations', () => {
  it('the forms say what is wrong with the e-mail or the password', () => {
    const emailError = (email: unknown) => forgotPasswordSchema.safeParse({ email }).error?.issues[0]?.message
    expect(forgotPasswordSchema.parse({ email: '  ioana@iasi.example.ro ' })).toEqual({
      email: 'ioana@iasi.example.ro',
    })
    expect(emailError(undefined)).toBe('common:errors.required')
    expect(emailError('not-an-address')).toBe('common:errors.email')
    expect(emailError(`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(60)}.eu`)).toBe(
      'common:errors.invalid',
    )
    expect(setPasswordSchema.safeParse({ password: 'krótkie' }).success).toBe(false)
    expect(setPasswordSchema.parse({ password: 'wystarczająco długie' })).toEqual({
      password: 'wystarczająco długie',
    })
  })

  it('reinviteUser: administrators only; false for an unknown or deactivated user, without a link', async () => {
    const userId = newUser()
    await expect(reinviteUser(userId, demo.comms())).rejects.toThrow(ForbiddenError)
    db.update(users).set({ deactivatedAt: '2030-01-01T00:00:00.000Z' }).where(eq(users.id, userId)).run()
    expect(await reinviteUser(userId, demo.admin())).toBe(false)
    expect(await reinviteUser(987_654, demo.admin())).toBe(false)
    expect(tokensOf(userId)).toEqual([])
  })
})

describe('invitation and reset flows, audited', () => {
  it('an invitation names the inviter, audits its sending and its acceptance', async () => {
    const admin = demo.admin()
    const email = `inv-${crypto.randomUUID().slice(0, 6)}@vilnius.example.lt`
    const now = new Date()
    const created = await inviteUser(
      { email, name: 'Rūta Žemaitė', role: 'viewer', locale: 'en' },
      admin,
      now,
    )
    if (!created.ok) throw new Error('not created')
    const id = created.value
    expect(outbox).toHaveLength(1)
    expect(outbox[0]!.text).toContain('Ane Etxeberria has invited you')
    const sent = userAudit(id).filter((a) => a.summary?.endsWith('invited by e-mail'))
    expect(sent).toEqual([
      expect.objectContaining({
        userId: admin.id,
        action: 'update',
        after: { invitation: 'sent' },
        summary: `${email}: invited by e-mail`,
      }),
    ])
    // The same address again: refused, nothing sent, no second invitation.
    const again = await inviteUser({ email, name: 'Rūta', role: 'viewer', locale: 'en' }, admin, now)
    expect(again.ok).toBe(false)
    expect(outbox).toHaveLength(1)
    expect(tokensOf(id)).toHaveLength(1)

    expect(await reinviteUser(id, admin, now)).toBe(true)
    expect(outbox).toHaveLength(2)
    expect(userAudit(id).at(-1)).toMatchObject({
      after: { invitation: 'sent' },
      summary: `${email}: invited again by e-mail`,
    })
    expect(await acceptInvitation(linkToken(), 'Labas rytas, Vilnius!', now)).toEqual({
      ok: true,
      userId: id,
    })
    expect(userAudit(id).at(-1)).toMatchObject({
      userId: id,
      action: 'update',
      after: { invitation: 'accepted', password: '••••' },
      summary: `${email}: invitation accepted`,
    })
  })

  it('a reset request finds the account whatever the case and spaces of the address, and audits the link', async () => {
    const email = `reset-${crypto.randomUUID().slice(0, 6)}@riga.example.lv`
    const id = newUser(email)
    const now = new Date()
    expect(
      await requestPasswordReset({ email: `  ${email.toUpperCase()} `, clientAddress: '192.0.2.10', now }),
    ).toBe('sent')
    expect(outbox).toHaveLength(1)
    expect(outbox[0]!.to).toBe(email)
    expect(userAudit(id)).toEqual([
      expect.objectContaining({
        userId: id,
        action: 'update',
        after: { passwordReset: 'link sent' },
        summary: `${email}: password reset link sent`,
      }),
    ])
    db.insert(sessions)
      .values({ id: crypto.randomUUID(), userId: id, expiresAt: '2099-01-01T00:00:00.000Z' })
      .run()
    const token = linkToken()
    expect(
      await resetPasswordWithLink({ token, password: 'Jauna parole 2026', clientAddress: '192.0.2.10', now }),
    ).toEqual({ ok: true, userId: id })
    expect(db.select().from(sessions).where(eq(sessions.userId, id)).all()).toEqual([])
    expect(userAudit(id).at(-1)).toMatchObject({
      userId: id,
      action: 'update',
      after: { password: '••••' },
      summary: `${email}: password reset by e-mail link`,
    })
    expect(
      await resetPasswordWithLink({ token, password: 'Jauna parole 2027', clientAddress: '192.0.2.10', now }),
    ).toEqual({ ok: false, reason: 'used' })
  })

  it('two uses of one link at once: one wins, the other answers "used"', async () => {
    const admin = demo.admin()
    const email = `race-${crypto.randomUUID().slice(0, 6)}@kaunas.example.lt`
    const created = await inviteUser({ email, name: 'Jonas Petraitis', role: 'viewer', locale: 'en' }, admin)
    if (!created.ok) throw new Error('not created')
    const invitation = linkToken()
    const accepted = await Promise.all([
      acceptInvitation(invitation, 'Pirmas slaptažodis'),
      acceptInvitation(invitation, 'Antras slaptažodis'),
    ])
    expect(accepted.map((r) => (r.ok ? 'ok' : r.reason)).sort()).toEqual(['ok', 'used'])
    expect(await requestPasswordReset({ email, clientAddress: '192.0.2.200' })).toBe('sent')
    const reset = linkToken()
    const results = await Promise.all(
      ['192.0.2.201', '192.0.2.202'].map((clientAddress) =>
        resetPasswordWithLink({ token: reset, password: 'Trečias slaptažodis', clientAddress }),
      ),
    )
    expect(results.map((r) => (r.ok ? 'ok' : r.reason)).sort()).toEqual(['ok', 'used'])
    expect(
      userAudit(created.value).filter((a) => a.summary?.endsWith('password reset by e-mail link')),
    ).toHaveLength(1)
  })

  it('the reset form is throttled apart from the request form, per account and per address', async () => {
    const email = `thr-${crypto.randomUUID().slice(0, 6)}@tallinn.example.ee`
    newUser(email)
    const now = new Date()
    // Five requests use up the request form's count for this address, not the reset form's.
    for (let i = 0; i < 5; i++)
      expect(await requestPasswordReset({ email, clientAddress: `192.0.2.${100 + i}`, now })).toBe('sent')
    expect(await requestPasswordReset({ email, clientAddress: '192.0.2.120', now })).toBe('throttled')
    const token = linkToken()
    expect(
      await resetPasswordWithLink({ token, password: 'x'.repeat(10), clientAddress: '192.0.2.130', now }),
    ).toEqual({ ok: true, userId: expect.any(Number) })
    // Unknown links share one count (they name no account): the sixth is refused, whatever the address.
    // An hour later, so that earlier tests' attempts are out of the window.
    const later = new Date(now.getTime() + 60 * 60_000)
    const unknown = (i: number) =>
      resetPasswordWithLink({
        token: 'A'.repeat(43),
        password: 'whatever1234',
        clientAddress: `198.18.0.${i}`,
        now: later,
      })
    for (let i = 0; i < 5; i++) expect(await unknown(i)).toEqual({ ok: false, reason: 'unknown' })
    expect(await unknown(6)).toEqual({ ok: false, reason: 'throttled' })
  })
})
