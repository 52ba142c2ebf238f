import { eq } from 'drizzle-orm'

import { type Tx } from '#db/client'
import { actionLanguages, actions, actionStakeholders, actionThemes } from '#db/schema'
import { recordAudit } from '~/models/audit/index.server'
import type { Actor } from '~/utils/permissions'

import { type ActionInput, assertInput } from '../input'
import { ActionForbiddenError, canCreateFor, canEditAction } from '../policy'
import { linksOf, now, writeLinks } from './links.server'
import { setActionStatus } from './status.server'

const editableFields = [
  'partnerId',
  'typeId',
  'date',
  'month',
  'title',
  'channelId',
  'description',
  'evidenceUrl',
  'participants',
  'onlineReach',
  'engagements',
  'eventId',
  'activityId',
  'materialId',
] as const

type EditableRow = Record<(typeof editableFields)[number], unknown>
type Links = ReturnType<typeof linksOf>

/** The stored columns an edit writes. */
function editedValues(input: ActionInput) {
  return {
    partnerId: input.partnerId,
    typeId: input.typeId,
    date: input.date,
    month: input.date.slice(0, 7),
    title: input.title.trim(),
    channelId: input.channelId ?? null,
    description: input.description?.trim() || null,
    evidenceUrl: input.evidenceUrl?.trim() || null,
    participants: input.participants ?? null,
    onlineReach: input.onlineReach ?? null,
    engagements: input.engagements ?? null,
    eventId: input.eventId ?? null,
    activityId: input.activityId ?? null,
    materialId: input.materialId ?? null,
  }
}

/** Only what changed, before and after (fields and links), for the audit. */
function changes(before: EditableRow, next: EditableRow, beforeLinks: Links, afterLinks: Links) {
  const b: Record<string, unknown> = {}
  const a: Record<string, unknown> = {}
  for (const key of editableFields) {
    if ((before[key] ?? null) !== (next[key] ?? null)) {
      b[key] = before[key] ?? null
      a[key] = next[key] ?? null
    }
  }
  for (const key of ['languages', 'stakeholderIds', 'themeIds'] as const) {
    if (JSON.stringify(beforeLinks[key]) !== JSON.stringify(afterLinks[key])) {
      b[key] = beforeLinks[key]
      a[key] = afterLinks[key]
    }
  }
  return { before: b, after: a }
}

function replaceLinks(tx: Tx, id: number, input: ActionInput) {
  tx.delete(actionLanguages).where(eq(actionLanguages.actionId, id)).run()
  tx.delete(actionStakeholders).where(eq(actionStakeholders.actionId, id)).run()
  tx.delete(actionThemes).where(eq(actionThemes.actionId, id)).run()
  return writeLinks(tx, id, input)
}

/**
 * Saves an edit. A partner may not move an action to another partner. `submit` re-submits a
 * draft or returned action in the same step (the "edit and send again" path).
 * Audits the changed fields (and the status change, if any). Returns false if nothing changed.
 */
export function updateAction(
  tx: Tx,
  id: number,
  input: Omit<ActionInput, 'status'> & { submit?: boolean },
  user: Actor,
): boolean {
  const before = tx.select().from(actions).where(eq(actions.id, id)).get()
  if (!before || before.archivedAt) throw new ActionForbiddenError('not found')
  if (!canEditAction(user, before)) throw new ActionForbiddenError()
  if (!canCreateFor(user, input.partnerId))
    throw new ActionForbiddenError('cannot move the action to this partner')
  assertInput(input)
  const next = editedValues(input)
  const beforeLinks = linksOf(tx, id)
  const afterLinks = replaceLinks(tx, id, input)
  const diff = changes(before, next, beforeLinks, afterLinks)
  const changed = Object.keys(diff.after).length > 0
  if (changed) {
    tx.update(actions)
      .set({ ...next, updatedAt: now() })
      .where(eq(actions.id, id))
      .run()
    recordAudit(tx, {
      userId: user.id,
      entity: 'action',
      entityId: id,
      action: 'update',
      before: diff.before,
      after: diff.after,
      summary: next.title,
    })
  }
  if (input.submit && (before.status === 'draft' || before.status === 'returned')) {
    setActionStatus(tx, id, 'submitted', user)
    return true
  }
  return changed
}
