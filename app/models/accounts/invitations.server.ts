import crypto from 'node:crypto'

import { eq } from 'drizzle-orm'

import { db } from '#db/client'
import { users } from '#db/schema'
import { createUser, type Result, type UserInput } from '~/models/admin/index.server'
import { recordAudit } from '~/models/audit/index.server'
import { hashPassword } from '~/utils/auth.server'
import type { Actor } from '~/utils/permissions'

import { sendAccountMail } from './messages.server'
import { assertMayInvite } from './policy'
import { checkToken, issueToken, useToken } from './tokens.server'

function inviterName(actor: Actor) {
  return db.select({ name: users.name }).from(users).where(eq(users.id, actor.id)).get()?.name
}

/** Issues a new invitation link (the previous one stops working), audits it and mails it. */
async function invite(userId: number, actor: Actor, now: Date, summary: string): Promise<boolean> {
  const user = db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(eq(users.id, userId))
    .get()
  // Stryker disable next-line ConditionalExpression,BooleanLiteral: unreachable, both callers pass a user that exists (just created, or checked)
  if (!user) return false
  const token = db.transaction((tx) => {
    const issued = issueToken(tx, user.id, 'invitation', now)
    recordAudit(tx, {
      userId: actor.id,
      entity: 'user',
      entityId: user.id,
      action: 'update',
      after: { invitation: 'sent' },
      summary: `${user.email}: ${summary}`,
    })
    return issued
  })
  await sendAccountMail('invitation', user, token, inviterName(actor))
  return true
}

/**
 * Creates the account without a usable password (a random one nobody knows) and e-mails a link
 * valid 7 days where the user sets their own.
 */
export async function inviteUser(
  input: UserInput & { email: string },
  acting: Actor,
  now = new Date(),
): Promise<Result<number>> {
  assertMayInvite(acting)
  const created = await createUser(
    { ...input, password: crypto.randomBytes(32).toString('base64url') },
    acting,
  )
  if (!created.ok) return created
  await invite(created.value, acting, now, 'invited by e-mail')
  return created
}

/** Sends a new invitation to an active user; the previous link stops working. False: no such user. */
export async function reinviteUser(userId: number, acting: Actor, now = new Date()): Promise<boolean> {
  assertMayInvite(acting)
  const user = db.select({ deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.id, userId)).get()
  if (!user || user.deactivatedAt) return false
  return invite(userId, acting, now, 'invited again by e-mail')
}

export type LinkResult = { ok: true; userId: number } | { ok: false; reason: 'unknown' | 'expired' | 'used' }

/**
 * Sets the password chosen from an invitation link and uses the link up. The link is the proof of
 * identity: the acting user is the invited one. The route then signs them in.
 */
export async function acceptInvitation(
  token: string,
  password: string,
  now = new Date(),
): Promise<LinkResult> {
  const check = checkToken(token, 'invitation', now)
  if (!check.ok) return check
  const passwordHash = await hashPassword(password)
  return db.transaction((tx): LinkResult => {
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
      after: { invitation: 'accepted', password: '••••' },
      summary: `${check.email}: invitation accepted`,
    })
    return { ok: true, userId: check.userId }
  })
}
