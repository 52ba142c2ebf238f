import { and, desc, eq, isNull, ne, or, sql } from 'drizzle-orm'

import type { Tx } from '#db/client'
import { db } from '#db/client'
import { actions, notifications, users } from '#db/schema'

/**
 * "Your action was returned": tells the user who logged it and every active partner user of that
 * partner (not the reviewer themselves). Runs in the status change's transaction.
 */
export function notifyActionReturned(
  tx: Tx,
  args: { actionId: number; partnerId: number; createdBy: number | null; comment: string; by: number },
) {
  const recipients = tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        isNull(users.deactivatedAt),
        ne(users.id, args.by),
        or(
          and(eq(users.partnerId, args.partnerId), eq(users.role, 'partner')),
          args.createdBy ? eq(users.id, args.createdBy) : sql`0`,
        ),
      ),
    )
    .all()
  if (!recipients.length) return 0
  tx.insert(notifications)
    .values(
      recipients.map((r) => ({
        userId: r.id,
        kind: 'action_returned',
        actionId: args.actionId,
        message: args.comment,
      })),
    )
    .run()
  return recipients.length
}

/** A user's notifications, unread first then newest, with the action's title when there is one. */
export function listNotifications(userId: number, page: { limit: number; offset: number }) {
  const where = eq(notifications.userId, userId)
  const rows = db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      actionId: notifications.actionId,
      actionTitle: actions.title,
      actionStatus: actions.status,
      message: notifications.message,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .leftJoin(actions, eq(actions.id, notifications.actionId))
    .where(where)
    .orderBy(sql`${notifications.readAt} is not null`, desc(notifications.id))
    .limit(page.limit)
    .offset(page.offset)
    .all()
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(notifications)
    .where(where)
    .get()!.n
  return { rows, total }
}

/** Marks one notification (only the user's own) or all of them as read. Returns how many changed. */
export function markRead(userId: number, id: number | 'all'): number {
  const now = new Date().toISOString()
  const where =
    id === 'all'
      ? and(eq(notifications.userId, userId), isNull(notifications.readAt))
      : and(eq(notifications.userId, userId), eq(notifications.id, id), isNull(notifications.readAt))
  return db.update(notifications).set({ readAt: now }).where(where).run().changes
}
