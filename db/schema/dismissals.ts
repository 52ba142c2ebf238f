import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

import { timestamps, users } from './core'

/**
 * A group of stakeholders the communications lead said are not duplicates. `memberKey` is the
 * sorted ids joined by commas: the same group is not proposed again while its members are the same.
 */
export const duplicateDismissals = sqliteTable(
  'duplicate_dismissals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reason: text('reason').notNull(),
    groupKey: text('group_key').notNull(),
    memberKey: text('member_key').notNull(),
    userId: integer('user_id').references(() => users.id),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('duplicate_dismissals_member_idx').on(t.memberKey)],
)
