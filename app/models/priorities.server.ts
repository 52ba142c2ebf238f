/**
 * Prioritisation: criteria and weights, scores with their history, the materialised weighted
 * score and tier of every scored stakeholder (stakeholder_priority), the power/interest grid and
 * the engagement strategies.
 *
 * stakeholder_priority is recomputed in SQL (one INSERT ... SELECT with aggregates) so a weight
 * or threshold change re-ranks 100,000 stakeholders at once; the same rules live as pure
 * functions in scoring.ts for the browser and the tests.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm'
import { z } from 'zod'

import { type DB, db, type Tx } from '#db/client'
import {
  criteria,
  engagementStrategies,
  partners,
  project,
  type Quadrant,
  quadrants,
  scores,
  stages,
  stakeholderCategories,
  stakeholderGroups,
  stakeholderPriority,
  stakeholders,
  strategyMessages,
  type Tier,
  tiers,
  users,
} from '#db/schema'

import { recordArchive, recordAudit, recordUpdate } from './audit.server'
import { groupMembersWhere } from './groups.server'
import type { CriterionInput } from './priority-schemas'
import { GRID_MIDPOINT, isScoreValue, quadrantFor, type Thresholds, validThresholds } from './scoring'
import { stakeholderWhere } from './stakeholders.server'

const now = () => new Date().toISOString()

// ---------------------------------------------------------------------------------------------
// Criteria and thresholds

export type Criterion = typeof criteria.$inferSelect

export function listCriteria({ includeArchived = false }: { includeArchived?: boolean } = {}): Criterion[] {
  return db
    .select()
    .from(criteria)
    .where(includeArchived ? undefined : isNull(criteria.archivedAt))
    .orderBy(asc(criteria.sortOrder), asc(criteria.id))
    .all()
}

export function getCriterion(id: number) {
  return db.select().from(criteria).where(eq(criteria.id, id)).get() ?? null
}

export function getThresholds(tx: Tx = db): Thresholds {
  const row = tx
    .select({ tierA: project.tierAThreshold, tierB: project.tierBThreshold })
    .from(project)
    .where(eq(project.id, 1))
    .get()
  return row ?? { tierA: 70, tierB: 45 }
}

export { type CriterionInput, criterionSchema, thresholdsSchema } from './priority-schemas'

export function createCriterion(
  tx: Tx,
  input: CriterionInput & { key?: string | null },
  userId: number | null,
) {
  const maxOrder = tx
    .select({ n: sql<number>`coalesce(max(${criteria.sortOrder}), 0)` })
    .from(criteria)
    .get()!.n
  const row = tx
    .insert(criteria)
    .values({
      key: input.key ?? null,
      name: input.name,
      description: input.description || null,
      weight: input.weight,
      gridAxis: input.gridAxis ?? null,
      sortOrder: maxOrder + 1,
    })
    .returning()
    .get()
  recordAudit(tx, {
    userId,
    entity: 'criterion',
    entityId: row.id,
    action: 'create',
    after: row,
    summary: `criterion ${row.name} (weight ${row.weight})`,
  })
  recomputeAllPriorities(tx)
  return row
}

export function updateCriterion(tx: Tx, id: number, input: CriterionInput, userId: number | null) {
  const before = tx.select().from(criteria).where(eq(criteria.id, id)).get()
  if (!before) return null
  const values = {
    name: input.name,
    description: input.description || null,
    weight: input.weight,
    gridAxis: input.gridAxis ?? null,
  }
  const after = tx
    .update(criteria)
    .set({ ...values, updatedAt: now() })
    .where(eq(criteria.id, id))
    .returning()
    .get()
  const changed = recordUpdate(
    tx,
    { userId, entity: 'criterion', entityId: id, summary: `criterion ${after.name}` },
    before,
    values,
  )
  // A new weight or axis changes every score and grid position: re-rank at once.
  if (changed && (before.weight !== after.weight || before.gridAxis !== after.gridAxis) && !after.archivedAt)
    recomputeAllPriorities(tx)
  return after
}

export function setCriterionArchived(tx: Tx, id: number, archived: boolean, userId: number | null) {
  const before = tx.select().from(criteria).where(eq(criteria.id, id)).get()
  if (!before || !!before.archivedAt === archived) return before ?? null
  const after = tx
    .update(criteria)
    .set({ archivedAt: archived ? now() : null, updatedAt: now() })
    .where(eq(criteria.id, id))
    .returning()
    .get()
  recordArchive(
    tx,
    { userId, entity: 'criterion', entityId: id, summary: `criterion ${after.name}` },
    before.archivedAt,
    after.archivedAt,
  )
  recomputeAllPriorities(tx)
  return after
}

export function setThresholds(tx: Tx, input: Thresholds, userId: number | null) {
  if (!validThresholds(input)) throw new Error('invalid thresholds')
  const before = getThresholds(tx)
  tx.update(project)
    .set({ tierAThreshold: input.tierA, tierBThreshold: input.tierB, updatedAt: now() })
    .where(eq(project.id, 1))
    .run()
  const changed = recordUpdate(
    tx,
    { userId, entity: 'project', entityId: 1, summary: 'tier thresholds' },
    { tierAThreshold: before.tierA, tierBThreshold: before.tierB },
    { tierAThreshold: input.tierA, tierBThreshold: input.tierB },
  )
  if (changed) retierAll(tx, input)
  return changed
}

// ---------------------------------------------------------------------------------------------
// The materialised priority

/** The tier as a SQL CASE over a score expression (edges inclusive, as tierFor). */
function tierCase(score: SQL, t: Thresholds) {
  return sql`case when ${score} >= ${t.tierA} then 'A' when ${score} >= ${t.tierB} then 'B' else 'C' end`
}

