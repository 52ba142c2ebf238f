import { and, asc, desc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm'
import { z } from 'zod'

import { type Tx } from '#db/client'
import { db } from '#db/client'
import { actions, materialFiles, materialKinds, materials, partners } from '#db/schema'
import { parseMultipartFormData } from '~/utils/multipart.server'

import { recordArchive, recordAudit, recordUpdate } from './audit.server'
import { emptyToUndefined, type MaterialForm, materialFormSchema } from './plan-forms'

export type Material = typeof materials.$inferSelect
export { materialKinds }

/**
 * Accepted uploads, by extension, with the Content-Type we serve them with (never the one the
 * browser sent) and the bytes a real file of that type starts with. SVG is refused: it can carry
 * script. See docs/decisions/007-markdown.md for the same reasoning on plan text.
 */
export const allowedUploads: Record<string, { contentType: string; magic: number[][] }> = {
  pdf: { contentType: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46]] },
  pptx: {
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  odp: { contentType: 'application/vnd.oasis.opendocument.presentation', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  odt: { contentType: 'application/vnd.oasis.opendocument.text', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  png: { contentType: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47]] },
  jpg: { contentType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { contentType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  zip: {
    contentType: 'application/zip',
    magic: [
      [0x50, 0x4b, 0x03, 0x04],
      [0x50, 0x4b, 0x05, 0x06],
    ],
  },
}
export const allowedExtensions = Object.keys(allowedUploads)

export type UploadCheck =
  | { ok: true; fileName: string; contentType: string }
  | { ok: false; error: 'type' | 'content' | 'size' | 'empty' }

/** Checks an uploaded file's name, size and first bytes; returns the safe Content-Type to store. */
export function checkUpload(fileName: string, bytes: Uint8Array, limitBytes: number): UploadCheck {
  if (bytes.length === 0) return { ok: false, error: 'empty' }
  if (bytes.length > limitBytes) return { ok: false, error: 'size' }
  const extension = fileName.toLowerCase().split('.').pop() ?? ''
  const allowed = fileName.includes('.') ? allowedUploads[extension] : undefined
  if (!allowed) return { ok: false, error: 'type' }
  if (!allowed.magic.some((m) => m.every((b, i) => bytes[i] === b))) return { ok: false, error: 'content' }
  return { ok: true, fileName: safeFileName(fileName), contentType: allowed.contentType }
}

/** The base name without paths or control characters, at most 200 characters. */
export function safeFileName(name: string) {
  const base = name.split(/[\\/]/).pop() ?? 'file'
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f"]/g, '').slice(-200) || 'file'
}

export { type MaterialForm, materialFormSchema }

export type StoredUpload = { fileName: string; contentType: string; data: Buffer }

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

export function createMaterial(tx: Tx, input: MaterialForm, upload: StoredUpload | null, userId: number) {
  const fileId = upload ? storeFile(tx, upload) : null
  const row = {
    title: input.title,
    kind: input.kind,
    language: input.language,
    url: input.url ?? null,
    version: input.version,
    description: input.description ?? null,
    fileId,
  }
  const id = tx.insert(materials).values(row).returning({ id: materials.id }).get().id
  recordAudit(tx, {
    userId,
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
  userId: number,
) {
  const before = tx.select().from(materials).where(eq(materials.id, id)).get()
  if (!before) return false
  const fileId = upload ? storeFile(tx, upload) : before.fileId
  const row = {
    title: input.title,
    kind: input.kind,
    language: input.language,
    url: input.url ?? null,
    version: input.version,
    description: input.description ?? null,
    fileId,
  }
  tx.update(materials)
    .set({ ...row, updatedAt: new Date().toISOString() })
    .where(eq(materials.id, id))
    .run()
  recordUpdate(tx, { userId, entity: 'material', entityId: id, summary: row.title }, before, row)
  return true
}

export function setMaterialArchived(tx: Tx, id: number, archived: boolean, userId: number) {
  const before = tx.select().from(materials).where(eq(materials.id, id)).get()
  if (!before) return false
  const archivedAt = archived ? new Date().toISOString() : null
  tx.update(materials)
    .set({ archivedAt, updatedAt: new Date().toISOString() })
    .where(eq(materials.id, id))
    .run()
  recordArchive(
    tx,
    { userId, entity: 'material', entityId: id, summary: before.title },
    before.archivedAt,
    archivedAt,
  )
  return true
}

export const materialFilterSchema = z.object({
  kind: z.preprocess(emptyToUndefined, z.enum(materialKinds).optional()).catch(undefined),
  language: z
    .preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[a-z]{2,3}$/)
        .optional(),
    )
    .catch(undefined),
  q: z.preprocess(emptyToUndefined, z.string().trim().max(200).optional()).catch(undefined),
  archived: z.preprocess(emptyToUndefined, z.literal('1').optional()).catch(undefined),
})
export type MaterialFilter = z.infer<typeof materialFilterSchema>

const citingActions = sql<number>`(select count(*) from ${actions} where ${actions.materialId} = ${materials.id} and ${actions.archivedAt} is null and ${actions.status} in ('submitted', 'validated'))`

export function listMaterials(filter: MaterialFilter) {
  const where: SQL[] = [filter.archived ? isNotNull(materials.archivedAt) : isNull(materials.archivedAt)]
  if (filter.kind) where.push(eq(materials.kind, filter.kind))
  if (filter.language) where.push(eq(materials.language, filter.language))
  if (filter.q)
    where.push(
      sql`lower(${materials.title}) like ${`%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`,
    )
  return db
    .select({
      id: materials.id,
      title: materials.title,
      kind: materials.kind,
      language: materials.language,
      url: materials.url,
      version: materials.version,
      fileId: materials.fileId,
      fileName: materialFiles.fileName,
      fileSize: materialFiles.size,
      archivedAt: materials.archivedAt,
      actionCount: citingActions,
    })
    .from(materials)
    .leftJoin(materialFiles, eq(materialFiles.id, materials.fileId))
    .where(and(...where))
    .orderBy(asc(materials.kind), asc(materials.title), asc(materials.language))
    .all()
}

/** Which working languages each kind of material exists in (live materials only). */
export function languageMatrix(workingLanguages: string[]) {
  const rows = db
    .select({
      kind: materials.kind,
      language: materials.language,
      n: sql<number>`count(*)`,
      versions: sql<string>`group_concat(${materials.version}, ', ')`,
    })
    .from(materials)
    .where(isNull(materials.archivedAt))
    .groupBy(materials.kind, materials.language)
    .all()
  const kinds = materialKinds.filter((k) => rows.some((r) => r.kind === k))
  return kinds.map((kind) => ({
    kind,
    cells: workingLanguages.map((language) => {
      const r = rows.find((x) => x.kind === kind && x.language === language)
      return { language, count: r?.n ?? 0, versions: r?.versions ?? null }
    }),
    otherLanguages: rows
      .filter((r) => r.kind === kind && !workingLanguages.includes(r.language))
      .map((r) => r.language),
  }))
}

export function getMaterial(id: number) {
  return (
    db
      .select({
        material: materials,
        fileName: materialFiles.fileName,
        fileSize: materialFiles.size,
        fileType: materialFiles.contentType,
      })
      .from(materials)
      .leftJoin(materialFiles, eq(materialFiles.id, materials.fileId))
      .where(eq(materials.id, id))
      .get() ?? null
  )
}

/** Which partners used a material: actions citing it, per partner (validated and submitted). */
export function materialUsage(id: number) {
  return db
    .select({
      partnerId: partners.id,
      partnerName: partners.name,
      actions: sql<number>`count(*)`,
      validated: sql<number>`sum(${actions.status} = 'validated')`,
      lastUsed: sql<string>`max(${actions.date})`,
    })
    .from(actions)
    .innerJoin(partners, eq(partners.id, actions.partnerId))
    .where(
      and(
        eq(actions.materialId, id),
        isNull(actions.archivedAt),
        sql`${actions.status} in ('submitted', 'validated')`,
      ),
    )
    .groupBy(partners.id)
    .orderBy(desc(sql`count(*)`), asc(partners.name))
    .all()
}

/** The stored file of a material, for the download route. */
export function materialFile(materialId: number) {
  const row = db
    .select({
      fileName: materialFiles.fileName,
      contentType: materialFiles.contentType,
      data: materialFiles.data,
      archivedAt: materials.archivedAt,
    })
    .from(materials)
    .innerJoin(materialFiles, eq(materialFiles.id, materials.fileId))
    .where(eq(materials.id, materialId))
    .get()
  return row ?? null
}

/** Options for the material select of the action form. */
export function materialOptions() {
  return db
    .select({
      id: materials.id,
      title: materials.title,
      language: materials.language,
      version: materials.version,
    })
    .from(materials)
    .where(isNull(materials.archivedAt))
    .orderBy(asc(materials.title))
    .all()
}

export type ReceivedFile = { fileName: string; bytes: Uint8Array; tooLarge: boolean }

/**
 * Reads a material form (multipart or not) without ever keeping more than `limitBytes` of the
 * file: an oversize file is drained and reported, and every other field is still read, so the
 * form comes back with all that was typed.
 */
export async function readMaterialRequest(
  request: Request,
  limitBytes: number,
): Promise<{ formData: FormData; file: ReceivedFile | null }> {
  const contentType = request.headers.get('content-type') ?? ''
  if (!contentType.startsWith('multipart/form-data'))
    return { formData: await request.formData(), file: null }
  let file: ReceivedFile | null = null
  const formData = await parseMultipartFormData(request, async ({ name, filename, data }) => {
    if (filename === undefined) {
      const chunks: Uint8Array[] = []
      let size = 0
      for await (const chunk of data) {
        size += chunk.length
        if (size <= 200_000) chunks.push(chunk)
      }
      return Buffer.concat(chunks).toString('utf8')
    }
    if (name !== 'file') {
      for await (const _ of data) void _
      return undefined
    }
    const chunks: Uint8Array[] = []
    let size = 0
    for await (const chunk of data) {
      size += chunk.length
      if (size <= limitBytes) chunks.push(chunk)
    }
    if (filename === '' && size === 0) return undefined
    file = {
      fileName: filename,
      bytes: size > limitBytes ? new Uint8Array() : Buffer.concat(chunks),
      tooLarge: size > limitBytes,
    }
    return undefined
  })
  return { formData, file }
}

/**
 * Validates a submitted material form with its file. Returns the values and the checked upload,
 * or the field errors (file problems are reported on the `file` field).
 */
export function validateMaterialUpload(
  file: ReceivedFile | null,
  limitBytes: number,
): { upload: StoredUpload | null; error: string | null } {
  if (!file) return { upload: null, error: null }
  if (file.tooLarge) return { upload: null, error: 'plan:materials.errors.size' }
  const check = checkUpload(file.fileName, file.bytes, limitBytes)
  if (!check.ok) return { upload: null, error: `plan:materials.errors.${check.error}` }
  return {
    upload: { fileName: check.fileName, contentType: check.contentType, data: Buffer.from(file.bytes) },
    error: null,
  }
}
