import { eq } from 'drizzle-orm'

import { type Tx } from '#db/client'
import { actionFiles, actions } from '#db/schema'
import { recordArchive, recordAudit } from '~/models/audit/index.server'
import { type Actor } from '~/utils/permissions'

import { ActionForbiddenError, canManageActionFiles } from '../policy'
import { type PreparedEvidenceFile } from './prepare.server'
import { storeEvidenceFiles } from './stored-evidence.server'

function managedAction(tx: Tx, actionId: number, actor: Actor) {
  const action = tx
    .select({
      id: actions.id,
      title: actions.title,
      partnerId: actions.partnerId,
      status: actions.status,
      archivedAt: actions.archivedAt,
    })
    .from(actions)
    .where(eq(actions.id, actionId))
    .get()
  if (!action || !canManageActionFiles(actor, action)) throw new ActionForbiddenError()
  return action
}

/**
 * Adds checked evidence files (see prepareEvidenceFiles) to an action: whoever may edit the action.
 * The bytes are written beside the database before their rows; a failed write or insert removes
 * what this call wrote and rolls the transaction back. Call it last in its transaction.
 */
export function addActionFiles(tx: Tx, actionId: number, files: PreparedEvidenceFile[], actor: Actor) {
  managedAction(tx, actionId, actor)
  return storeEvidenceFiles(actionId, files, (stored) => {
    const row = { actionId, ...stored, createdBy: actor.id }
    const id = tx.insert(actionFiles).values(row).returning({ id: actionFiles.id }).get().id
    recordAudit(tx, {
      userId: actor.id,
      entity: 'action_file',
      entityId: id,
      action: 'create',
      after: { actionId, kind: row.kind, originalName: row.originalName, size: row.size },
      summary: row.originalName,
    })
    return id
  })
}

/** Archives (removes from the action, with a way back) or restores one evidence file. */
export function setActionFileArchived(
  tx: Tx,
  actionId: number,
  fileId: number,
  archived: boolean,
  actor: Actor,
) {
  managedAction(tx, actionId, actor)
  const before = tx.select().from(actionFiles).where(eq(actionFiles.id, fileId)).get()
  if (!before || before.actionId !== actionId) return false
  const archivedAt = archived ? new Date().toISOString() : null
  if (Boolean(before.archivedAt) === archived) return true
  tx.update(actionFiles).set({ archivedAt }).where(eq(actionFiles.id, fileId)).run()
  recordArchive(
    tx,
    { userId: actor.id, entity: 'action_file', entityId: fileId, summary: before.originalName },
    before.archivedAt,
    archivedAt,
  )
  return true
}
