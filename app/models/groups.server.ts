import { and, eq, isNull, sql, type SQL } from 'drizzle-orm'
import { stakeholderPriority, stakeholders, stakeholderThemes, type StakeholderFilter } from '#db/schema'

/**
 * The register's filter as SQL over `stakeholders`.
 * TODO(integration): replaced by `stakeholderWhere` from stakeholders.server.ts once it lands.
 */
function registerWhere(filter: StakeholderFilter): SQL | undefined {
  const where: SQL[] = []
  if (filter.q) where.push(sql`${stakeholders.searchText} like ${'%' + filter.q.toLowerCase() + '%'}`)
  if (filter.category) where.push(eq(stakeholders.categoryId, Number(filter.category)))
  if (filter.country) where.push(eq(stakeholders.country, filter.country))
  if (filter.stage) where.push(sql`${stakeholders.stage} = ${filter.stage}`)
  if (filter.owner) where.push(eq(stakeholders.ownerPartnerId, Number(filter.owner)))
  if (filter.scale) where.push(sql`${stakeholders.scale} = ${filter.scale}`)
  if (filter.theme)
    where.push(
      sql`exists (select 1 from ${stakeholderThemes} where ${stakeholderThemes.stakeholderId} = ${stakeholders.id} and ${stakeholderThemes.themeId} = ${Number(filter.theme)})`,
    )
  if (filter.tier)
    where.push(
      sql`exists (select 1 from ${stakeholderPriority} where ${stakeholderPriority.stakeholderId} = ${stakeholders.id} and ${stakeholderPriority.tier} = ${filter.tier})`,
    )
  return where.length ? and(...where) : undefined
}

/**
 * The condition (over the `stakeholders` table) that selects a group's members: the register's own
 * filter (a group shows exactly what /stakeholders?<filter> shows), restricted to live records.
 * Members are always current: nothing is copied when a group is saved.
 */
export function groupMembersWhere(filter: StakeholderFilter): SQL {
  return and(isNull(stakeholders.archivedAt), isNull(stakeholders.mergedIntoId), registerWhere(filter) ?? sql`1 = 1`)!
}
