import { desc, eq } from 'drizzle-orm'

import { db } from '#db/client'
import { type PlanSectionKey, planSectionKeys, planSections, planSectionVersions, users } from '#db/schema'
import { renderMarkdown } from '~/utils/markdown.server'

export { planSectionKeys }
export type { PlanSectionKey }

export function isPlanSectionKey(value: string): value is PlanSectionKey {
  return (planSectionKeys as readonly string[]).includes(value)
}

/** The eight parts in order, each with its Markdown rendered safely, who saved it and when. */
export function listPlanSections() {
  const rows = db
    .select({
      key: planSections.key,
      body: planSections.body,
      updatedAt: planSections.updatedAt,
      updatedBy: users.name,
    })
    .from(planSections)
    .leftJoin(users, eq(users.id, planSections.updatedBy))
    .all()
  const byKey = new Map(rows.map((r) => [r.key, r]))
  return planSectionKeys.map((key) => {
    const row = byKey.get(key)
    return {
      key,
      body: row?.body ?? '',
      html: renderMarkdown(row?.body ?? ''),
      updatedAt: row?.updatedAt ?? null,
      updatedBy: row?.updatedBy ?? null,
    }
  })
}

export function getPlanSection(key: PlanSectionKey) {
  const row = db.select().from(planSections).where(eq(planSections.key, key)).get()
  return row ?? null
}

/** Every saved version of a section, newest first, with who saved it. */
export function listSectionVersions(key: PlanSectionKey) {
  const section = getPlanSection(key)
  if (!section) return []
  return db
    .select({
      id: planSectionVersions.id,
      body: planSectionVersions.body,
      createdAt: planSectionVersions.createdAt,
      userName: users.name,
    })
    .from(planSectionVersions)
    .leftJoin(users, eq(users.id, planSectionVersions.userId))
    .where(eq(planSectionVersions.sectionId, section.id))
    .orderBy(desc(planSectionVersions.id))
    .all()
}

export function getSectionVersion(key: PlanSectionKey, versionId: number) {
  const section = getPlanSection(key)
  if (!section) return null
  const version = db.select().from(planSectionVersions).where(eq(planSectionVersions.id, versionId)).get()
  return version && version.sectionId === section.id ? version : null
}
