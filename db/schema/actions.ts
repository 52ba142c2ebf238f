import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

import { partners, themes, timestamps, users } from './core'
import { events, materials, plannedActivities } from './plan'
import { stakeholders } from './stakeholders'

export const actionStatuses = ['draft', 'submitted', 'validated', 'returned'] as const
export type ActionStatus = (typeof actionStatuses)[number]

/** Administrator-editable lists; `key` marks the built-in entries (translated in the interface). */
export const actionTypes = sqliteTable('action_types', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  key: text('key'),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  archivedAt: text('archived_at'),
  ...timestamps,
})

export const channels = sqliteTable('channels', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  key: text('key'),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  archivedAt: text('archived_at'),
  ...timestamps,
})

export const actions = sqliteTable(
  'actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    createdBy: integer('created_by').references(() => users.id),
    /** ISO date YYYY-MM-DD. */
    date: text('date').notNull(),
    /** YYYY-MM, derived from date; indexed for the monthly dashboards. */
    month: text('month').notNull(),
    typeId: integer('type_id')
      .notNull()
      .references(() => actionTypes.id),
    channelId: integer('channel_id').references(() => channels.id),
    title: text('title').notNull(),
    description: text('description'),
    evidenceUrl: text('evidence_url'),
    participants: integer('participants'),
    onlineReach: integer('online_reach'),
    engagements: integer('engagements'),
    status: text('status', { enum: actionStatuses }).notNull().default('submitted'),
    returnComment: text('return_comment'),
    submittedAt: text('submitted_at'),
    validatedAt: text('validated_at'),
    validatedBy: integer('validated_by').references(() => users.id),
    eventId: integer('event_id').references(() => events.id),
    activityId: integer('activity_id').references(() => plannedActivities.id),
    materialId: integer('material_id').references(() => materials.id),
    archivedAt: text('archived_at'),
    /**
     * The key the logging phone made for this submission (a UUID), so a form sent twice (offline
     * queue resent, double tap) logs one action. Unique per user who logged it; null for actions
     * from the import, the seed or before offline logging.
     */
    clientKey: text('client_key'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('actions_created_by_client_key_idx')
      .on(t.createdBy, t.clientKey)
      .where(sql`client_key is not null`),
    index('actions_month_status_idx').on(t.month, t.status),
    index('actions_status_date_idx').on(t.status, t.date),
    index('actions_partner_date_idx').on(t.partnerId, t.date),
    index('actions_date_idx').on(t.date),
    index('actions_type_idx').on(t.typeId),
    index('actions_channel_idx').on(t.channelId),
    index('actions_event_idx').on(t.eventId),
    index('actions_activity_idx').on(t.activityId),
    // Covers the dashboards' counted-action aggregates (status + month range, grouped by partner,
    // channel or type, summing the figures) so they never touch the table rows.
    index('actions_counted_idx')
      .on(t.status, t.month, t.partnerId, t.channelId, t.typeId, t.participants, t.onlineReach, t.engagements)
      .where(sql`archived_at is null`),
    // The /actions list at a million actions: each filter walks its own index in date order, and
    // the indexes hold only live (not archived) actions, so paging and counting never read table rows.
    index('actions_live_date_idx')
      .on(t.date)
      .where(sql`archived_at is null`),
    index('actions_live_status_date_idx')
      .on(t.status, t.date)
      .where(sql`archived_at is null`),
    index('actions_live_type_date_idx')
      .on(t.typeId, t.date)
      .where(sql`archived_at is null`),
    index('actions_live_channel_date_idx')
      .on(t.channelId, t.date)
      .where(sql`archived_at is null`),
    index('actions_live_partner_status_date_idx')
      .on(t.partnerId, t.status, t.date)
      .where(sql`archived_at is null`),
    // Type or channel with a status (a review queue of one kind, rare combinations with a language): the matches are
    // one range in date order, and the id and archived_at columns make the walk index-only (SQLite re-checks the
    // partial index's condition, which otherwise reads every table row).
    index('actions_live_type_status_date_idx')
      .on(t.typeId, t.status, t.date, t.id, t.archivedAt)
      .where(sql`archived_at is null`),
    index('actions_live_channel_status_date_idx')
      .on(t.channelId, t.status, t.date, t.id, t.archivedAt)
      .where(sql`archived_at is null`),
  ],
)

