/** Each user's secret calendar token: random, stored as its SHA-256, replaced by a reset. */
import { createHash, randomBytes } from 'node:crypto'

import { eq, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { calendarTokens, users } from '#db/schema'
import { recordAudit } from '~/models/audit/index.server'
import { type Actor, ForbiddenError } from '~/utils/permissions'

import { canReadCalendar } from './policy'

const hash = (token: string) => createHash('sha256').update(token).digest('hex')
const tokenRe = /^[A-Za-z0-9_-]{43}$/

/** Does the user have a subscription link (made and not since reset away)? */
export function hasCalendarToken(actor: Actor): boolean {
  return !!db
    .select({ id: calendarTokens.userId })
    .from(calendarTokens)
    .where(eq(calendarTokens.userId, actor.id))
    .get()
}

/**
 * Makes the actor a new token, replacing any old one (whose link stops working at once), and
 * returns it: the only time it is ever shown.
 */
export function resetCalendarToken(actor: Actor): string {
  if (!canReadCalendar(actor)) throw new ForbiddenError('missing plan:read')
  const token = randomBytes(32).toString('base64url')
  db.transaction((tx) => {
    tx.insert(calendarTokens)
      .values({ userId: actor.id, tokenHash: hash(token) })
      .onConflictDoUpdate({
        target: calendarTokens.userId,
        set: { tokenHash: hash(token), updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` },
      })
      .run()
    recordAudit(tx, {
      userId: actor.id,
      entity: 'calendar_token',
      entityId: actor.id,
      action: 'update',
      summary: 'calendar subscription link reset',
    })
  })
  return token
}

/**
 * The active user a token belongs to, or null: a malformed, unknown or reset token, or one of a
 * deactivated user, all look the same to the caller.
 */
export function actorForCalendarToken(token: string | null | undefined): (Actor & { locale: string }) | null {
  // Stryker disable next-line LogicalOperator: a malformed non-empty token that got past this fails the hash lookup (null either way)
  if (!token || !tokenRe.test(token)) return null
  const row = db
    .select({
      id: users.id,
      role: users.role,
      partnerId: users.partnerId,
      locale: users.locale,
      off: users.deactivatedAt,
    })
    .from(calendarTokens)
    .innerJoin(users, eq(users.id, calendarTokens.userId))
    .where(eq(calendarTokens.tokenHash, hash(token)))
    .get()
  if (!row || row.off) return null
  return { id: row.id, role: row.role, partnerId: row.partnerId, locale: row.locale }
}
