import { eq, sql } from 'drizzle-orm'

import { db } from '#db/client'
import {
  partners,
  stakeholderCategories,
  stakeholderPriority,
  stakeholders,
  stakeholderThemes,
  themes,
} from '#db/schema'

export type Stakeholder = typeof stakeholders.$inferSelect

export function getStakeholder(id: number) {
  const row = db
    .select({
      stakeholder: stakeholders,
      categoryKey: stakeholderCategories.key,
      categoryName: stakeholderCategories.name,
      categoryIsFundedProject: stakeholderCategories.isFundedProject,
      ownerName: partners.name,
      mergedIntoName: sql<
        string | null
      >`(select s2.name from stakeholders s2 where s2.id = ${stakeholders.mergedIntoId})`,
    })
    .from(stakeholders)
    .innerJoin(stakeholderCategories, eq(stakeholderCategories.id, stakeholders.categoryId))
    .leftJoin(partners, eq(partners.id, stakeholders.ownerPartnerId))
    .where(eq(stakeholders.id, id))
    .get()
  if (!row) return null
  const themeRows = db
    .select({ id: themes.id, name: themes.name })
    .from(stakeholderThemes)
    .innerJoin(themes, eq(themes.id, stakeholderThemes.themeId))
    .where(eq(stakeholderThemes.stakeholderId, id))
    .orderBy(themes.name)
    .all()
  const priority =
    db.select().from(stakeholderPriority).where(eq(stakeholderPriority.stakeholderId, id)).get() ?? null
  return {
    ...row.stakeholder,
    categoryKey: row.categoryKey,
    categoryName: row.categoryName,
    categoryIsFundedProject: row.categoryIsFundedProject,
    ownerName: row.ownerName,
    mergedIntoName: row.mergedIntoName,
    themes: themeRows,
    themeIds: themeRows.map((t) => t.id),
    priority,
  }
}
