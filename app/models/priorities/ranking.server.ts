/** The ranking: scored stakeholders, highest score first, as a page or the whole CSV. */
import { and, desc, eq, type SQL, sql } from 'drizzle-orm'

import { db } from '#db/client'
import {
  partners,
  type stages,
  stakeholderCategories,
  stakeholderPriority,
  stakeholders,
  type Tier,
} from '#db/schema'

import { quadrantCondition, stakeholderConditions } from './filters.server'
import type { PriorityFilter } from './schemas'
import { quadrantFor } from './scoring'
import { getGridCutoffs } from './thresholds.server'

export type RankedRow = {
  id: number
  name: string
  score: number
  tier: Tier
  previousScore: number | null
  influence: number | null
  interest: number | null
  scoredAt: string
  stage: (typeof stages)[number]
  ownerPartnerId: number | null
  ownerName: string | null
  categoryName: string | null
  categoryKey: string | null
}

/** Scored stakeholders, highest score first, with their rank in the filtered list. */
export function listRanked(filter: PriorityFilter, page: { limit: number; offset: number }) {
  const cutoffs = getGridCutoffs()
  const where = stakeholderConditions(filter)
  if (filter.tier) where.push(eq(stakeholderPriority.tier, filter.tier))
  if (filter.quadrant) where.push(quadrantCondition(filter.quadrant, cutoffs))
  const condition = and(...where)
  const rows: RankedRow[] = db
    .select({
      id: stakeholders.id,
      name: stakeholders.name,
      score: stakeholderPriority.score,
      tier: stakeholderPriority.tier,
      previousScore: stakeholderPriority.previousScore,
      influence: stakeholderPriority.influence,
      interest: stakeholderPriority.interest,
      scoredAt: stakeholderPriority.scoredAt,
      stage: stakeholders.stage,
      ownerPartnerId: stakeholders.ownerPartnerId,
      ownerName: partners.name,
      categoryName: stakeholderCategories.name,
      categoryKey: stakeholderCategories.key,
    })
    .from(stakeholderPriority)
    .innerJoin(stakeholders, eq(stakeholders.id, stakeholderPriority.stakeholderId))
    .leftJoin(partners, eq(partners.id, stakeholders.ownerPartnerId))
    .leftJoin(stakeholderCategories, eq(stakeholderCategories.id, stakeholders.categoryId))
    .where(condition)
    // Ties by id (the index's rowid), so the (tier, score) and (score) indexes serve the order.
    .orderBy(desc(stakeholderPriority.score), desc(stakeholderPriority.stakeholderId))
    .limit(page.limit)
    .offset(page.offset)
    .all()
  return {
    rows: rows.map((r, i) => ({
      ...r,
      rank: page.offset + i + 1,
      quadrant: quadrantFor(r.influence, r.interest, cutoffs),
    })),
    total: countRanked(filter, condition),
  }
}

/**
 * How many rows the ranking has. Without a filter on the stakeholder itself, counting the
 * priority index and subtracting the (few) archived or merged stakeholders avoids a join over the
 * whole register; filtered lists are small enough to count directly.
 */
function countRanked(filter: PriorityFilter, condition: SQL | undefined): number {
  if (!filter.q && !filter.category && !filter.owner && !filter.stage && !filter.quadrant) {
    const tier = filter.tier ? eq(stakeholderPriority.tier, filter.tier) : undefined
    const all = db
      .select({ n: sql<number>`count(*)` })
      .from(stakeholderPriority)
      .where(tier)
      .get()!.n
    // CROSS JOIN keeps SQLite's join order: scan the register once, look up only the archived.
    const gone = db.get<{ n: number }>(sql`
      select count(*) as n from stakeholders s cross join stakeholder_priority p on p.stakeholder_id = s.id
       where (s.archived_at is not null or s.merged_into_id is not null) ${filter.tier ? sql`and p.tier = ${filter.tier}` : sql``}`).n
    return all - gone
  }
  return db
    .select({ n: sql<number>`count(*)` })
    .from(stakeholderPriority)
    .innerJoin(stakeholders, eq(stakeholders.id, stakeholderPriority.stakeholderId))
    .where(condition)
    .get()!.n
}
