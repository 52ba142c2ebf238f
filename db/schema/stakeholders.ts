import { sql } from 'drizzle-orm'
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

import { partners, themes, timestamps, users } from './core'

export const scales = ['local', 'regional', 'national', 'european', 'global'] as const
export type Scale = (typeof scales)[number]

export const stages = ['identified', 'contacted', 'engaged', 'collaborating', 'dormant'] as const
export type Stage = (typeof stages)[number]

export const lawfulBases = ['consent', 'legitimate_interest', 'public_task'] as const
export type LawfulBasis = (typeof lawfulBases)[number]

/**
 * Administrator-editable list. `key` names a built-in category (translated in the interface,
 * and used by rules such as "funded project"); categories added later have no key and show `name`.
 */
export const stakeholderCategories = sqliteTable('stakeholder_categories', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  key: text('key'),
  name: text('name').notNull(),
  /** Funded projects carry a programme and a period, and count as "links with other funded projects". */
  isFundedProject: integer('is_funded_project', { mode: 'boolean' }).notNull().default(false),
  sortOrder: integer('sort_order').notNull().default(0),
  archivedAt: text('archived_at'),
  ...timestamps,
})

export const stakeholders = sqliteTable(
  'stakeholders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    acronym: text('acronym'),
    categoryId: integer('category_id')
      .notNull()
      .references(() => stakeholderCategories.id),
    programme: text('programme'),
    period: text('period'),
    scale: text('scale', { enum: scales }),
    /** ISO 3166-1 alpha-2. */
    country: text('country'),
    city: text('city'),
    website: text('website'),
    /** Lower-case host without "www.", derived from the website; used for search and dedupe. */
    webDomain: text('web_domain'),
    description: text('description'),
    languages: text('languages', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    ownerPartnerId: integer('owner_partner_id').references(() => partners.id),
    stage: text('stage', { enum: stages }).notNull().default('identified'),
    /** Lower-case, accent-free name used for duplicate detection. */
    nameKey: text('name_key').notNull(),
    /** Lower-case, accent-free "name acronym city domain", used by search. */
    searchText: text('search_text').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    archivedAt: text('archived_at'),
    /** Set on the record that was merged into another. */
    mergedIntoId: integer('merged_into_id'),
    /**
     * "Last contact": the date of the latest live (non-archived) action with this stakeholder,
     * in any status. Kept by triggers on stakeholder_reach_months (hand-written SQL in the
     * migration last_contact); never written by the application.
     */
    lastContactOn: text('last_contact_on'),
    ...timestamps,
  },
  (t) => [
    index('stakeholders_name_key_idx').on(t.nameKey),
    index('stakeholders_web_domain_idx').on(t.webDomain),
    index('stakeholders_category_idx').on(t.categoryId),
    index('stakeholders_owner_idx').on(t.ownerPartnerId),
    index('stakeholders_country_idx').on(t.country),
    index('stakeholders_stage_idx').on(t.stage),
    index('stakeholders_created_idx').on(t.createdAt),
    // The register lists active records (archived_at is null) in a chosen order: these let SQLite
    // read a page and the total count from an index at 100,000 stakeholders.
    index('stakeholders_active_name_idx').on(t.archivedAt, t.nameKey),
    index('stakeholders_active_updated_idx').on(t.archivedAt, t.updatedAt),
    index('stakeholders_active_created_idx').on(t.archivedAt, t.createdAt),
    index('stakeholders_active_country_idx').on(t.archivedAt, t.country, t.nameKey, t.lastContactOn),
    // The register sorted or filtered by last contact; never contacted (null) reads as '' so that "not contacted
    // since" is one range of this index (the never contacted first), not a range plus the nulls.
    index('stakeholders_active_last_contact_idx').on(t.archivedAt, sql`coalesce(${t.lastContactOn}, '')`),
    // Every register filter column beside the name order (with the id, the order's tie-break): a filtered page
    // sorted by name and the count of a broad filter (stage, scale) read this index alone, never the table rows.
    index('stakeholders_active_name_filters_idx').on(
      t.archivedAt,
      t.nameKey,
      t.id,
      t.categoryId,
      t.country,
      t.stage,
      t.ownerPartnerId,
      t.scale,
      t.lastContactOn,
    ),
    // The same columns led by the country: a country filter with any others counts and pages from a short range.
    index('stakeholders_active_country_filters_idx').on(
      t.archivedAt,
      t.country,
      t.categoryId,
      t.stage,
      t.ownerPartnerId,
      t.scale,
      t.nameKey,
    ),
    // Engagement stages in their natural order (identified ... dormant); the register's stage sort uses the same expression.
    index('stakeholders_active_stage_idx').on(
      t.archivedAt,
      sql`(case ${t.stage} when 'identified' then 1 when 'contacted' then 2 when 'engaged' then 3 when 'collaborating' then 4 else 5 end)`,
      t.nameKey,
    ),
  ],
)

