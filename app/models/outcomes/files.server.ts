import { and, asc, eq } from 'drizzle-orm'

import { db, type Tx } from '#db/client'
import { outcomeFiles, outcomes } from '#db/schema'
import {
  evidenceFileContent,
  type PreparedEvidenceFile,
  splitEvidenceFiles,
  storeEvidenceFiles,
} from '~/models/actions/index.server'
import { recordArchive, recordAudit } from '~/models/audit/index.server'
import { type Actor } from '~/utils/permissions'

import { canEditOutcome, canReadOutcomes, OutcomeForbiddenError } from './policy'

/*
 * An outcome's evidence files: checked and cleaned as an action's are (prepareEvidenceFiles), kept
 * in the same folder with the same storage.
 */

function outcomeOf(tx: Tx, id: number) {
  return tx
    .select({
      partnerId: outcomes.partnerId,
      status: outcomes.status,
      archivedAt: outcomes.archivedAt,
    })
    .from(outcomes)
    .where(eq(outcomes.id, id))
    .get()
}

/** Adds checked evidence files to an outcome: whoever may edit it. Call it last in its transaction. */
export function addOutcomeFiles(tx: Tx, outcomeId: number, files: PreparedEvidenceFile[], actor: Actor) {
  const outcome = outcomeOf(tx, outcomeId)
  if (!outcome || outcome.archivedAt || !canEditOutcome(actor, outcome)) throw new OutcomeForbiddenError()
  return storeEvidenceFiles(outcomeId, files, (stored) => {
    const row = { outcomeId, ...stored, createdBy: actor.id }
    const id = tx.insert(outcomeFiles).values(row).returning({ id: outcomeFiles.id }).get().id
    recordAudit(tx, {
      userId: actor.id,
      entity: 'outcome_file',
      entityId: id,
      action: 'create',
      after: { outcomeId, kind: row.kind, originalName: row.originalName, size: row.size },
      summary: row.originalName,
    })
    return id
  })
}

/** Archives (removes, with a way back) or restores one evidence file of an outcome. */
export function setOutcomeFileArchived(
  tx: Tx,
  outcomeId: number,
  fileId: number,
  archived: boolean,
  actor: Actor,
) {
  const outcome = outcomeOf(tx, outcomeId)
  if (!outcome || outcome.archivedAt || !canEditOutcome(actor, outcome)) throw new OutcomeForbiddenError()
  const before = tx.select().from(outcomeFiles).where(eq(outcomeFiles.id, fileId)).get()
  if (!before || before.outcomeId !== outcomeId) return false
  if (Boolean(before.archivedAt) === archived) return true
  const archivedAt = archived ? new Date().toISOString() : null
  tx.update(outcomeFiles).set({ archivedAt }).where(eq(outcomeFiles.id, fileId)).run()
  recordArchive(
    tx,
    { userId: actor.id, entity: 'outcome_file', entityId: fileId, summary: before.originalName },
    before.archivedAt,
    archivedAt,
  )
  return true
}

/** An outcome's live evidence files (and, for who may restore them, the archived ones). */
export function listOutcomeFiles(outcomeId: number, actor: Actor) {
  const outcome = outcomeOf(db, outcomeId)
  if (!outcome || !canReadOutcomes(actor)) return { files: [], archived: [] }
  const rows = db
    .select({
      id: outcomeFiles.id,
      kind: outcomeFiles.kind,
      originalName: outcomeFiles.originalName,
      contentType: outcomeFiles.contentType,
      size: outcomeFiles.size,
      width: outcomeFiles.width,
      height: outcomeFiles.height,
      archivedAt: outcomeFiles.archivedAt,
    })
    .from(outcomeFiles)
    .where(eq(outcomeFiles.outcomeId, outcomeId))
    .orderBy(asc(outcomeFiles.createdAt), asc(outcomeFiles.id))
    .all()
  return splitEvidenceFiles(rows, canEditOutcome(actor, outcome))
}

/** One evidence file's bytes for a reader of outcomes; an archived one only for who may restore it. */
export function outcomeFileContent(
  outcomeId: number,
  fileId: number,
  actor: Actor,
  variant: 'file' | 'thumbnail' = 'file',
) {
  const outcome = outcomeOf(db, outcomeId)
  if (!outcome || !canReadOutcomes(actor)) return null
  const row = db
    .select()
    .from(outcomeFiles)
    .where(and(eq(outcomeFiles.id, fileId), eq(outcomeFiles.outcomeId, outcomeId)))
    .get()
  return evidenceFileContent(row, canEditOutcome(actor, outcome), variant)
}
