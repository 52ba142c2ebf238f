import { sql } from 'drizzle-orm'
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

import { users } from './core'

/**
 * What a user chose, in an import's value step, for a value of a list field that matched
 * nothing ("Prezentacja" as action type -> the "presentation" type's id; "Hellas?" -> leave
 * empty). Remembered for the user's next imports. `target` is the list entry (an ISO code, a
 * key or an id as text), or '' for "leave it empty".
 */
export const importValueChoices = sqliteTable(
  'import_value_choices',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    field: text('field').notNull(),
    /** The value as nameKey writes it: accent-, case- and punctuation-free. */
    valueKey: text('value_key').notNull(),
    target: text('target').notNull(),
    updatedAt: text('updated_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (t) => [primaryKey({ columns: [t.userId, t.field, t.valueKey] })],
)