export const stakeholderThemes = sqliteTable(
  'stakeholder_themes',
  {
    stakeholderId: integer('stakeholder_id')
      .notNull()
      .references(() => stakeholders.id),
    themeId: integer('theme_id')
      .notNull()
      .references(() => themes.id),
  },
  (t) => [
    primaryKey({ columns: [t.stakeholderId, t.themeId] }),
    index('stakeholder_themes_theme_idx').on(t.themeId),
    // Covering: a theme filter reads the stakeholder ids from the index, not from the table rows.
    index('stakeholder_themes_theme_stakeholder_idx').on(t.themeId, t.stakeholderId),
  ],
)

export const contacts = sqliteTable(
  'contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stakeholderId: integer('stakeholder_id').references(() => stakeholders.id),
    name: text('name').notNull(),
    position: text('position'),
    email: text('email'),
    /** Lower-case e-mail for dedupe. */
    emailKey: text('email_key'),
    /**
     * Name and e-mail, lower-case and accent-free (normalizeText), for the register's people search
     * through the `contact_search` trigram index (migration 0031); blank once erased.
     */
    searchText: text('search_text').notNull().default(''),
    phone: text('phone'),
    languages: text('languages', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    lawfulBasis: text('lawful_basis', { enum: lawfulBases }).notNull().default('legitimate_interest'),
    basisObtainedAt: text('basis_obtained_at'),
    basisSource: text('basis_source'),
    doNotContact: integer('do_not_contact', { mode: 'boolean' }).notNull().default(false),
    notes: text('notes'),
    erasedAt: text('erased_at'),
    archivedAt: text('archived_at'),
    ...timestamps,
  },
  (t) => [
    index('contacts_stakeholder_idx').on(t.stakeholderId),
    index('contacts_email_key_idx').on(t.emailKey),
  ],
)

export const importKinds = ['stakeholders', 'contacts', 'actions', 'registrations'] as const
export const importStatuses = ['uploaded', 'mapped', 'previewed', 'completed', 'failed'] as const

/** An import in progress or done: the uploaded file is kept so no step loses it. */
export const importJobs = sqliteTable(
  'import_jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: importKinds }).notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    partnerId: integer('partner_id').references(() => partners.id),
    fileName: text('file_name').notNull(),
    fileSize: integer('file_size').notNull(),
    /** The rows as parsed at upload (app/models/imports/job-rows.server.ts). */
    content: blob('content', { mode: 'buffer' }).notNull(),
    /**
     * The file as uploaded, kept until the job is written so that it can be read again in
     * another encoding chosen on the mapping page; dropped with the content when written.
     */
    upload: blob('upload', { mode: 'buffer' }),
    /** Detected format, encoding and delimiter. */
    format: text('format', { mode: 'json' }).$type<Record<string, unknown>>(),
    headers: text('headers', { mode: 'json' }).$type<string[]>(),
    mapping: text('mapping', { mode: 'json' }).$type<Record<string, string | null>>(),
    /** Per-duplicate choices: row line -> skip | update | create. */
    decisions: text('decisions', { mode: 'json' }).$type<Record<string, string>>(),
    status: text('status', { enum: importStatuses }).notNull().default('uploaded'),
    report: text('report', { mode: 'json' }).$type<Record<string, unknown>>(),
    ...timestamps,
  },
  (t) => [index('import_jobs_user_idx').on(t.userId)],
)
