import { sql } from 'drizzle-orm'
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

/** ISO timestamp in UTC, set by SQLite so every table agrees on the format. */
export const timestamps = {
  createdAt: text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  updatedAt: text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
}

export const roles = ['admin', 'comms', 'partner', 'viewer'] as const
export type Role = (typeof roles)[number]

export const locales = ['en', 'es'] as const
export type Locale = (typeof locales)[number]

export const partnerRoles = ['lead', 'partner', 'associated'] as const
export type PartnerRole = (typeof partnerRoles)[number]

/** Who may edit a stakeholder besides the administrator and the communications lead. */
export const stakeholderEditPolicies = ['owner', 'any_partner', 'none'] as const

export type ReportingPeriod = { label: string; start: string; end: string }

/** The one cooperation project this instance serves (a single row, id 1). */
export const project = sqliteTable('project', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  acronym: text('acronym'),
  description: text('description'),
  startDate: text('start_date').notNull(),
  endDate: text('end_date').notNull(),
  /** ISO 639-1 codes, e.g. ["en","es","fr"]. */
  workingLanguages: text('working_languages', { mode: 'json' })
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'`),
  reportingPeriods: text('reporting_periods', { mode: 'json' })
    .$type<ReportingPeriod[]>()
    .notNull()
    .default(sql`'[]'`),
  stakeholderEditPolicy: text('stakeholder_edit_policy', { enum: stakeholderEditPolicies })
    .notNull()
    .default('owner'),
  /** Weighted score (0-100) at or above which a stakeholder is tier A / tier B. */
  tierAThreshold: real('tier_a_threshold').notNull().default(70),
  tierBThreshold: real('tier_b_threshold').notNull().default(45),
  /** Power/interest grid: an axis average strictly above its cut-off is high (1-5 scale). */
  gridInfluenceCutoff: real('grid_influence_cutoff').notNull().default(3),
  gridInterestCutoff: real('grid_interest_cutoff').notNull().default(3),
  /** The partner league (/league): the communications lead may switch it off for the project. */
  leagueEnabled: integer('league_enabled', { mode: 'boolean' }).notNull().default(true),
  ...timestamps,
})

export const themes = sqliteTable('themes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  archivedAt: text('archived_at'),
  ...timestamps,
})

export type SocialAccounts = Partial<
  Record<'linkedin' | 'x' | 'facebook' | 'instagram' | 'mastodon' | 'bluesky' | 'youtube', string>
>

export const partners = sqliteTable('partners', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  country: text('country').notNull(),
  city: text('city'),
  role: text('role', { enum: partnerRoles }).notNull().default('partner'),
  website: text('website'),
  socialAccounts: text('social_accounts', { mode: 'json' })
    .$type<SocialAccounts>()
    .notNull()
    .default(sql`'{}'`),
  archivedAt: text('archived_at'),
  ...timestamps,
})

export type ActionFormMemory = { typeId?: number; channelId?: number; languages?: string[] }

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: roles }).notNull(),
    partnerId: integer('partner_id').references(() => partners.id),
    locale: text('locale', { enum: locales }).notNull().default('en'),
    /** What the quick action form remembers between visits (last type, channel, languages). */
    actionFormMemory: text('action_form_memory', { mode: 'json' })
      .$type<ActionFormMemory>()
      .notNull()
      .default(sql`'{}'`),
    deactivatedAt: text('deactivated_at'),
    ...timestamps,
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email)],
)

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    expiresAt: text('expires_at').notNull(),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

/** Failed logins, kept briefly to throttle guessing per e-mail and per address. */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('login_failures_key_at_idx').on(t.key, t.at)],
)

export const auditActions = [
  'create',
  'update',
  'archive',
  'restore',
  'status',
  'merge',
  'erase',
  'import',
  'login',
] as const
export type AuditAction = (typeof auditActions)[number]

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    userId: integer('user_id').references(() => users.id),
    /** Table-like name of the record: 'partner', 'user', 'stakeholder', 'action', ... */
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    action: text('action', { enum: auditActions }).notNull(),
    /** Only the fields that changed, before and after (whole record on create/archive). */
    before: text('before', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    after: text('after', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    summary: text('summary'),
  },
  (t) => [
    index('audit_entity_idx').on(t.entity, t.entityId),
    index('audit_at_idx').on(t.at),
    index('audit_user_idx').on(t.userId),
  ],
)

/** In-app inbox: e.g. "your action was returned with a comment". */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    actionId: integer('action_id'),
    message: text('message'),
    readAt: text('read_at'),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.readAt)],
)