export const actionLanguages = sqliteTable(
  'action_languages',
  {
    actionId: integer('action_id')
      .notNull()
      .references(() => actions.id),
    language: text('language').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.actionId, t.language] }),
    index('action_languages_language_idx').on(t.language),
  ],
)

export const actionStakeholders = sqliteTable(
  'action_stakeholders',
  {
    actionId: integer('action_id')
      .notNull()
      .references(() => actions.id),
    stakeholderId: integer('stakeholder_id')
      .notNull()
      .references(() => stakeholders.id),
    /**
     * The stakeholder's category, copied by triggers (migration 0014) when the link is written and
     * when the stakeholder's category changes: the reach dashboard's per-category figures read
     * the links alone instead of looking up ~25,000 stakeholders a month.
     */
    categoryId: integer('category_id'),
  },
  (t) => [
    primaryKey({ columns: [t.actionId, t.stakeholderId] }),
    index('action_stakeholders_stakeholder_idx').on(t.stakeholderId),
    index('action_stakeholders_action_category_idx').on(t.actionId, t.categoryId, t.stakeholderId),
  ],
)

export const actionThemes = sqliteTable(
  'action_themes',
  {
    actionId: integer('action_id')
      .notNull()
      .references(() => actions.id),
    themeId: integer('theme_id')
      .notNull()
      .references(() => themes.id),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.themeId] }), index('action_themes_theme_idx').on(t.themeId)],
)

export const evidenceStatuses = ['pending', 'ok', 'failed'] as const

export type PostMetrics = {
  source: 'mastodon' | 'bluesky'
  replies?: number
  reposts?: number
  likes?: number
  quotes?: number
}

/** What the server read from an action's evidence link: Open Graph preview and post counters. */
export const actionEvidence = sqliteTable('action_evidence', {
  actionId: integer('action_id')
    .primaryKey()
    .references(() => actions.id),
  url: text('url').notNull(),
  status: text('status', { enum: evidenceStatuses }).notNull().default('pending'),
  title: text('title'),
  description: text('description'),
  imageUrl: text('image_url'),
  siteName: text('site_name'),
  metrics: text('metrics', { mode: 'json' }).$type<PostMetrics | null>(),
  error: text('error'),
  fetchedAt: text('fetched_at'),
  /** When a Mastodon/Bluesky post's counters were last read successfully (the action page shows it). */
  countersReadAt: text('counters_read_at'),
})

/**
 * Live (not archived) actions added up per month, status, channel (0 = none) and type, kept
 * current by triggers on `actions` (migration 0009): the dashboards read a few hundred rows per
 * month from here instead of ~17,000 actions when no partner or stakeholder-category filter is set.
 */
export const actionMonthTotals = sqliteTable(
  'action_month_totals',
  {
    status: text('status', { enum: actionStatuses }).notNull(),
    month: text('month').notNull(),
    channelId: integer('channel_id').notNull().default(0),
    typeId: integer('type_id').notNull(),
    actions: integer('actions').notNull().default(0),
    participants: integer('participants').notNull().default(0),
    onlineReach: integer('online_reach').notNull().default(0),
    engagements: integer('engagements').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.status, t.month, t.channelId, t.typeId] })],
)

/**
 * Which stakeholders live actions reached, per status and month (with how many actions), kept by
 * triggers on `actions` and `action_stakeholders` (migration 0010): "distinct stakeholders
 * reached" and "not reached since" read index entries here instead of joining ~18,000 links a month.
 */
export const stakeholderReachMonths = sqliteTable(
  'stakeholder_reach_months',
  {
    status: text('status', { enum: actionStatuses }).notNull(),
    month: text('month').notNull(),
    stakeholderId: integer('stakeholder_id').notNull(),
    actions: integer('actions').notNull().default(0),
    // The latest date of those actions, for "last reached" (migration 0020).
    lastDate: text('last_date'),
  },
  (t) => [
    primaryKey({ columns: [t.status, t.month, t.stakeholderId] }),
    // last_date too: "last reached up to a month" (the coverage dashboard's unreached list) reads the index alone.
    index('stakeholder_reach_months_stakeholder_idx').on(t.stakeholderId, t.status, t.month, t.lastDate),
  ],
)

