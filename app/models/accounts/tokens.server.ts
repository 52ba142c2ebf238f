import crypto from 'node:crypto'

import { and, eq, inArray, isNull } from 'drizzle-orm'

import { db, type Tx } from '#db/client'
import { type AccountTokenKind, accountTokens, users } from '#db/schema'

/** How long a link works: an invitation 7 days, a password reset 30 minutes. */
export const tokenLifetimeMs: Record<AccountTokenKind, number> = {
  invitation: 7 * 24 * 60 * 60 * 1000,
  'password-reset': 30 * 60 * 1000,
}

/** Only this is stored: the token itself exists only in the e-mail. */
export function hashToken(token: string): string {
  // Stryker disable next-line StringLiteral: equivalent, an empty encoding name is Node's default, utf8
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex')
}

/**
 * A new single-use link for the user; their unused links of the same kind stop working (a new
 * invitation replaces the previous one). Returns the token to put in the e-mail.
 */
export function issueToken(tx: Tx, userId: number, kind: AccountTokenKind, now: Date): string {
  const token = crypto.randomBytes(32).toString('base64url')
  tx.delete(accountTokens)
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.kind, kind), isNull(accountTokens.usedAt)))
    .run()
  tx.insert(accountTokens)
    .values({
      userId,
      kind,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + tokenLifetimeMs[kind]).toISOString(),
      createdAt: now.toISOString(),
    })
    .run()
  return token
}

export type TokenCheck =
  | { ok: true; tokenId: number; userId: number; email: string; name: string; locale: 'en' | 'es' }
  | { ok: false; reason: 'unknown' | 'expired' | 'used' }

/** Whether a link still works: known, of this kind, not used, not expired, its user active. */
export function checkToken(token: string, kind: AccountTokenKind, now: Date): TokenCheck {
  // A token is 43 characters of base64url; anything else cannot be one (and is not hashed at length).
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { ok: false, reason: 'unknown' }
  const row = db
    .select({
      id: accountTokens.id,
      userId: accountTokens.userId,
      expiresAt: accountTokens.expiresAt,
      usedAt: accountTokens.usedAt,
      email: users.email,
      name: users.name,
      locale: users.locale,
      deactivatedAt: users.deactivatedAt,
    })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(and(eq(accountTokens.tokenHash, hashToken(token)), eq(accountTokens.kind, kind)))
    .get()
  if (!row || row.deactivatedAt) return { ok: false, reason: 'unknown' }
  if (row.usedAt) return { ok: false, reason: 'used' }
  if (row.expiresAt <= now.toISOString()) return { ok: false, reason: 'expired' }
  return {
    ok: true,
    tokenId: row.id,
    userId: row.userId,
    email: row.email,
    name: row.name,
    locale: row.locale,
  }
}

/** Marks a link used; false when another request used it first (the link is single-use). */
export function useToken(tx: Tx, tokenId: number, now: Date): boolean {
  const used = tx
    .update(accountTokens)
    .set({ usedAt: now.toISOString() })
    .where(and(eq(accountTokens.id, tokenId), isNull(accountTokens.usedAt)))
    .run()
  return used.changes === 1
}

/** Users with an invitation not yet accepted (used), and when it expires: the users list shows them. */
export function pendingInvitations(userIds: number[]): Map<number, string> {
  if (userIds.length === 0) return new Map()
  const rows = db
    .select({ userId: accountTokens.userId, expiresAt: accountTokens.expiresAt })
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.kind, 'invitation'),
        isNull(accountTokens.usedAt),
        inArray(accountTokens.userId, userIds),
      ),
    )
    .all()
  return new Map(rows.map((r) => [r.userId, r.expiresAt]))
}
