/** Which actions a dashboard figure counts, as SQL conditions. */
import { type SQL, sql } from 'drizzle-orm'

import { actionWhere } from '~/models/actions/index.server'

import type { ActionFilters } from './types'

/**
 * The WHERE condition for counted actions, built on the action list's own `actionWhere` so a
 * dashboard figure always equals what /actions shows for the same filters.
 */
export function countedActionsWhere(filters: ActionFilters = {}): SQL {
  const validatedOnly = filters.validatedOnly !== false
  const base = actionWhere({
    partner: filters.partner,
    channel: filters.channel,
    type: filters.type,
    status: validatedOnly ? 'validated' : undefined,
  })
  const parts: SQL[] = [base ?? sql`1`]
  if (!validatedOnly) parts.push(sql`actions.status in ('submitted', 'validated')`)
  if (filters.category) {
    parts.push(
      // Links carry their stakeholder's category (migration 0014): the link index answers alone.
      sql`exists (select 1 from action_stakeholders cx where cx.action_id = actions.id and cx.category_id = ${filters.category})`,
    )
  }
  return sql.join(parts, sql` and `)
}

/** A filter on the actions themselves (partner, channel, type, stakeholder category reached). */
export function hasActionFilter(filters: ActionFilters) {
  return !!(filters.partner || filters.channel || filters.type || filters.category)
}

/** The counted statuses as a condition over stakeholder_reach_months `r`. */
export function reachStatuses(filters: ActionFilters): SQL {
  return filters.validatedOnly !== false
    ? sql`r.status = 'validated'`
    : sql`r.status in ('submitted', 'validated')`
}
