import { eq } from 'drizzle-orm'

import { type Tx } from '#db/client'
import { actions, type ActionStatus } from '#db/schema'
import { recordAudit } from '~/models/audit/index.server'
import { mailActionReturned } from '~/models/mail/index.server'
import type { Actor } from '~/utils/permissions'

import { notifyActionReturned } from '../notifications.server'
import { ActionForbiddenError, ActionStatusError, canEditAction, canValidate } from '../policy'
import { now } from './links.server'

const transitions: Record<ActionStatus, ActionStatus[]> = {
  draft: ['submitted'],
  submitted: ['validated', 'returned', 'draft'],
  returned: ['submitted', 'validated'],
  validated: ['returned'],
}

/**
 * Moves an action through draft → submitted → validated / returned (with a comment), checking
 * who may do it: validating and returning need action:validate; submitting (or taking back to
 * draft) needs the right to edit the action. Audits before/after; returning notifies the
 * action's creator and its partner's users.
 */
export function setActionStatus(
  tx: Tx,
  id: number,
  status: ActionStatus,
  user: Actor,
  comment?: string | null,
) {
  const before = tx.select().from(actions).where(eq(actions.id, id)).get()
  if (!before || before.archivedAt) throw new ActionForbiddenError('not found')
  if (status === 'validated' || status === 'returned') {
    if (!canValidate(user)) throw new ActionForbiddenError()
  } else if (!canEditAction(user, before)) {
    throw new ActionForbiddenError()
  }
  if (!transitions[before.status].includes(status)) throw new ActionStatusError(before.status, status)
  const returnComment =
    status === 'returned' ? comment?.trim() || null : status === 'validated' ? null : before.returnComment
  if (status === 'returned' && !returnComment) throw new Error('a returned action needs a comment')
  const at = now()
  const patch = {
    status,
    returnComment,
    submittedAt: status === 'submitted' ? at : before.submittedAt,
    validatedAt: status === 'validated' ? at : null,
    validatedBy: status === 'validated' ? user.id : null,
    updatedAt: at,
  }
  tx.update(actions).set(patch).where(eq(actions.id, id)).run()
  recordAudit(tx, {
    userId: user.id,
    entity: 'action',
    entityId: id,
    action: 'status',
    before: {
      status: before.status,
      returnComment: before.returnComment,
      validatedAt: before.validatedAt,
      validatedBy: before.validatedBy,
    },
    after: {
      status: patch.status,
      returnComment: patch.returnComment,
      validatedAt: patch.validatedAt,
      validatedBy: patch.validatedBy,
    },
    summary: `${before.status} → ${status}`,
  })
  if (status === 'returned') {
    notifyActionReturned(tx, {
      actionId: id,
      partnerId: before.partnerId,
      createdBy: before.createdBy,
      comment: returnComment!,
      by: user.id,
    })
    mailActionReturned(tx, {
      actionId: id,
      title: before.title,
      createdBy: before.createdBy,
      comment: returnComment!,
      by: user.id,
    })
  }
}

/** Archives (never deletes) an action; audited. */
export function archiveAction(tx: Tx, id: number, user: Actor) {
  const before = tx.select().from(actions).where(eq(actions.id, id)).get()
  if (!before || before.archivedAt) throw new ActionForbiddenError('not found')
  if (!canEditAction(user, before)) throw new ActionForbiddenError()
  const at = now()
  tx.update(actions).set({ archivedAt: at, updatedAt: at }).where(eq(actions.id, id)).run()
  recordAudit(tx, {
    userId: user.id,
    entity: 'action',
    entityId: id,
    action: 'archive',
    before: { archivedAt: null },
    after: { archivedAt: at },
    summary: before.title,
  })
}

/** Remembers the last type, channel and languages a user chose, for their next quick form. */