/**
 * Recomputes stakeholder_priority from the current scores over active criteria, for every
 * stakeholder or only the given ones, in one INSERT ... SELECT ... GROUP BY. previous_score keeps
 * the score before the last change, for "change since the previous scoring"; a stakeholder with
 * no current score left loses its row (unscored, never zero).
 */
export function recomputePriorities(tx: Tx, stakeholderIds?: readonly number[]) {
  const t = getThresholds(tx)
  const only = stakeholderIds
    ? sql`and s.stakeholder_id in (${sql.join(
        stakeholderIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``
  if (stakeholderIds && stakeholderIds.length === 0) return
  const score = sql`(sum(c.weight * (s.value - 1) / 4.0) / sum(c.weight) * 100.0)`
  const stamp = now()
  tx.run(sql`
    insert into stakeholder_priority (stakeholder_id, score, tier, previous_score, influence, interest, scored_at)
    select s.stakeholder_id,
           ${score},
           ${tierCase(score, t)},
           null,
           avg(case when c.grid_axis = 'influence' then s.value end),
           avg(case when c.grid_axis = 'interest' then s.value end),
           ${stamp}
      from scores s
      join criteria c on c.id = s.criterion_id
     where s.superseded_at is null and c.archived_at is null and c.weight > 0 ${only}
     group by s.stakeholder_id
    on conflict (stakeholder_id) do update set
      previous_score = case when abs(stakeholder_priority.score - excluded.score) > 1e-9 then stakeholder_priority.score else stakeholder_priority.previous_score end,
      scored_at = case when abs(stakeholder_priority.score - excluded.score) > 1e-9 then excluded.scored_at else stakeholder_priority.scored_at end,
      score = excluded.score,
      tier = excluded.tier,
      influence = excluded.influence,
      interest = excluded.interest
  `)
  const onlyP = stakeholderIds
    ? sql`and p.stakeholder_id in (${sql.join(
        stakeholderIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``
  tx.run(sql`
    delete from stakeholder_priority as p
     where not exists (
       select 1 from scores s join criteria c on c.id = s.criterion_id
        where s.stakeholder_id = p.stakeholder_id and s.superseded_at is null and c.archived_at is null and c.weight > 0
     ) ${onlyP}
  `)
}

export function recomputeAllPriorities(tx: Tx = db) {
  recomputePriorities(tx)
}

/** New thresholds only move tiers; the scores stay. */
function retierAll(tx: Tx, t: Thresholds) {
  tx.run(sql`update stakeholder_priority set tier = ${tierCase(sql`score`, t)}`)
}

export type Priority = typeof stakeholderPriority.$inferSelect

export function getPriority(stakeholderId: number, tx: Tx = db): Priority | null {
  return (
    tx.select().from(stakeholderPriority).where(eq(stakeholderPriority.stakeholderId, stakeholderId)).get() ??
    null
  )
}

// ---------------------------------------------------------------------------------------------
// Scores

export type ScoreChange = { criterionId: number; value: number | null; rationale?: string | null }

/**
 * Sets (or clears, with value null) a stakeholder's current score on criteria. The current row is
 * superseded, never deleted, so the history is kept; an unchanged value is a no-op. Recomputes the
 * stakeholder's priority. Returns how many scores changed.
 */
export function scoreStakeholder(
  tx: Tx,
  stakeholderId: number,
  changes: readonly ScoreChange[],
  userId: number | null,
): number {
  let changed = 0
  const stamp = now()
  for (const change of changes) {
    if (change.value !== null && !isScoreValue(change.value))
      throw new Error(`score out of range: ${change.value}`)
    const current = tx
      .select()
      .from(scores)
      .where(
        and(
          eq(scores.stakeholderId, stakeholderId),
          eq(scores.criterionId, change.criterionId),
          isNull(scores.supersededAt),
        ),
      )
      .get()
    const rationale = change.rationale?.trim() || null
    if (
      current &&
      current.value === change.value &&
      (change.rationale === undefined || (current.rationale ?? null) === rationale)
    )
      continue
    if (!current && change.value === null) continue
    if (current) tx.update(scores).set({ supersededAt: stamp }).where(eq(scores.id, current.id)).run()
    if (change.value === null) {
      recordAudit(tx, {
        userId,
        entity: 'score',
        entityId: current!.id,
        action: 'archive',
        before: { stakeholderId, criterionId: change.criterionId, value: current!.value },
        summary: `cleared score of stakeholder ${stakeholderId}`,
      })
    } else {
      const row = tx
        .insert(scores)
        .values({
          stakeholderId,
          criterionId: change.criterionId,
          value: change.value,
          // A new value keeps the reason given before only if no new one is given.
          rationale: change.rationale === undefined ? (current?.rationale ?? null) : rationale,
          userId,
          createdAt: stamp,
        })
        .returning()
        .get()
      recordAudit(tx, {
        userId,
        entity: 'score',
        entityId: row.id,
        action: 'create',
        before: current ? { value: current.value, rationale: current.rationale } : null,
        after: { stakeholderId, criterionId: change.criterionId, value: row.value, rationale: row.rationale },
        summary: `scored stakeholder ${stakeholderId}`,
      })
    }
    changed++
  }
  if (changed) recomputePriorities(tx, [stakeholderId])
  return changed
}

export type ScoreHistoryEntry = {
  id: number
  criterionId: number
  criterionName: string
  value: number
  rationale: string | null
  createdAt: string
  supersededAt: string | null
  userName: string | null
}

/** Every score a stakeholder was given, newest first (current ones have supersededAt null). */
export function scoreHistory(stakeholderId: number, limit = 200): ScoreHistoryEntry[] {
  return db
    .select({
      id: scores.id,
      criterionId: scores.criterionId,
      criterionName: criteria.name,
      value: scores.value,
      rationale: scores.rationale,
      createdAt: scores.createdAt,
      supersededAt: scores.supersededAt,
      userName: users.name,
    })
    .from(scores)
    .innerJoin(criteria, eq(criteria.id, scores.criterionId))
    .leftJoin(users, eq(users.id, scores.userId))
    .where(eq(scores.stakeholderId, stakeholderId))
    .orderBy(desc(scores.createdAt), desc(scores.id))
    .limit(limit)
    .all()
}

// ---------------------------------------------------------------------------------------------
// Lists

export const priorityFilterSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  category: z.coerce.number().int().positive().optional().catch(undefined),
  owner: z.coerce.number().int().positive().optional().catch(undefined),
  stage: z.enum(stages).optional().catch(undefined),
  tier: z.enum(tiers).optional().catch(undefined),
  quadrant: z.enum(quadrants).optional().catch(undefined),
  unscored: z
    .enum(['1', 'true', 'on'])
    .transform(() => true)
    .optional()
    .catch(undefined),
})
export type PriorityFilter = z.infer<typeof priorityFilterSchema>

export function priorityFilterFromUrl(url: URL): PriorityFilter {
  const raw: Record<string, string> = {}
  for (const key of Object.keys(priorityFilterSchema.shape)) {
    const v = url.searchParams.get(key)
    if (v !== null && v !== '') raw[key] = v
  }
  return priorityFilterSchema.parse(raw)
}

/** The register's own filter (search, category, owner, stage), so both lists agree. */
function stakeholderConditions(f: PriorityFilter): SQL[] {
  const where: SQL[] = [isNull(stakeholders.mergedIntoId)]
  const register = stakeholderWhere({ q: f.q, category: f.category, owner: f.owner, stage: f.stage })
  where.push(register ?? isNull(stakeholders.archivedAt))
  return where
}

function quadrantCondition(q: Quadrant): SQL {
  const hiInf = sql`${stakeholderPriority.influence} >= ${GRID_MIDPOINT}`
  const hiInt = sql`${stakeholderPriority.interest} >= ${GRID_MIDPOINT}`
  const loInf = sql`${stakeholderPriority.influence} < ${GRID_MIDPOINT}`
  const loInt = sql`${stakeholderPriority.interest} < ${GRID_MIDPOINT}`
  return {
    manage_closely: and(hiInf, hiInt)!,
    keep_satisfied: and(hiInf, loInt)!,
    keep_informed: and(loInf, hiInt)!,
    monitor: and(loInf, loInt)!,
  }[q]
}

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
  const where = stakeholderConditions(filter)
  if (filter.tier) where.push(eq(stakeholderPriority.tier, filter.tier))
  if (filter.quadrant) where.push(quadrantCondition(filter.quadrant))
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
    rows: rows.map((r, i) => ({ ...r, rank: page.offset + i + 1 })),
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
  const where = stakeholderConditions(filter)
  where.push(isNotNull(stakeholderPriority.influence), isNotNull(stakeholderPriority.interest))
  if (filter.tier) where.push(eq(stakeholderPriority.tier, filter.tier))
  if (filter.quadrant) where.push(quadrantCondition(filter.quadrant))
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
  const quadrantOf = sql`(${stakeholderPriority.influence} >= ${GRID_MIDPOINT}) * 2 + (${stakeholderPriority.interest} >= ${GRID_MIDPOINT})`
  const add = (rows: { q: number; n: number }[], sign: number) => {
    for (const c of rows) quadrantCounts[quadrantFor(c.q >= 2 ? 5 : 1, c.q % 2 ? 5 : 1)!] += sign * c.n
  }
  if (!filter.q && !filter.category && !filter.owner && !filter.stage) {
    // As countRanked: count the priority table alone, then take the archived/merged back out.
    const own = and(
      isNotNull(stakeholderPriority.influence),
      isNotNull(stakeholderPriority.interest),
      filter.tier ? eq(stakeholderPriority.tier, filter.tier) : undefined,
      filter.quadrant ? quadrantCondition(filter.quadrant) : undefined,
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
    quadrant: quadrantFor(r.influence, r.interest)!,
  }))
  return { placements, quadrantCounts, total }
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

