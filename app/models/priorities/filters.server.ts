/** The conditions shared by the ranking, the scoring grid and the power/interest grid. */
import { and, asc, isNull, type SQL, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { partners, type Quadrant, stakeholderCategories, stakeholderPriority, stakeholders } from '#db/schema'
import { stakeholderWhere } from '~/models/stakeholders/index.server'

import type { PriorityFilter } from './schemas'
import type { GridCutoffs } from './scoring'

/** The register's own filter (search, category, owner, stage), so both lists agree. */
export function stakeholderConditions(f: PriorityFilter): SQL[] {
  const where: SQL[] = [isNull(stakeholders.mergedIntoId)]
  const register = stakeholderWhere({ q: f.q, category: f.category, owner: f.owner, stage: f.stage })
  where.push(register ?? isNull(stakeholders.archivedAt))
  return where
}

/** The quadrant as SQL, with the same rule as quadrantFor: strictly above the cut-off is high. */
export function quadrantCondition(q: Quadrant, cutoffs: GridCutoffs): SQL {
  const hiInf = sql`${stakeholderPriority.influence} > ${cutoffs.influence}`
  const hiInt = sql`${stakeholderPriority.interest} > ${cutoffs.interest}`
  const loInf = sql`${stakeholderPriority.influence} <= ${cutoffs.influence}`
  const loInt = sql`${stakeholderPriority.interest} <= ${cutoffs.interest}`
  return {
    manage_closely: and(hiInf, hiInt)!,
    keep_satisfied: and(hiInf, loInt)!,
    keep_informed: and(loInf, hiInt)!,
    monitor: and(loInf, loInt)!,
  }[q]
}

/** Options for the filters: categories and partners. */
export function filterOptions() {
  return {
    categories: db
      .select({
        id: stakeholderCategories.id,
        name: stakeholderCategories.name,
        key: stakeholderCategories.key,
      })
      .from(stakeholderCategories)
      .where(isNull(stakeholderCategories.archivedAt))
      .orderBy(asc(stakeholderCategories.sortOrder), asc(stakeholderCategories.name))
      .all(),
    partners: db
      .select({ id: partners.id, name: partners.name })
      .from(partners)
      .where(isNull(partners.archivedAt))
      .orderBy(asc(partners.name))
      .all(),
  }
}
