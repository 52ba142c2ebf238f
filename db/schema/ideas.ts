import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

import { partners, timestamps, users } from './core'
import { plannedActivities } from './plan'

/** The two columns of the co-creation board. */
export const ideaColumns = ['partner', 'project'] as const
export type IdeaColumn = (typeof ideaColumns)[number]

/** open → adopted (turned into a work-plan activity) | closed (with a reason) | withdrawn (by its author). */
export const ideaStatuses = ['open', 'adopted', 'closed', 'withdrawn'] as const
export type IdeaStatus = (typeof ideaStatuses)[number]

/** A proposal on the co-creation board: one post-it. */
export const ideas = sqliteTable(
  'ideas',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    column: text('column', { enum: ideaColumns }).notNull(),
    title: text('title').notNull(),
    body: text('body'),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    partnerId: integer('partner_id').references(() => partners.id),
    status: text('status', { enum: ideaStatuses }).notNull().default('open'),
    closeReason: text('close_reason'),
    activityId: integer('activity_id').references(() => plannedActivities.id),
    ...timestamps,
  },
  (t) => [
    index('ideas_status_idx').on(t.status, t.column),
    index('ideas_partner_idx').on(t.partnerId),
    index('ideas_activity_idx').on(t.activityId),
  ],
)

/** One user's support of a proposal (at most one each). */
export const ideaSupports = sqliteTable(
  'idea_supports',
  {
    ideaId: integer('idea_id')
      .notNull()
      .references(() => ideas.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamps.createdAt,
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.userId] })],
)

/** "I want to be involved": the proposal's working group. */
export const ideaMembers = sqliteTable(
  'idea_members',
  {
    ideaId: integer('idea_id')
      .notNull()
      .references(() => ideas.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamps.createdAt,
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.userId] })],
)

export const ideaComments = sqliteTable(
  'idea_comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ideaId: integer('idea_id')
      .notNull()
      .references(() => ideas.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('idea_comments_idea_idx').on(t.ideaId)],
)
