import { eq } from 'drizzle-orm'

import { type Tx } from '#db/client'
import { materialFiles, materials, type MaterialStatus } from '#db/schema'
import { recordArchive, recordAudit, recordUpdate } from '~/models/audit/index.server'
import { type Actor, can } from '~/utils/permissions'

import {
  assertCanEditMaterial,
  assertCanEditMaterials,
  assertCanReviewMaterials,
  assertCanUploadMaterials,
  canMoveMaterial,
} from './policy'
import { type MaterialForm } from './schemas'
import { type StoredUpload } from './uploads.server'

function storeFile(tx: Tx, upload: StoredUpload) {
  return tx
    .insert(materialFiles)
    .values({
      fileName: upload.fileName,
      contentType: upload.contentType,
      size: upload.data.length,
      data: upload.data,
    })
    .returning({ id: materialFiles.id })
    .get().id
}

function toRow(input: MaterialForm, fileId: number | null) {
  return {
    title: input.title,
    kind: input.kind,
    language: input.language,
    url: input.url ?? null,
    version: input.version,
    description: input.description ?? null,
    fileId,
  }
}

/** A material's review step was asked from a status it cannot leave that way (approving twice). */
export class MaterialStatusError extends Error {
  constructor(
    readonly from: MaterialStatus,
    readonly to: MaterialStatus,
  ) {
    super(`a ${from} material cannot become ${to}`)
    this.name = 'MaterialStatusError'
  }
}

/**
 * Adds a material. The communications lead's is approved at once; a partner's waits for approval,
 * seen only by its own partner and the reviewers.
 */
export function createMaterial(tx: Tx, input: MaterialForm, upload: StoredUpload | null, actor: Actor) {
  assertCanUploadMaterials(actor)
  const row = {
    ...toRow(input, upload ? storeFile(tx, upload) : null),
    status: can(actor, 'material:approve') ? ('approved' as const) : ('pending' as const),
    partnerId: actor.partnerId,
    uploadedBy: actor.id,
  }
  const id = tx.insert(materials).values(row).returning({ id: materials.id }).get().id
  recordAudit(tx, {
    userId: actor.id,
    entity: 'material',
    entityId: id,
    action: 'create',
    after: { ...row, fileName: upload?.fileName ?? null },
    summary: row.title,
  })
  return id
}

/**
 * Updates a material; a new upload replaces the current file (the old file row is kept). A partner
 * changing its material that was sent back sends it again for approval.
 */
export function updateMaterial(
  tx: Tx,
  id: number,
  input: MaterialForm,
  upload: StoredUpload | null,
  actor: Actor,
) {
  const before = tx.select().from(materials).where(eq(materials.id, id)).get()
  if (!before) return false
  assertCanEditMaterial(actor, before)
  const resubmitted = before.status === 'returned' && !can(actor, 'material:approve')
  const row = {
    ...toRow(input, upload ? storeFile(tx, upload) : before.fileId),
    status: resubmitted ? ('pending' as const) : before.status,
  }
  tx.update(materials)
    .set({ ...row, updatedAt: new Date().toISOString() })
    .where(eq(materials.id, id))
    .run()
  recordUpdate(tx, { userId: actor.id, entity: 'material', entityId: id, summary: row.title }, before, row)
  return true
}

export function setMaterialArchived(tx: Tx, id: number, archived: boolean, actor: Actor) {
  assertCanEditMaterials(actor)
  const before = tx.select().from(materials).where(eq(materials.id, id)).get()
  if (!before) return false
  const archivedAt = archived ? new Date().toISOString() : null
  tx.update(materials)
    .set({ archivedAt, updatedAt: new Date().toISOString() })
    .where(eq(materials.id, id))
    .run()
  recordArchive(
    tx,
    { userId: actor.id, entity: 'material', entityId: id, summary: before.title },
    before.archivedAt,
    archivedAt,
  )
  return true
}

/**
 * Approves a waiting material (listed for everyone from then on) or sends it back to its partner;
 * throws MaterialStatusError when the material is not waiting.
 */
export function reviewMaterial(tx: Tx, id: number, decision: 'approve' | 'return', actor: Actor) {
  assertCanReviewMaterials(actor)
  const before = tx.select().from(materials).where(eq(materials.id, id)).get()
  if (!before) return false
  const status = decision === 'approve' ? ('approved' as const) : ('returned' as const)
  if (!canMoveMaterial(before.status, status)) throw new MaterialStatusError(before.status, status)
  tx.update(materials).set({ status, updatedAt: new Date().toISOString() }).where(eq(materials.id, id)).run()
  recordAudit(tx, {
    userId: actor.id,
    entity: 'material',
    entityId: id,
    action: 'status',
    before: { status: before.status },
    after: { status },
    summary: before.title,
  })
  return true
}
