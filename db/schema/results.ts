import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

import { actionFileKinds, actions } from './actions'
import { partners, timestamps, users } from './core'
import { events } from './plan'
import { stakeholders } from './stakeholders'

/** The kinds of change an outcome records (translated under `results:types.*`). */
export const outcomeTypes = [
  'partnership',
  'practice_adopted',
  'policy_changed',
  'funding',
  'media',
  'network',
] as const
export type OutcomeType = (typeof outcomeTypes)[number]

/** A partner proposes (`pending`); the communications lead verifies it or returns it with a comment. */
export const outcomeStatuses = ['pending', 'verified', 'returned'] as const
export type OutcomeStatus = (typeof outcomeStatuses)[number]

/** A change that happened partly thanks to the project, with its evidence. */
export const outcomes = sqliteTable(
  'outcomes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    type: text('type', { enum: outcomeTypes }).notNull(),
    /** ISO date YYYY-MM-DD the change happened. */
    date: text('date').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    evidenceUrl: text('evidence_url'),
    status: text('status', { enum: outcomeStatuses }).notNull().default('pending'),
    returnComment: text('return_comment'),
    verifiedAt: text('verified_at'),
    verifiedBy: integer('verified_by').references(() => users.id),
    createdBy: integer('created_by').references(() => users.id),
    archivedAt: text('archived_at'),
    ...timestamps,
  },
  (t) => [
    index('outcomes_status_date_idx').on(t.status, t.date),
    index('outcomes_partner_date_idx').on(t.partnerId, t.date),
    index('outcomes_type_date_idx').on(t.type, t.date),
  ],
)

export const outcomeStakeholders = sqliteTable(
  'outcome_stakeholders',
  {
    outcomeId: integer('outcome_id')
      .notNull()
      .references(() => outcomes.id),
    stakeholderId: integer('stakeholder_id')
      .notNull()
      .references(() => stakeholders.id),
  },
  (t) => [
    primaryKey({ columns: [t.outcomeId, t.stakeholderId] }),
    index('outcome_stakeholders_stakeholder_idx').on(t.stakeholderId),
  ],
)

/** The actions that contributed to an outcome (an action may feed several outcomes). */
export const outcomeActions = sqliteTable(
  'outcome_actions',
  {
    outcomeId: integer('outcome_id')
      .notNull()
      .references(() => outcomes.id),
    actionId: integer('action_id')
      .notNull()
      .references(() => actions.id),
  },
  (t) => [
    primaryKey({ columns: [t.outcomeId, t.actionId] }),
    index('outcome_actions_action_idx').on(t.actionId),
  ],
)

/** The events that contributed to an outcome. */
export const outcomeEvents = sqliteTable(
  'outcome_events',
  {
    outcomeId: integer('outcome_id')
      .notNull()
      .references(() => outcomes.id),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id),
  },
  (t) => [primaryKey({ columns: [t.outcomeId, t.eventId] }), index('outcome_events_event_idx').on(t.eventId)],
)

/**
 * Evidence files of an outcome, stored as an action's are (`evidence/` beside the database, the
 * name made by the actions' storage); this row is what Ripple knows of them.
 */
export const outcomeFiles = sqliteTable(
  'outcome_files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    outcomeId: integer('outcome_id')
      .notNull()
      .references(() => outcomes.id),
    kind: text('kind', { enum: actionFileKinds }).notNull(),
    originalName: text('original_name').notNull(),
    storedName: text('stored_name').notNull().unique(),
    size: integer('size').notNull(),
    contentType: text('content_type').notNull(),
    width: integer('width'),
    height: integer('height'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    archivedAt: text('archived_at'),
  },
  (t) => [index('outcome_files_outcome_idx').on(t.outcomeId)],
)

export const resultIndicatorKinds = ['programme', 'kpi'] as const
/** `computed` indicators count verified outcomes of their types; `entered` ones take values typed with evidence. */
export const resultIndicatorMethods = ['computed', 'entered'] as const
/** What a computed indicator counts: distinct organisations (stakeholders) involved, or outcomes. */
export const resultIndicatorCounts = ['organisations', 'outcomes'] as const

/** Result indicators of the programme (RCR79, RCR84, RCR104, ...) and the project's own KPIs. */
export const resultIndicators = sqliteTable('result_indicators', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  kind: text('kind', { enum: resultIndicatorKinds }).notNull(),
  name: text('name').notNull(),
  definition: text('definition').notNull(),
  unit: text('unit').notNull(),
  baselineValue: real('baseline_value').notNull().default(0),
  baselineDate: text('baseline_date'),
  target: real('target'),
  source: text('source'),
  method: text('method', { enum: resultIndicatorMethods }).notNull(),
  outcomeTypes: text('outcome_types', { mode: 'json' })
    .$type<OutcomeType[]>()
    .notNull()
    .default(sql`'[]'`),
  counts: text('counts', { enum: resultIndicatorCounts }).notNull().default('organisations'),
  sortOrder: integer('sort_order').notNull().default(0),
  archivedAt: text('archived_at'),
  ...timestamps,
})

/** A value of an entered indicator at a date, with its evidence (a link or a note), who and when. */
export const resultIndicatorValues = sqliteTable(
  'result_indicator_values',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => resultIndicators.id),
    date: text('date').notNull(),
    value: real('value').notNull(),
    evidenceUrl: text('evidence_url'),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    archivedAt: text('archived_at'),
  },
  (t) => [index('result_indicator_values_indicator_idx').on(t.indicatorId, t.date)],
)

/** The value report's introduction and the outcomes told, kept per period (months YYYY-MM). */
export const valueReports = sqliteTable(
  'value_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fromMonth: text('from_month').notNull(),
    toMonth: text('to_month').notNull(),
    introEn: text('intro_en'),
    introEs: text('intro_es'),
    /** The verified outcomes told as stories, in order; null = every verified outcome of the period. */
    outcomeIds: text('outcome_ids', { mode: 'json' }).$type<number[] | null>(),
    updatedBy: integer('updated_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [uniqueIndex('value_reports_period_idx').on(t.fromMonth, t.toMonth)],
)
