import { eq, isNotNull, isNull } from 'drizzle-orm'

import { db, type Tx } from '#db/client'
import { partners, project, stakeholders, themes } from '#db/schema'

import { listCategories } from '../categories.server'
import type { StakeholderEditPolicy } from '../schemas'

/** The project's stakeholder edit policy, which the policy functions take. */
/** The project's stakeholder edit policy, read through `tx` (the caller's transaction) when given. */
export function stakeholderEditPolicy(tx: Tx = db): StakeholderEditPolicy {
  return (
    tx.select({ policy: project.stakeholderEditPolicy }).from(project).where(eq(project.id, 1)).get()
      ?.policy ?? 'owner'
  )
}

export function stakeholderFormOptions() {
  return {
    categories: listCategories({ includeArchived: true }),
    partners: db
      .select({ id: partners.id, name: partners.name })
      .from(partners)
      .where(isNull(partners.archivedAt))
      .orderBy(partners.name)
      .all(),
    themes: db
      .select({ id: themes.id, name: themes.name })
      .from(themes)
      .where(isNull(themes.archivedAt))
      .orderBy(themes.name)
      .all(),
    workingLanguages:
      db.select({ l: project.workingLanguages }).from(project).where(eq(project.id, 1)).get()?.l ?? [],
  }
}

/** Countries actually used in the register (for the filter), most frequent first is not needed: alphabetical. */
export function usedCountries(): string[] {
  return db
    .selectDistinct({ country: stakeholders.country })
    .from(stakeholders)
    .where(isNotNull(stakeholders.country))
    .orderBy(stakeholders.country)
    .all()
    .map((r) => r.country!)
}
