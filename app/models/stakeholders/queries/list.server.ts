import { asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm'

import { db } from '#db/client'
import {
  partners,
  stakeholderCategories,
  stakeholderPriority,
  stakeholders,
  stakeholderThemes,
} from '#db/schema'
import { normalizeText } from '~/utils/text'

import type { StakeholderFilter } from '../schemas'
import { orderFor, stakeholderWhere, whereFor } from '../where.server'

export const listColumns = {
  id: stakeholders.id,
  name: stakeholders.name,
  acronym: stakeholders.acronym,
  categoryId: stakeholders.categoryId,
  categoryKey: stakeholderCategories.key,
  categoryName: stakeholderCategories.name,
  scale: stakeholders.scale,
  country: stakeholders.country,
  city: stakeholders.city,
  website: stakeholders.website,
  webDomain: stakeholders.webDomain,
  stage: stakeholders.stage,
  ownerPartnerId: stakeholders.ownerPartnerId,
  ownerName: partners.name,
  score: stakeholderPriority.score,
  tier: stakeholderPriority.tier,
  archivedAt: stakeholders.archivedAt,
  mergedIntoId: stakeholders.mergedIntoId,
  lastContactOn: stakeholders.lastContactOn,
  createdAt: stakeholders.createdAt,
  updatedAt: stakeholders.updatedAt,
}

export function registerQuery(filter: StakeholderFilter) {
  return db
    .select(listColumns)
    .from(stakeholders)
    .innerJoin(stakeholderCategories, eq(stakeholderCategories.id, stakeholders.categoryId))
    .leftJoin(partners, eq(partners.id, stakeholders.ownerPartnerId))
    .leftJoin(stakeholderPriority, eq(stakeholderPriority.stakeholderId, stakeholders.id))
    .where(stakeholderWhere(filter))
    .orderBy(...orderFor(filter.sort))
}

const countOf = (query: SQL) => db.get<{ n: number }>(sql`select count(*) as n from ${query}`).n

/**
 * How many stakeholders match. When the filter is only a tier, a theme or nothing (the common register views), the
 * count is read from the link table's index, less the archived records among them (few), instead of probing a row
 * of the register for each of tens of thousands of matches.
 */
function countStakeholders(filter: StakeholderFilter): number {
  const { sort: _sort, archived, tier, theme, ...rest } = filter
  const simple =
    archived === undefined && Object.values(rest).every((v) => v === undefined) && !(tier && theme)
  if (simple) {
    const archivedMatches = db
      .select({ n: sql<number>`count(*)` })
      .from(stakeholders)
      .where(whereFor({ ...filter, archived: 'only' }, 'list'))
      .get()!.n
    const all = countOf(sql`${stakeholders}`)
    if (tier === 'none') return all - countOf(sql`${stakeholderPriority}`) - archivedMatches
    if (tier)
      return (
        countOf(sql`${stakeholderPriority} where ${stakeholderPriority.tier} = ${tier}`) - archivedMatches
      )
    if (theme)
      return (
        countOf(sql`${stakeholderThemes} where ${stakeholderThemes.themeId} = ${theme}`) - archivedMatches
      )
    return all - archivedMatches
  }
  return db
    .select({ n: sql<number>`count(*)` })
    .from(stakeholders)
    .where(whereFor(filter, 'list'))
    .get()!.n
}

/** The list rows of the given ids, in that order: the joins run for one page only. */
function rowsByIds(ids: number[]) {
  if (!ids.length) return []
  const found = db
    .select(listColumns)
    .from(stakeholders)
    .innerJoin(stakeholderCategories, eq(stakeholderCategories.id, stakeholders.categoryId))
    .leftJoin(partners, eq(partners.id, stakeholders.ownerPartnerId))
    .leftJoin(stakeholderPriority, eq(stakeholderPriority.stakeholderId, stakeholders.id))
    .where(inArray(stakeholders.id, ids))
    .all()
  const byId = new Map(found.map((r) => [r.id, r]))
  return ids.map((id) => byId.get(id)).filter((r): r is (typeof found)[number] => r !== undefined)
}

export type RegisterRow = ReturnType<typeof rowsByIds>[number]

/** One page of the register and the total matching the filter. */
export function listStakeholders(filter: StakeholderFilter, page: { limit: number; offset: number }) {
  const byScore = filter.sort === 'score' || filter.sort === 'tier'
  if (
    filter.q &&
    normalizeText(filter.q)
      .split(' ')
      .some((w) => [...w].length >= 3)
  ) {
    // A search through the trigram index is sorted in a temporary b-tree anyway: counting in the same pass (a window over
    // the matches) saves reading the full-text index twice. Only the ids are sorted; the page's rows are read after.
    const base = db
      .select({ id: stakeholders.id, total: sql<number>`count(*) over ()` })
      .from(stakeholders)
      .$dynamic()
    const counted = (
      byScore
        ? base.leftJoin(stakeholderPriority, eq(stakeholderPriority.stakeholderId, stakeholders.id))
        : base
    )
      .where(whereFor(filter, 'list'))
      .orderBy(...orderFor(filter.sort))
      .limit(page.limit)
      .offset(page.offset)
      .all()
    if (counted.length || page.offset === 0) {
      return { rows: rowsByIds(counted.map((r) => r.id)), total: counted[0]?.total ?? 0 }
    }
  }
  const total = countStakeholders(filter)
  if (byScore) return { rows: listByScore(filter, page), total }
  // The page's ids first, from the sort's index alone (paging deep into the register skips index entries, not joined
  // rows), then the 50 rows with their names.
  const ids = db
    .select({ id: stakeholders.id })
    .from(stakeholders)
    .where(whereFor(filter, 'probe'))
    .orderBy(...orderFor(filter.sort))
    .limit(page.limit)
    .offset(page.offset)
    .all()
    .map((r) => r.id)
  return { rows: rowsByIds(ids), total }
}

/**
 * Highest score first, then the unscored by name: two queries, so the scored part walks the
 * score index of stakeholder_priority instead of sorting the whole register.
 */
function listByScore(filter: StakeholderFilter, page: { limit: number; offset: number }) {
  const where = stakeholderWhere(filter)
  const scored = db
    .select({ id: stakeholderPriority.stakeholderId })
    .from(stakeholderPriority)
    .innerJoin(stakeholders, eq(stakeholders.id, stakeholderPriority.stakeholderId))
    .where(where)
    .orderBy(desc(stakeholderPriority.score), asc(stakeholderPriority.stakeholderId))
    .limit(page.limit)
    .offset(page.offset)
    .all()
    .map((r) => r.id)
  if (scored.length === page.limit || (filter.tier && filter.tier !== 'none')) return rowsByIds(scored)
  const scoredCount = db
    .select({ n: sql<number>`count(*)` })
    .from(stakeholderPriority)
    .innerJoin(stakeholders, eq(stakeholders.id, stakeholderPriority.stakeholderId))
    .where(where)
    .get()!.n
  const unscored = db
    .select({ id: stakeholders.id })
    .from(stakeholders)
    .where(whereFor({ ...filter, tier: 'none' }, 'probe'))
    .orderBy(...orderFor('name'))
    .limit(page.limit - scored.length)
    .offset(Math.max(0, page.offset - scoredCount))
    .all()
    .map((r) => r.id)
  return rowsByIds([...scored, ...unscored])
}
