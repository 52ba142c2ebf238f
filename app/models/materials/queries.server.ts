import { and, asc, desc, eq, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { actions, materialFiles, materialKinds, materials, partners } from '#db/schema'
import { type Actor, can } from '~/utils/permissions'
import { containsText } from '~/utils/text-search.server'

import { canDownloadMaterialFile, canSeeMaterial } from './policy'
import { type MaterialFilter } from './schemas'

export type Material = typeof materials.$inferSelect

const citingActions = sql<number>`(select count(*) from ${actions} where ${actions.materialId} = ${materials.id} and ${actions.archivedAt} is null and ${actions.status} in ('submitted', 'validated'))`

/**
 * Which materials the actor sees (canSeeMaterial in SQL): the approved ones; every one for a
 * reviewer; its own partner's uploads for a partner.
 */
function visibleTo(actor: Actor): SQL | undefined {
  if (!can(actor, 'plan:read')) return sql`0`
  if (can(actor, 'material:approve')) return undefined
  const approved = eq(materials.status, 'approved')
  if (actor.partnerId == null || !can(actor, 'material:upload')) return approved
  return or(approved, eq(materials.partnerId, actor.partnerId))
}

export function listMaterials(filter: MaterialFilter, actor: Actor) {
  const where: (SQL | undefined)[] = [
    filter.archived ? isNotNull(materials.archivedAt) : isNull(materials.archivedAt),
    visibleTo(actor),
  ]
  if (filter.status) where.push(eq(materials.status, filter.status))
  if (filter.kind) where.push(eq(materials.kind, filter.kind))
  if (filter.language) where.push(eq(materials.language, filter.language))
  if (filter.q) where.push(containsText(materials.title, filter.q))
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
      status: materials.status,
      partnerId: materials.partnerId,
      archivedAt: materials.archivedAt,
      actionCount: citingActions,
    })
    .from(materials)
    .leftJoin(materialFiles, eq(materialFiles.id, materials.fileId))
    .where(and(...where))
    .orderBy(asc(materials.kind), asc(materials.title), asc(materials.language))
    .all()
}

/** How many materials wait for the actor's approval (none for who may not approve). */
export function pendingMaterialCount(actor: Actor) {
  if (!can(actor, 'material:approve')) return 0
  return db
    .select({ n: sql<number>`count(*)` })
    .from(materials)
    .where(and(eq(materials.status, 'pending'), isNull(materials.archivedAt)))
    .get()!.n
}

/** Which working languages each kind of material exists in (live, approved materials only). */
export function languageMatrix(workingLanguages: string[]) {
  const rows = db
    .select({
      kind: materials.kind,
      language: materials.language,
      n: sql<number>`count(*)`,
      versions: sql<string>`group_concat(${materials.version}, ', ')`,
    })
    .from(materials)
    .where(and(isNull(materials.archivedAt), eq(materials.status, 'approved')))
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

/** A material with its file's name, size and type; null when there is none the actor may see. */
export function getMaterial(id: number, actor: Actor) {
  const found =
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
  return found && canSeeMaterial(actor, found.material) ? found : null
}

/** The form values that reproduce a stored material. */
export function materialFormValues(m: Material) {
  return {
    title: m.title,
    kind: m.kind,
    language: m.language,
    url: m.url ?? undefined,
    version: m.version,
    description: m.description ?? undefined,
  }
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
export function materialFile(materialId: number, actor: Actor) {
  const row = db
    .select({
      fileName: materialFiles.fileName,
      contentType: materialFiles.contentType,
      data: materialFiles.data,
      status: materials.status,
      partnerId: materials.partnerId,
      archivedAt: materials.archivedAt,
    })
    .from(materials)
    .innerJoin(materialFiles, eq(materialFiles.id, materials.fileId))
    .where(eq(materials.id, materialId))
    .get()
  return row && canDownloadMaterialFile(actor, row) ? row : null
}