// ---------------------------------------------------------------------------------------------
// Strategies

export type StrategyView = {
  id: number | null
  quadrant: Quadrant | null
  groupId: number | null
  groupName: string | null
  methods: string
  /** language -> message */
  messages: Record<string, string>
  updatedAt: string | null
}

function messagesFor(strategyIds: number[]) {
  const out = new Map<number, Record<string, string>>()
  if (!strategyIds.length) return out
  const rows = db
    .select()
    .from(strategyMessages)
    .where(inArray(strategyMessages.strategyId, strategyIds))
    .orderBy(asc(strategyMessages.id))
    .all()
  for (const m of rows) {
    const map = out.get(m.strategyId) ?? {}
    map[m.language] = m.message
    out.set(m.strategyId, map)
  }
  return out
}

/** The strategy of each quadrant (an empty one where none was written yet). */
export function quadrantStrategies(): Record<Quadrant, StrategyView> {
  const rows = db
    .select()
    .from(engagementStrategies)
    .where(and(isNotNull(engagementStrategies.quadrant), isNull(engagementStrategies.groupId)))
    .orderBy(asc(engagementStrategies.id))
    .all()
  const messages = messagesFor(rows.map((r) => r.id))
  const result = {} as Record<Quadrant, StrategyView>
  for (const q of quadrants) {
    const row = rows.find((r) => r.quadrant === q)
    result[q] = {
      id: row?.id ?? null,
      quadrant: q,
      groupId: null,
      groupName: null,
      methods: row?.methods ?? '',
      messages: row ? (messages.get(row.id) ?? {}) : {},
      updatedAt: row?.updatedAt ?? null,
    }
  }
  return result
}

