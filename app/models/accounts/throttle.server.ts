import { and, eq, gt, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { loginFailures } from '#db/schema'

/**
 * The login throttle's mechanism (timestamped rows per key in login_failures), for the forms that
 * send or use a link: every attempt counts, per e-mail address and per client IP. The window stays
 * within the ten minutes the login throttle keeps rows for.
 */
const WINDOW_MS = 10 * 60_000
export const accountThrottleLimits = { perEmail: 5, perAddress: 20 } as const

export type ThrottledForm = 'forgot' | 'reset'

function recent(key: string, now: number) {
  return db
    .select({ n: sql<number>`count(*)` })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gt(loginFailures.at, now - WINDOW_MS)))
    .get()!.n
}

/** Counts this attempt; true when the e-mail or the client address has had too many. */
export function throttled(form: ThrottledForm, email: string, clientAddress: string, now: number): boolean {
  const emailKey = `${form}:email:${email.trim().toLowerCase()}`
  const addressKey = `${form}:ip:${clientAddress}`
  const refused =
    recent(emailKey, now) >= accountThrottleLimits.perEmail ||
    recent(addressKey, now) >= accountThrottleLimits.perAddress
  if (!refused) {
    db.insert(loginFailures)
      .values([emailKey, addressKey].map((key) => ({ key, at: now })))
      .run()
  }
  db.delete(loginFailures)
    .where(sql`${loginFailures.at} < ${now - WINDOW_MS}`)
    .run()
  return refused
}
