import { and, asc, eq } from 'drizzle-orm'

import { db } from '#db/client'
import { actionFiles, actions } from '#db/schema'
import { type Actor, can } from '~/utils/permissions'

import { canManageActionFiles } from '../policy'
import { evidenceFileContent, splitEvidenceFiles } from './stored-evidence.server'

function actionOf(actionId: number) {
  return db
    .select({ partnerId: actions.partnerId, status: actions.status, archivedAt: actions.archivedAt })
    .from(actions)
    .where(eq(actions.id, actionId))
    .get()
}

/**
 * An action's evidence files for its page: the live ones for every reader, the archived ones
 * (to restore) only for those who may manage them. An archived action's files are hidden with it.
 */
export function listActionFiles(actionId: number, actor: Actor) {
  const action = actionOf(actionId)
  if (!action || action.archivedAt || !can(actor, 'action:read')) return { files: [], archived: [] }
  const rows = db
    .select({
      id: actionFiles.id,
      kind: actionFiles.kind,
      originalName: actionFiles.originalName,
      contentType: actionFiles.contentType,
      size: actionFiles.size,
      width: actionFiles.width,
      height: actionFiles.height,
      createdAt: actionFiles.createdAt,
      archivedAt: actionFiles.archivedAt,
    })
    .from(actionFiles)
    .where(eq(actionFiles.actionId, actionId))
    .orderBy(asc(actionFiles.createdAt), asc(actionFiles.id))
    .all()
  return splitEvidenceFiles(rows, canManageActionFiles(actor, action))
}

/**
 * One evidence file's bytes (or its thumbnail's) for whoever may read the action; an archived file
 * only for those who may restore it, and nothing of an archived action. Null answers 404.
 */
export function actionFileContent(
  actionId: number,
  fileId: number,
  actor: Actor,
  variant: 'file' | 'thumbnail',
) {
  const action = actionOf(actionId)
  if (!action || action.archivedAt || !can(actor, 'action:read')) return null
  const row = db
    .select()
    .from(actionFiles)
    .where(and(eq(actionFiles.id, fileId), eq(actionFiles.actionId, actionId)))
    .get()
  return evidenceFileContent(row, canManageActionFiles(actor, action), variant)
}
