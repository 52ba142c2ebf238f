import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'

import { timestamps, users } from './core'
import { stakeholderGroups } from './plan'
import { stakeholders } from './stakeholders'

/** Which axis of the power/interest grid a criterion feeds, if any. */
export const gridAxes = ['influence', 'interest'] as const

export const criteria = sqliteTable('criteria', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  key: text('key'),
  name: text('name').notNull(),
  description: text('description'),
  weight: real('weight').notNull().default(1),
  gridAxis: text('grid_axis', { enum: gridAxes }),
  sortOrder: integer('sort_order').notNull().default(0),
  archivedAt: text('archived_at'),
  ...timestamps,
})

/** Every score ever given; the current one per stakeholder and criterion has supersededAt null. */
export const scores = sqliteTable(
  'scores',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stakeholderId: integer('stakeholder_id')
      .notNull()
      .references(() => stakeholders.id),
    criterionId: integer('criterion_id')
      .notNull()
      .references(() => criteria.id),
    value: integer('value').notNull(),
    rationale: text('rationale'),
    userId: integer('user_id').references(() => users.id),
    createdAt: timestamps.createdAt,
    supersededAt: text('superseded_at'),
  },
  (t) => [
    index('scores_current_idx').on(t.stakeholderId, t.criterionId, t.supersededAt),
    index('scores_criterion_idx').on(t.criterionId),
  ],
)

export const tiers = ['A', 'B', 'C'] as const
export type Tier = (typeof tiers)[number]

/**
 * The weighted score of each scored stakeholder, kept current whenever a score, a weight or a
 * threshold changes, so that lists can filter and sort by tier at 100,000 stakeholders.
 */
export const stakeholderPriority = sqliteTable(
  'stakeholder_priority',
  {
    stakeholderId: integer('stakeholder_id')
      .primaryKey()
      .references(() => stakeholders.id),
    score: real('score').notNull(),
    tier: text('tier', { enum: tiers }).notNull(),
    previousScore: real('previous_score'),
    influence: real('influence'),
    interest: real('interest'),
    scoredAt: text('scored_at').notNull(),
  },
  (t) => [
    index('stakeholder_priority_tier_idx').on(t.tier, t.score),
    index('stakeholder_priority_score_idx').on(t.score),
  ],
)

export const quadrants = ['manage_closely', 'keep_satisfied', 'keep_informed', 'monitor'] as const
export type Quadrant = (typeof quadrants)[number]

/** How to engage a quadrant of the grid or a stakeholder group: methods, and key messages per language. */
export const engagementStrategies = sqliteTable('engagement_strategies', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  quadrant: text('quadrant', { enum: quadrants }),
  groupId: integer('group_id').references(() => stakeholderGroups.id),
  methods: text('methods'),
  ...timestamps,
})

export const strategyMessages = sqliteTable(
  'strategy_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    strategyId: integer('strategy_id')
      .notNull()
      .references(() => engagementStrategies.id),
    language: text('language').notNull(),
    message: text('message').notNull(),
  },
  (t) => [index('strategy_messages_strategy_idx').on(t.strategyId)],
)