/** Every active stakeholder group with its strategy (empty where none was written yet). */
export function groupStrategies(groupIds?: number[]): StrategyView[] {
  if (groupIds && !groupIds.length) return []
  const groups = db
    .select({ id: stakeholderGroups.id, name: stakeholderGroups.name })
    .from(stakeholderGroups)
    .where(
      and(
        isNull(stakeholderGroups.archivedAt),
        groupIds ? inArray(stakeholderGroups.id, groupIds) : undefined,
      ),
    )
    .orderBy(asc(stakeholderGroups.name))
    .all()
  if (!groups.length) return []
  const rows = db
    .select()
    .from(engagementStrategies)
    .where(
      inArray(
        engagementStrategies.groupId,
        groups.map((g) => g.id),
      ),
    )
    .orderBy(asc(engagementStrategies.id))
    .all()
  const messages = messagesFor(rows.map((r) => r.id))
  return groups.map((g) => {
    const row = rows.find((r) => r.groupId === g.id)
    return {
      id: row?.id ?? null,
      quadrant: null,
      groupId: g.id,
      groupName: g.name,
      methods: row?.methods ?? '',
      messages: row ? (messages.get(row.id) ?? {}) : {},
      updatedAt: row?.updatedAt ?? null,
    }
  })
}

export type StrategyTarget = { quadrant: Quadrant } | { groupId: number }

