import { eq } from 'drizzle-orm'

import { db } from '#db/client'
import { users } from '#db/schema'
import { activeUsers } from '~/models/mail/messages/compose.server'
import type { Actor } from '~/utils/permissions'
import type { SessionUser } from '~/utils/session.server'

/** A user of the test database as the actor a domain command checks (throws if there is none). */
export function actorFor(email: string): Actor {
  const actor = db
    .select({ id: users.id, role: users.role, partnerId: users.partnerId })
    .from(users)
    .where(eq(users.email, email))
    .get()
  if (!actor) throw new Error(`no user ${email}`)
  return actor
}

/**
 * A user of the test database as the signed-in user a route passes on (throws if there is none):
 * the app's own active-user read, which selects the same columns as the session's.
 */
export function sessionUserFor(email: string): SessionUser {
  const user = activeUsers().find((u) => u.email === email)
  if (!user) throw new Error(`no active user ${email}`)
  return user
}

/** The demo accounts by role, as actors. */
export const demo = {
  admin: () => actorFor('admin@demo.ripple'),
  comms: () => actorFor('comms@demo.ripple'),
  partner: () => actorFor('partner@demo.ripple'),
  partner2: () => actorFor('partner2@demo.ripple'),
  viewer: () => actorFor('viewer@demo.ripple'),
}
