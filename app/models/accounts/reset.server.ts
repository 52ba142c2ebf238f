import { and, eq, isNull } from 'drizzle-orm'

import { db } from '#db/client'
import { users } from '#db/schema'
import { recordAudit } from '~/models/audit/index.server'
import { hashPassword } from '~/utils/auth.server'
import { endSessionsOf } from '~/utils/session.server'

import type { LinkResult } from './invitations.server'
import { sendAccountMail } from './messages.server'
import { throttled } from './throttle.server'
import { checkToken, hashToken, issueToken, useToken } from './tokens.server'

/**
 * "Forgot password": mails a link valid 30 minutes when the address belongs to an active user.
 * An unknown address gets the same answer after the same steps, so the page tells nobody which
 * addresses have accounts; only throttling (per address and per client IP) answers differently.
 */
export async function requestPasswordReset({
  email,
  clientAddress,
  now = new Date(),
}: {
  email: string
  clientAddress: string
  now?: Date
}): Promise<'sent' | 'throttled'> {
  const address = email.trim().toLowerCase()
  if (throttled('forgot', address, clientAddress, now.getTime())) return 'throttled'
  const user = db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(and(eq(users.email, address), isNull(users.deactivatedAt)))
    .get()
  if (!user) {
    // The work a known address costs (a token and its hash), without storing or sending anything.
    hashToken(crypto.randomUUID())
    return 'sent'
  }
  const token = db.transaction((tx) => {
    const issued = issueToken(tx, user.id, 'password-reset', now)
    recordAudit(tx, {
      userId: user.id,
      entity: 'user',
      entityId: user.id,
      action: 'update',
      after: { passwordReset: 'link sent' },
      summary: `${user.email}: password reset link sent`,
    })
    return issued
  })
  await sendAccountMail('password-reset', user, token)
  return 'sent'
}

/**
 * Sets a new password from a reset link, uses the link up and ends every session of that user
 * (a stolen cookie too). Throttled per user and per client IP like the request form.
 */
export async function resetPasswordWithLink({
  token,
  password,
  clientAddress,
  now = new Date(),
}: {
  token: string
  password: string
  clientAddress: string
  now?: Date
}): Promise<LinkResult | { ok: false; reason: 'throttled' }> {
  const check = checkToken(token, 'password-reset', now)
  if (throttled('reset', check.ok ? check.email : '', clientAddress, now.getTime()))
    return { ok: false, reason: 'throttled' }
  if (!check.ok) return check
  const passwordHash = await hashPassword(password)
  const result = db.transaction((tx): LinkResult => {
    if (!useToken(tx, check.tokenId, now)) return { ok: false, reason: 'used' }
    tx.update(users)
      .set({ passwordHash, updatedAt: now.toISOString() })
      .where(eq(users.id, check.userId))
      .run()
    recordAudit(tx, {
      userId: check.userId,
      entity: 'user',
      entityId: check.userId,
      action: 'update',
      after: { password: '••••' },
      summary: `${check.email}: password reset by e-mail link`,
    })
    return { ok: true, userId: check.userId }
  })
  if (result.ok) endSessionsOf(check.userId)
  return result
}