/**
 * Writes the methods and key messages (per language) of a quadrant's or a group's strategy.
 * A message left empty removes that language's message; the audit row keeps the old text.
 */
export function saveStrategy(
  tx: Tx,
  target: StrategyTarget,
  input: { methods: string; messages: Record<string, string> },
  userId: number | null,
) {
  const where =
    'quadrant' in target
      ? and(eq(engagementStrategies.quadrant, target.quadrant), isNull(engagementStrategies.groupId))
      : eq(engagementStrategies.groupId, target.groupId)
  let strategy = tx.select().from(engagementStrategies).where(where).get()
  const beforeMessages: Record<string, string> = {}
  if (strategy)
    for (const m of tx
      .select()
      .from(strategyMessages)
      .where(eq(strategyMessages.strategyId, strategy.id))
      .all())
      beforeMessages[m.language] = m.message
  const before = { methods: strategy?.methods ?? null, messages: beforeMessages }
  if (!strategy) {
    strategy = tx
      .insert(engagementStrategies)
      .values({
        quadrant: 'quadrant' in target ? target.quadrant : null,
        groupId: 'groupId' in target ? target.groupId : null,
        methods: input.methods || null,
      })
      .returning()
      .get()
  } else {
    tx.update(engagementStrategies)
      .set({ methods: input.methods || null, updatedAt: now() })
      .where(eq(engagementStrategies.id, strategy.id))
      .run()
  }
  const afterMessages: Record<string, string> = {}
  for (const [language, raw] of Object.entries(input.messages)) {
    const message = raw.trim()
    const existing = tx
      .select()
      .from(strategyMessages)
      .where(and(eq(strategyMessages.strategyId, strategy.id), eq(strategyMessages.language, language)))
      .get()
    if (!message) {
      if (existing) tx.delete(strategyMessages).where(eq(strategyMessages.id, existing.id)).run()
      continue
    }
    afterMessages[language] = message
    if (existing) {
      if (existing.message !== message)
        tx.update(strategyMessages).set({ message }).where(eq(strategyMessages.id, existing.id)).run()
    } else tx.insert(strategyMessages).values({ strategyId: strategy.id, language, message }).run()
  }
  // Languages not in the form (no longer working languages) keep their messages.
  for (const [language, message] of Object.entries(beforeMessages))
    if (!(language in input.messages)) afterMessages[language] = message
  const after = { methods: input.methods || null, messages: afterMessages }
  const label =
    'quadrant' in target ? `strategy for ${target.quadrant}` : `strategy for group ${target.groupId}`
  if (
    before.methods === null &&
    !Object.keys(beforeMessages).length &&
    strategy.createdAt === strategy.updatedAt
  )
    recordAudit(tx, {
      userId,
      entity: 'engagement_strategy',
      entityId: strategy.id,
      action: 'create',
      after,
      summary: label,
    })
  else
    recordUpdate(
      tx,
      { userId, entity: 'engagement_strategy', entityId: strategy.id, summary: label },
      before,
      after,
    )
  return strategy.id
}

