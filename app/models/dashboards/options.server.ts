import { sql } from 'drizzle-orm'

import { db } from '#db/client'

import type { DashboardOptions, Named } from './types'

/** The options of the filter form: partners, channels, types and stakeholder categories. */
export function dashboardOptions() {
  return {
    partners: db.all<{ id: number; name: string }>(
      sql`select id, name from partners where archived_at is null order by name`,
    ),
    channels: db.all<Named>(
      sql`select id, name, key from channels where archived_at is null order by sort_order, name`,
    ),
    types: db.all<Named>(
      sql`select id, name, key from action_types where archived_at is null order by sort_order, name`,
    ),
    categories: db.all<Named>(
      sql`select id, name, key from stakeholder_categories where archived_at is null order by sort_order, name`,
    ),
    groups: db.all<{ id: number; name: string }>(
      sql`select id, name from stakeholder_groups where archived_at is null order by name`,
    ),
  } satisfies DashboardOptions
}
