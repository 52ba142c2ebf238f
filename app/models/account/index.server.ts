/**
 * A user's own account (/account): language, password, and which notifications they get (the
 * switches live with the mail area: setNotificationSettings).
 */
import { hash, verify } from '@node-rs/argon2'
import { and, eq, ne } from 'drizzle-orm'
import { z } from 'zod'

import { db, type Tx } from '#db/client'
import { type Locale, sessions, users } from '#db/schema'
import { recordAudit } from '~/models/audit/index.server'
import { canChangeOwnAccount } from '~/models/mail/index.server'
import { type Actor, ForbiddenError } from '~/utils/permissions'

/** The same rule as an administrator's reset: 10 to 200 characters. */
export const newPasswordSchema = z
  .string({ required_error: 'account:errors.required' })
  .min(10, 'account:errors.passwordShort')
  .max(200, 'account:errors.passwordLong')

/** Sets the user's own interface and e-mail language; audited. */
export function setOwnLocale(tx: Tx, actor: Actor, locale: Locale) {
  // Stryker disable next-line ConditionalExpression: equivalent, the actor is compared with itself (always true; a null actor fails on actor.id first)
  if (!canChangeOwnAccount(actor, actor.id)) throw new ForbiddenError()
  const before = tx.select({ locale: users.locale }).from(users).where(eq(users.id, actor.id)).get()
  if (!before || before.locale === locale) return
  tx.update(users).set({ locale }).where(eq(users.id, actor.id)).run()
  recordAudit(tx, {
    userId: actor.id,
    entity: 'user',
    entityId: actor.id,
    action: 'update',
    before: { locale: before.locale },
    after: { locale },
    summary: 'language',
  })
}

/**
 * Changes the user's own password after checking the current one. Every other session of the
 * user ends (a stolen cookie too); the one in use stays. Returns false when the current password
 * is wrong.
 */
export async function changeOwnPassword(
  actor: Actor,
  input: { current: string; next: string; keepSessionId: string | null },
): Promise<boolean> {
  // Stryker disable next-line ConditionalExpression: equivalent, the actor is compared with itself (always true; a null actor fails on actor.id first)
  if (!canChangeOwnAccount(actor, actor.id)) throw new ForbiddenError()
  const row = db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, actor.id)).get()
  // Stryker disable next-line ArrowFunction: equivalent, undefined is as falsy as false
  if (!row || !(await verify(row.hash, input.current).catch(() => false))) return false
  const passwordHash = await hash(input.next)
  db.transaction((tx) => {
    tx.update(users)
      .set({ passwordHash, updatedAt: new Date().toISOString() })
      .where(eq(users.id, actor.id))
      .run()
    // Stryker disable next-line StringLiteral: equivalent, no session id is '' or any other constant (ids are random UUIDs)
    const kept = input.keepSessionId ?? ''
    tx.delete(sessions)
      .where(and(eq(sessions.userId, actor.id), ne(sessions.id, kept)))
      .run()
    recordAudit(tx, {
      userId: actor.id,
      entity: 'user',
      entityId: actor.id,
      action: 'update',
      after: { password: '••••' },
      summary: 'password changed by the user',
    })
  })
  return true
}