export function getGroup(id: number) {
  return (
    db
      .select()
      .from(stakeholderGroups)
      .where(and(eq(stakeholderGroups.id, id), isNull(stakeholderGroups.archivedAt)))
      .get() ?? null
  )
}

/** The groups whose saved filter includes the stakeholder. */
export function groupsOfStakeholder(stakeholderId: number): number[] {
  const groups = db.select().from(stakeholderGroups).where(isNull(stakeholderGroups.archivedAt)).all()
  const ids: number[] = []
  for (const g of groups) {
    // The group's own membership rule (the register's filter), checked against this one row.
    const hit = db
      .select({ id: stakeholders.id })
      .from(stakeholders)
      .where(and(eq(stakeholders.id, stakeholderId), groupMembersWhere(g.filter ?? {})))
      .get()
    if (hit) ids.push(g.id)
  }
  return ids
}

export type StakeholderStrategy = {
  priority: Priority | null
  quadrant: Quadrant | null
  strategy: StrategyView | null
  groups: StrategyView[]
}

/** The stakeholder's place on the grid, its quadrant's strategy and messages, and its groups' strategies. */
export function strategyForStakeholder(stakeholderId: number): StakeholderStrategy {
  const priority = getPriority(stakeholderId)
  const quadrant = quadrantFor(priority?.influence, priority?.interest)
  const strategy = quadrant ? quadrantStrategies()[quadrant] : null
  const groups = groupStrategies(groupsOfStakeholder(stakeholderId)).filter((g) => g.id !== null)
  return { priority, quadrant, strategy, groups }
}
