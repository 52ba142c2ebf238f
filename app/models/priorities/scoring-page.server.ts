/** The scoring grid's data: a page of stakeholders with their current value per criterion. */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'

import { db } from '#db/client'
import {
  partners,
  scores,
  stakeholderCategories,
  stakeholderPriority,
  stakeholders,
  type Tier,
  users,
} from '#db/schema'

import { stakeholderConditions } from './filters.server'
import type { PriorityFilter } from './schemas'

export type ScoringRow = {
  id: number
  name: string
  categoryName: string | null
  categoryKey: string | null
  ownerName: string | null
  score: number | null
  tier: Tier | null
  /** criterionId -> current value */
  values: Record<number, number>
  /** criterionId -> who and when (for the cell's description) */
  meta: Record<number, { by: string | null; at: string; rationale: string | null }>
}

/** One page of the scoring grid: stakeholders as rows with their current value per criterion. */
export function scoringPage(filter: PriorityFilter, page: { limit: number; offset: number }) {
  const where = stakeholderConditions(filter)
  if (filter.unscored) where.push(isNull(stakeholderPriority.stakeholderId))
  else if (filter.tier) where.push(eq(stakeholderPriority.tier, filter.tier))
  const condition = and(...where)
  const base = db
    .select({
      id: stakeholders.id,
      name: stakeholders.name,
      categoryName: stakeholderCategories.name,
      categoryKey: stakeholderCategories.key,
      ownerName: partners.name,
      score: stakeholderPriority.score,
      tier: stakeholderPriority.tier,
    })
    .from(stakeholders)
    .leftJoin(stakeholderPriority, eq(stakeholderPriority.stakeholderId, stakeholders.id))
    .leftJoin(partners, eq(partners.id, stakeholders.ownerPartnerId))
    .leftJoin(stakeholderCategories, eq(stakeholderCategories.id, stakeholders.categoryId))
    .where(condition)
    // name_key (lower-case, accent-free name) is indexed: no sort of the whole register.
    .orderBy(asc(stakeholders.nameKey), asc(stakeholders.id))
    .limit(page.limit)
    .offset(page.offset)
    .all()
  // The priority table is joined for the count only when a tier or "unscored" filter needs it.
  const needsPriority = !!filter.unscored || !!filter.tier
  const total = needsPriority
    ? db
        .select({ n: sql<number>`count(*)` })
        .from(stakeholders)
        .leftJoin(stakeholderPriority, eq(stakeholderPriority.stakeholderId, stakeholders.id))
        .where(condition)
        .get()!.n
    : db
        .select({ n: sql<number>`count(*)` })
        .from(stakeholders)
        .where(condition)
        .get()!.n
  const ids = base.map((r) => r.id)
  const current = ids.length
    ? db
        .select({
          stakeholderId: scores.stakeholderId,
          criterionId: scores.criterionId,
          value: scores.value,
          rationale: scores.rationale,
          createdAt: scores.createdAt,
          userName: users.name,
        })
        .from(scores)
        .leftJoin(users, eq(users.id, scores.userId))
        .where(and(inArray(scores.stakeholderId, ids), isNull(scores.supersededAt)))
        .all()
    : []
  const byId = new Map<number, ScoringRow>(base.map((r) => [r.id, { ...r, values: {}, meta: {} }]))
  for (const s of current) {
    const row = byId.get(s.stakeholderId)!
    row.values[s.criterionId] = s.value
    row.meta[s.criterionId] = { by: s.userName, at: s.createdAt, rationale: s.rationale }
  }
  return { rows: base.map((r) => byId.get(r.id)!), total }
}
