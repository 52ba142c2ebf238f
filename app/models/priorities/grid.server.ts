/** The power/interest grid: placements by influence and interest, and the count per quadrant. */
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { type Quadrant, stakeholderPriority, stakeholders, type Tier } from '#db/schema'

import { quadrantCondition, stakeholderConditions } from './filters.server'
import type { PriorityFilter } from './schemas'
import { type GridCutoffs, quadrantFor } from './scoring'
import { getGridCutoffs } from './thresholds.server'

export type GridPlacement = {
  id: number
  name: string
  influence: number
  interest: number
  score: number
  tier: Tier
  quadrant: Quadrant
}

/**
 * Placements on the power/interest grid (stakeholders with both an influence and an interest
 * score), highest score first, at most `limit` of them, plus the count per quadrant over all.
 */
export function gridPlacements(filter: PriorityFilter, limit = 300) {
  const cutoffs = getGridCutoffs()
  const where = stakeholderConditions(filter)
  where.push(isNotNull(stakeholderPriority.influence), isNotNull(stakeholderPriority.interest))
  if (filter.tier) where.push(eq(stakeholderPriority.tier, filter.tier))
  if (filter.quadrant) where.push(quadrantCondition(filter.quadrant, cutoffs))
  const condition = and(...where)
  const rows = db
    .select({
      id: stakeholders.id,
      name: stakeholders.name,
      influence: stakeholderPriority.influence,
      interest: stakeholderPriority.interest,
      score: stakeholderPriority.score,
      tier: stakeholderPriority.tier,
    })
    .from(stakeholderPriority)
    .innerJoin(stakeholders, eq(stakeholders.id, stakeholderPriority.stakeholderId))
    .where(condition)
    .orderBy(desc(stakeholderPriority.score), desc(stakeholderPriority.stakeholderId))
    .limit(limit)
    .all()
  const quadrantCounts: Record<Quadrant, number> = {
    manage_closely: 0,
    keep_satisfied: 0,
    keep_informed: 0,
    monitor: 0,
  }
  const quadrantOf = sql`(${stakeholderPriority.influence} > ${cutoffs.influence}) * 2 + (${stakeholderPriority.interest} > ${cutoffs.interest})`
  const add = (rows: { q: number; n: number }[], sign: number) => {
    for (const c of rows) quadrantCounts[quadrantOfBits(c.q)] += sign * c.n
  }
  if (!filter.q && !filter.category && !filter.owner && !filter.stage) {
    // As countRanked: count the priority table alone, then take the archived/merged back out.
    const own = and(
      isNotNull(stakeholderPriority.influence),
      isNotNull(stakeholderPriority.interest),
      filter.tier ? eq(stakeholderPriority.tier, filter.tier) : undefined,
      filter.quadrant ? quadrantCondition(filter.quadrant, cutoffs) : undefined,
    )
    add(
      db
        .select({ q: sql<number>`${quadrantOf}`, n: sql<number>`count(*)` })
        .from(stakeholderPriority)
        .where(own)
        .groupBy(sql`1`)
        .all(),
      1,
    )
    add(
      db.all<{ q: number; n: number }>(sql`
        select ${quadrantOf} as q, count(*) as n from stakeholders cross join stakeholder_priority on stakeholder_priority.stakeholder_id = stakeholders.id
         where (stakeholders.archived_at is not null or stakeholders.merged_into_id is not null) and ${own} group by 1`),
      -1,
    )
  } else {
    add(
      db
        .select({ q: sql<number>`${quadrantOf}`, n: sql<number>`count(*)` })
        .from(stakeholderPriority)
        .innerJoin(stakeholders, eq(stakeholders.id, stakeholderPriority.stakeholderId))
        .where(condition)
        .groupBy(sql`1`)
        .all(),
      1,
    )
  }
  const total = Object.values(quadrantCounts).reduce((a, b) => a + b, 0)
  const placements: GridPlacement[] = rows.map((r) => ({
    ...r,
    influence: r.influence!,
    interest: r.interest!,
    quadrant: quadrantFor(r.influence, r.interest, cutoffs)!,
  }))
  return { placements, quadrantCounts, total, cutoffs }
}

/** The quadrant of (high influence) * 2 + (high interest), as the SQL above counts them. */
function quadrantOfBits(bits: number): Quadrant {
  const cut: GridCutoffs = { influence: 0, interest: 0 }
  return quadrantFor(bits >= 2 ? 1 : 0, bits % 2 ? 1 : 0, cut)!
}
