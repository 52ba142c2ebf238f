import { and, eq } from 'drizzle-orm'

import { db, type Tx } from '#db/client'
import { mailOptOuts, users } from '#db/schema'
import { recordAudit } from '~/models/audit/index.server'
import { type Actor, ForbiddenError } from '~/utils/permissions'

import { notificationKinds } from './kinds'
import { canChangeOwnAccount } from './policy'
import type { NotificationKind } from './types'

/** Each notification kind and whether the user receives it (all on until switched off). */
export function notificationSettings(userId: number): Record<NotificationKind, boolean> {
  const off = new Set(
    db
      .select({ kind: mailOptOuts.kind })
      .from(mailOptOuts)
      .where(eq(mailOptOuts.userId, userId))
      .all()
      .map((r) => r.kind),
  )
  return Object.fromEntries(notificationKinds.map((k) => [k, !off.has(k)])) as Record<
    NotificationKind,
    boolean
  >
}

function setOne(tx: Tx, userId: number, kind: NotificationKind, on: boolean): boolean {
  if (on)
    return (
      tx
        .delete(mailOptOuts)
        .where(and(eq(mailOptOuts.userId, userId), eq(mailOptOuts.kind, kind)))
        .run().changes > 0
    )
  return tx.insert(mailOptOuts).values({ userId, kind }).onConflictDoNothing().run().changes > 0
}

/** Switches the user's own notification kinds on or off (/account); audited. */
export function setNotificationSettings(
  tx: Tx,
  actor: Actor,
  userId: number,
  settings: Partial<Record<NotificationKind, boolean>>,
) {
  if (!canChangeOwnAccount(actor, userId)) throw new ForbiddenError()
  const before = notificationSettings(userId)
  const changed = Object.entries(settings).filter(([kind, on]) =>
    setOne(tx, userId, kind as NotificationKind, !!on),
  )
  if (!changed.length) return
  recordAudit(tx, {
    userId: actor.id,
    entity: 'user',
    entityId: userId,
    action: 'update',
    before: Object.fromEntries(changed.map(([k]) => [`mail:${k}`, before[k as NotificationKind]])),
    after: Object.fromEntries(changed.map(([k, on]) => [`mail:${k}`, on])),
    summary: 'notification settings',
  })
}

/**
 * Switches one kind off through a signed unsubscribe link: the link itself is the user's
 * authority (verified by the caller), so the acting user is the link's user. Audited.
 */
export function unsubscribe(tx: Tx, link: { userId: number; kind: NotificationKind }): boolean {
  const user = tx
    .select({ id: users.id, role: users.role, partnerId: users.partnerId })
    .from(users)
    .where(eq(users.id, link.userId))
    .get()
  if (!user) return false
  setNotificationSettings(tx, user, user.id, { [link.kind]: false })
  return true
}
