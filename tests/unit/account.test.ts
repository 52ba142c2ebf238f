import crypto from 'node:crypto'

import { verify } from '@node-rs/argon2'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { auditLog, sessions, users } from '#db/schema'
import { changeOwnPassword, newPasswordSchema, setOwnLocale } from '~/models/account/index.server'
import { hashPassword } from '~/utils/auth.server'
import type { Actor } from '~/utils/permissions'

const password = 'Zażółć gęślą jaźń'

/** A fresh viewer with a known password and three sessions (as if signed in on three devices). */
async function newUser(): Promise<{ actor: Actor; sessionIds: string[] }> {
  const email = `own-${crypto.randomUUID().slice(0, 8)}@plzen.example.cz`
  const id = db
    .insert(users)
    .values({
      email,
      name: 'Jiří Dvořák',
      role: 'viewer',
      passwordHash: await hashPassword(password),
      updatedAt: '2020-01-01T00:00:00.000Z',
    })
    .returning({ id: users.id })
    .get().id
  const sessionIds = [1, 2, 3].map(() => {
    const sessionId = crypto.randomUUID()
    db.insert(sessions).values({ id: sessionId, userId: id, expiresAt: '2099-01-01T00:00:00.000Z' }).run()
    return sessionId
  })
  return { actor: { id, role: 'viewer', partnerId: null }, sessionIds }
}

const auditOf = (userId: number) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, userId)))
    .all()
const sessionIdsOf = (userId: number) =>
  db
    .select({ id: sessions.id })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .all()
    .map((s) => s.id)
    .sort()
const userRow = (id: number) => db.select().from(users).where(eq(users.id, id)).get()!

describe('newPasswordSchema', () => {
  it('asks for 10 to 200 characters, with a message key for each failure', () => {
    const message = (value: unknown) => newPasswordSchema.safeParse(value).error?.issues[0]?.message
    expect(message(undefined)).toBe('account:errors.required')
    expect(message('ąęółżźćń1')).toBe('account:errors.passwordShort')
    expect(message('ąęółżźćń12')).toBeUndefined()
    expect(message('ś'.repeat(200))).toBeUndefined()
    expect(message('ś'.repeat(201))).toBe('account:errors.passwordLong')
  })
})

describe('setOwnLocale', () => {
  it('changes the language and audits before and after', async () => {
    const { actor } = await newUser()
    setOwnLocale(db, actor, 'es')
    expect(userRow(actor.id).locale).toBe('es')
    expect(auditOf(actor.id)).toEqual([
      expect.objectContaining({
        userId: actor.id,
        action: 'update',
        before: { locale: 'en' },
        after: { locale: 'es' },
        summary: 'language',
      }),
    ])
  })

  it('does nothing when the language is already the one asked for, or the user is gone', async () => {
    const { actor } = await newUser()
    setOwnLocale(db, actor, 'en')
    expect(userRow(actor.id).locale).toBe('en')
    expect(auditOf(actor.id)).toEqual([])
    expect(() => setOwnLocale(db, { id: 987_654, role: 'viewer', partnerId: null }, 'es')).not.toThrow()
    expect(auditOf(987_654)).toEqual([])
  })
})

describe('changeOwnPassword', () => {
  it('refuses a wrong current password and changes nothing', async () => {
    const { actor, sessionIds } = await newUser()
    const before = userRow(actor.id)
    expect(
      await changeOwnPassword(actor, {
        current: 'zazolc gesla jazn',
        next: 'a new long password',
        keepSessionId: null,
      }),
    ).toBe(false)
    expect(userRow(actor.id)).toEqual(before)
    expect(sessionIdsOf(actor.id)).toEqual([...sessionIds].sort())
    expect(auditOf(actor.id)).toEqual([])
  })

  it('answers false for a user without a usable hash or a missing user', async () => {
    const { actor } = await newUser()
    db.update(users).set({ passwordHash: 'not-a-hash' }).where(eq(users.id, actor.id)).run()
    const input = { current: password, next: 'a new long password', keepSessionId: null }
    expect(await changeOwnPassword(actor, input)).toBe(false)
    expect(await changeOwnPassword({ id: 987_655, role: 'viewer', partnerId: null }, input)).toBe(false)
  })

  it('sets the new password, ends the other sessions of this user only, and audits without the password', async () => {
    const { actor, sessionIds } = await newUser()
    const other = await newUser()
    const next = 'Šťastný nový rok 2027'
    expect(await changeOwnPassword(actor, { current: password, next, keepSessionId: sessionIds[1] })).toBe(
      true,
    )
    const row = userRow(actor.id)
    expect(await verify(row.passwordHash, next)).toBe(true)
    expect(await verify(row.passwordHash, password)).toBe(false)
    expect(row.updatedAt > '2020-01-01T00:00:00.000Z').toBe(true)
    expect(sessionIdsOf(actor.id)).toEqual([sessionIds[1]])
    expect(sessionIdsOf(other.actor.id)).toEqual([...other.sessionIds].sort())
    expect(auditOf(actor.id)).toEqual([
      expect.objectContaining({
        userId: actor.id,
        action: 'update',
        before: null,
        after: { password: '••••' },
        summary: 'password changed by the user',
      }),
    ])
    expect(JSON.stringify(auditOf(actor.id))).not.toContain(next)
  })

  it('ends every session when none is kept', async () => {
    const { actor } = await newUser()
    expect(
      await changeOwnPassword(actor, { current: password, next: 'another long one', keepSessionId: null }),
    ).toBe(true)
    expect(sessionIdsOf(actor.id)).toEqual([])
  })
})
