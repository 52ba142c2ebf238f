import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

import { users } from './core'

export const accountTokenKinds = ['invitation', 'password-reset'] as const
export type AccountTokenKind = (typeof accountTokenKinds)[number]

/**
 * Single-use links sent by e-mail: an invitation (7 days) or a password reset (30 minutes). Only
 * the sha256 of the token is stored; the token itself exists only in the e-mail. A new link of a
 * kind deletes the user's unused links of that kind, so only the newest one works.
 */
export const accountTokens = sqliteTable(
  'account_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: accountTokenKinds }).notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: text('expires_at').notNull(),
    usedAt: text('used_at'),
    createdAt: text('created_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (t) => [
    uniqueIndex('account_tokens_hash_unique').on(t.tokenHash),
    index('account_tokens_user_idx').on(t.userId, t.kind),
  ],
)
