import { eq } from 'drizzle-orm'

import { type Tx } from '#db/client'
import { materialFiles, materials } from '#db/schema'
import { recordArchive, recordAudit, recordUpdate } from '~/models/audit/index.server'
import { type Actor } from '~/utils/permissions'

import { assertCanEditMaterials } from './policy'
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

export function createMaterial(tx: Tx, input: MaterialForm, upload: StoredUpload | null, actor: Actor) {
  assertCanEditMaterials(actor)
  const row = toRow(input, upload ? storeFile(tx, upload) : null)
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

/** Updates a material; a new upload replaces the current file (the old file row is kept). */
export function updateMaterial(
  tx: Tx,
  id: number,
  input: MaterialForm,
  upload: StoredUpload | null,
  actor: Actor,
) {
  assertCanEditMaterials(actor)
  const before = tx.select().from(materials).where(eq(materials.id, id)).get()
  if (!before) return false
  const row = toRow(input, upload ? storeFile(tx, upload) : before.fileId)
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