/**
 * Live actions per status, month and language (an action in two languages counts in both), kept
 * by triggers on `actions` and `action_languages` (migration 0011): "working languages not used"
 * reads a few rows a month instead of joining ~25,000 language links a month.
 */
export const actionLanguageMonths = sqliteTable(
  'action_language_months',
  {
    status: text('status', { enum: actionStatuses }).notNull(),
    month: text('month').notNull(),
    language: text('language').notNull(),
    actions: integer('actions').notNull().default(0),
    // The actions' figures, so the reach dashboard's language table reads a few rows (migration 0020).
    participants: integer('participants').notNull().default(0),
    onlineReach: integer('online_reach').notNull().default(0),
    engagements: integer('engagements').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.status, t.month, t.language] })],
)

/**
 * Live actions per status, month and partner with their figures, kept by triggers on `actions`
 * (migration 0020) like action_month_totals: the targets per partner and the whole-project
 * targets add up a few rows a month instead of grouping every action of their period.
 */
export const actionPartnerMonths = sqliteTable(
  'action_partner_months',
  {
    status: text('status', { enum: actionStatuses }).notNull(),
    month: text('month').notNull(),
    partnerId: integer('partner_id').notNull(),
    actions: integer('actions').notNull().default(0),
    participants: integer('participants').notNull().default(0),
    onlineReach: integer('online_reach').notNull().default(0),
    engagements: integer('engagements').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.status, t.month, t.partnerId] })],
)

/**
 * A value that changes whenever the set of stakeholders reached in a status and month changes (a
 * row of stakeholder_reach_months added or removed), set by triggers (migration 0020) to a random
 * number, so a restored backup never reuses a value for other content. A server process keeps
 * each month's set of stakeholders reached in memory and re-reads only the months whose value
 * changed (app/models/plan/metrics/reach-sets.server.ts).
 */
export const reachMonthVersions = sqliteTable(
  'reach_month_versions',
  {
    status: text('status', { enum: actionStatuses }).notNull(),
    month: text('month').notNull(),
    version: integer('version').notNull(),
  },
  (t) => [primaryKey({ columns: [t.status, t.month] })],
)

/**
 * Live actions per status, month and stakeholder category reached, with their figures (an action
 * reaching two stakeholders of one category counts once there; reaching two categories, once in
 * each). Kept by triggers on `actions` and `action_stakeholders` (migration 0020): the reach
 * dashboard's category table reads a few rows a month instead of joining every link of the month.
 */
export const actionCategoryMonths = sqliteTable(
  'action_category_months',
  {
    status: text('status', { enum: actionStatuses }).notNull(),
    month: text('month').notNull(),
    categoryId: integer('category_id').notNull(),
    actions: integer('actions').notNull().default(0),
    participants: integer('participants').notNull().default(0),
    onlineReach: integer('online_reach').notNull().default(0),
    engagements: integer('engagements').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.status, t.month, t.categoryId] })],
)

/**
 * Distinct stakeholders reached per status, month and category: the rows of
 * `stakeholder_reach_months` counted by their stakeholder's category, kept by triggers on that
 * table and on a stakeholder's category (migration 0020).
 */
export const categoryReachMonths = sqliteTable(
  'category_reach_months',
  {
    status: text('status', { enum: actionStatuses }).notNull(),
    month: text('month').notNull(),
    categoryId: integer('category_id').notNull(),
    stakeholders: integer('stakeholders').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.status, t.month, t.categoryId] })],
)

export const actionFileKinds = ['image', 'pdf'] as const
export type ActionFileKind = (typeof actionFileKinds)[number]

/**
 * Evidence files on an action (photos, attendance sheets, agendas, slides). The bytes live in the
 * data folder beside the database (`evidence/<stored name>`, and `<stored name>.thumb.webp` for an
 * image's thumbnail); this row is what Ripple knows of them. Images are re-encoded on upload, so
 * the stored copy carries no location or camera data.
 */
export const actionFiles = sqliteTable(
  'action_files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actionId: integer('action_id')
      .notNull()
      .references(() => actions.id),
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
  (t) => [index('action_files_action_idx').on(t.actionId)],
)
