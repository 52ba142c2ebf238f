import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

import { timestamps, users } from './core'

/**
 * Each user's secret calendar subscription token (`/calendar.ics?token=...`), stored as its
 * SHA-256 only: the token itself is shown once, when it is made. Resetting replaces the row, so
 * the old link stops working at once.
 */
export const calendarTokens = sqliteTable(
  'calendar_tokens',
  {
    userId: integer('user_id')
      .primaryKey()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('calendar_tokens_hash_idx').on(t.tokenHash)],
)
