import { and, isNull, sql, type SQL } from 'drizzle-orm'
import { stakeholders, type StakeholderFilter as SavedFilter } from '#db/schema'
import { stakeholderFilterSchema, stakeholderWhere } from './stakeholders.server'

/** A saved filter read back through the register's own schema (unknown or bad values are dropped). */
export function parseSavedFilter(filter: SavedFilter | Record<string, unknown> | null | undefined) {
  const clean = Object.fromEntries(Object.entries(filter ?? {}).filter(([k, v]) => k !== 'sort' && k !== 'archived' && v !== undefined && v !== null && v !== ''))
  return stakeholderFilterSchema.parse(clean)
}

/**
 * The condition (over the `stakeholders` table) that selects a group's members: the register's own
 * filter (a group shows exactly what /stakeholders?<filter> shows), restricted to live records.
 * Members are always current: nothing is copied when a group is saved.
 */
export function groupMembersWhere(filter: SavedFilter | Record<string, unknown>): SQL {
  const register = stakeholderWhere(parseSavedFilter(filter))
  return and(isNull(stakeholders.archivedAt), isNull(stakeholders.mergedIntoId), register ?? sql`1 = 1`)!
}
