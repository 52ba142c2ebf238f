import { and, asc, desc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm'

import { stakeholderPriority, stakeholders, stakeholderThemes } from '#db/schema'
import { textSearchCondition } from '~/utils/text-search.server'

import type { StakeholderFilter, StakeholderSort } from './schemas'

/*
 * The register's filter and sort as SQL, shared by the register, its CSV export, groups,
 * priorities and the stakeholder picker.
 */

/** The last contact as the index stakeholders_active_last_contact_idx keeps it: '' for never contacted. */
const lastContactKey = sql`coalesce(${stakeholders.lastContactOn}, '')`

/**
 * "No contact on or after this day" (never contacted is null, read as ''). It is one range of the last-contact
 * index for a page sorted by last contact, or for a count that nothing else narrows; otherwise the unary + keeps
 * SQLite on the sort's or the other filter's index, which carries last_contact_on too (a broad range would probe
 * tens of thousands of rows).
 */
function notContactedSince(filter: StakeholderFilter, day: string, tierAs: 'list' | 'probe'): SQL {
  const others = [
    filter.q,
    filter.category,
    filter.country,
    filter.stage,
    filter.owner,
    filter.scale,
    filter.theme,
  ]
  const ranged =
    tierAs === 'probe'
      ? filter.sort?.endsWith('lastContact')
      : others.every((v) => v === undefined) && filter.tier === undefined
  return ranged ? sql`${lastContactKey} < ${day}` : sql`+${lastContactKey} < ${day}`
}

/** Search over name, acronym, city and web domain, ignoring case and accents: every word must appear. */
export function searchCondition(q: string): SQL | undefined {
  return textSearchCondition(q, {
    id: stakeholders.id,
    text: stakeholders.searchText,
    index: 'stakeholder_search',
  })
}

/** The register's filter as one SQL condition, reused by groups and dashboards. */
export function stakeholderWhere(filter: StakeholderFilter): SQL | undefined {
  return whereFor(filter, 'list')
}

/**
 * `tier` and `theme` as a list of ids from their link table's index (the right shape for counting) or, for a page
 * read in index order, as a probe per row, so SQLite walks the sort's index and stops at the page's LIMIT instead
 * of sorting every match (tiers and themes each hold a sizeable share of the register).
 */
export function whereFor(filter: StakeholderFilter, tierAs: 'list' | 'probe'): SQL | undefined {
  const where: (SQL | undefined)[] = []
  if (filter.archived === 'only') where.push(isNotNull(stakeholders.archivedAt))
  else if (filter.archived !== '1') where.push(isNull(stakeholders.archivedAt))
  if (filter.q) where.push(searchCondition(filter.q))
  if (filter.category) where.push(eq(stakeholders.categoryId, filter.category))
  if (filter.country) where.push(eq(stakeholders.country, filter.country))
  if (filter.stage) where.push(eq(stakeholders.stage, filter.stage))
  if (filter.owner === 'none') where.push(isNull(stakeholders.ownerPartnerId))
  else if (filter.owner) where.push(eq(stakeholders.ownerPartnerId, filter.owner))
  if (filter.scale) where.push(eq(stakeholders.scale, filter.scale))
  if (filter.notContactedSince) where.push(notContactedSince(filter, filter.notContactedSince, tierAs))
  if (filter.theme && tierAs === 'probe') {
    where.push(
      sql`exists (select 1 from ${stakeholderThemes} where ${stakeholderThemes.stakeholderId} = ${stakeholders.id} and ${stakeholderThemes.themeId} = ${filter.theme})`,
    )
  } else if (filter.theme) {
    where.push(
      sql`${stakeholders.id} in (select ${stakeholderThemes.stakeholderId} from ${stakeholderThemes} where ${stakeholderThemes.themeId} = ${filter.theme})`,
    )
  }
  // The probe is a scalar subquery rather than EXISTS: an EXISTS becomes a join for which SQLite first builds a Bloom
  // filter over all of stakeholder_priority (8 ms), which a 50-row page never needs.
  const tierOf = sql`(select ${stakeholderPriority.tier} from ${stakeholderPriority} where ${stakeholderPriority.stakeholderId} = ${stakeholders.id})`
  if (filter.tier === 'none' && tierAs === 'probe') {
    where.push(sql`${tierOf} is null`)
  } else if (filter.tier === 'none') {
    where.push(
      sql`${stakeholders.id} not in (select ${stakeholderPriority.stakeholderId} from ${stakeholderPriority})`,
    )
  } else if (filter.tier && tierAs === 'probe') {
    where.push(sql`${tierOf} = ${filter.tier}`)
  } else if (filter.tier) {
    where.push(
      sql`${stakeholders.id} in (select ${stakeholderPriority.stakeholderId} from ${stakeholderPriority} where ${stakeholderPriority.tier} = ${filter.tier})`,
    )
  }
  const defined = where.filter((w): w is SQL => w !== undefined)
  return defined.length ? and(...defined) : undefined
}

export function orderFor(sort: StakeholderSort | undefined): SQL[] {
  switch (sort) {
    case '-name':
      return [desc(stakeholders.nameKey), desc(stakeholders.id)]
    case 'created':
      return [asc(stakeholders.createdAt), asc(stakeholders.id)]
    case '-created':
      return [desc(stakeholders.createdAt), desc(stakeholders.id)]
    case 'updated':
      return [asc(stakeholders.updatedAt), asc(stakeholders.id)]
    case '-updated':
      return [desc(stakeholders.updatedAt), desc(stakeholders.id)]
    case 'stage':
      // The same expression as the index stakeholders_active_stage_idx, so SQLite reads the page from it.
      return [
        sql`case ${stakeholders.stage} when 'identified' then 1 when 'contacted' then 2 when 'engaged' then 3 when 'collaborating' then 4 else 5 end`,
        asc(stakeholders.nameKey),
      ]
    case 'country':
      // Index order (archived_at, country, name_key): records without a country come first.
      return [asc(stakeholders.country), asc(stakeholders.nameKey)]
    case 'lastContact':
      // Index order (archived_at, last contact): the never contacted first, then the longest ago.
      return [asc(lastContactKey), asc(stakeholders.id)]
    case '-lastContact':
      return [desc(lastContactKey), desc(stakeholders.id)]
    case 'score':
    case 'tier':
      // Tiers are score thresholds, so both orders are the same; unscored records come last, by name
      // as listByScore gives them without a search (scored ties by id, as its index walk does).
      return [
        sql`${stakeholderPriority.score} is null`,
        desc(stakeholderPriority.score),
        sql`case when ${stakeholderPriority.score} is null then ${stakeholders.nameKey} end`,
        asc(stakeholders.id),
      ]
    default:
      return [asc(stakeholders.nameKey), asc(stakeholders.id)]
  }
}
