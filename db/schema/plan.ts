import { blob, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

import { partners, themes, timestamps, users } from './core'

export const planSectionKeys = [
  'purpose',
  'situation',
  'objectives',
  'stakeholders',
  'messages',
  'methods',
  'work_plan',
  'evaluation',
] as const
export type PlanSectionKey = (typeof planSectionKeys)[number]

/** The eight parts of the communication plan, in Markdown; every save keeps a version. */
export const planSections = sqliteTable(
  'plan_sections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key', { enum: planSectionKeys }).notNull(),
    body: text('body').notNull().default(''),
    updatedBy: integer('updated_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [uniqueIndex('plan_sections_key_unique').on(t.key)],
)

export const planSectionVersions = sqliteTable(
  'plan_section_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sectionId: integer('section_id')
      .notNull()
      .references(() => planSections.id),
    body: text('body').notNull(),
    userId: integer('user_id').references(() => users.id),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('plan_section_versions_section_idx').on(t.sectionId)],
)

/** The register's filter parameters, as in /stakeholders?category=..&tier=.. */
export type StakeholderFilter = Partial<
  Record<'q' | 'category' | 'country' | 'stage' | 'owner' | 'theme' | 'tier' | 'scale', string>
>

/** A named, saved filter over the register: its members are always current. */
export const stakeholderGroups = sqliteTable('stakeholder_groups', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  description: text('description'),
  filter: text('filter', { mode: 'json' }).$type<StakeholderFilter>().notNull(),
  archivedAt: text('archived_at'),
  ...timestamps,
})

export const eventKinds = [
  'partner_meeting',
  'policy_clinic',
  'webinar',
  'conference',
  'site_visit',
  'consultation',
  'campaign',
] as const
export type EventKind = (typeof eventKinds)[number]

export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: eventKinds }).notNull(),
    title: text('title').notNull(),
    themeId: integer('theme_id').references(() => themes.id),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    place: text('place'),
    online: integer('online', { mode: 'boolean' }).notNull().default(false),
    hostPartnerId: integer('host_partner_id').references(() => partners.id),
    registrations: integer('registrations'),
    attendance: integer('attendance'),
    description: text('description'),
    /** The event's own communication plan. */
    planTargetGroupIds: text('plan_target_group_ids', { mode: 'json' }).$type<number[]>(),
    planMessages: text('plan_messages'),
    planNotes: text('plan_notes'),
    crossBorder: integer('cross_border', { mode: 'boolean' }).notNull().default(true),
    archivedAt: text('archived_at'),
    ...timestamps,
  },
  (t) => [index('events_start_idx').on(t.startDate)],
)

export const activityPhases = ['before', 'during', 'after'] as const

/** Work plan: what is planned, by whom, when; fulfilled by one or more logged actions. */
export const plannedActivities = sqliteTable(
  'planned_activities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    description: text('description'),
    partnerId: integer('partner_id').references(() => partners.id),
    dueDate: text('due_date').notNull(),
    typeId: integer('type_id'),
    channelId: integer('channel_id'),
    groupId: integer('group_id').references(() => stakeholderGroups.id),
    eventId: integer('event_id').references(() => events.id),
    phase: text('phase', { enum: activityPhases }),
    archivedAt: text('archived_at'),
    ...timestamps,
  },
  (t) => [
    index('planned_activities_due_idx').on(t.dueDate),
    index('planned_activities_event_idx').on(t.eventId),
  ],
)

export const targetMetrics = [
  'actions',
  'participants',
  'online_reach',
  'engagements',
  'stakeholders_reached',
  'group_share_reached',
  'languages_covered',
  'new_stakeholders_engaged',
  'funded_project_links',
  'partners_active',
] as const
export type TargetMetric = (typeof targetMetrics)[number]

export const targetPeriodKinds = ['month', 'quarter', 'reporting_period', 'project'] as const
export const targetBreakdowns = [
  'partner',
  'type',
  'channel',
  'category',
  'group',
  'tier',
  'language',
] as const

export const targets = sqliteTable('targets', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  label: text('label'),
  metric: text('metric', { enum: targetMetrics }).notNull(),
  periodKind: text('period_kind', { enum: targetPeriodKinds }).notNull(),
  /** First and last day (ISO) of the period the target covers. */
  periodStart: text('period_start').notNull(),
  periodEnd: text('period_end').notNull(),
  breakdown: text('breakdown', { enum: targetBreakdowns }),
  /** The id (partner, type, channel, category, group) or code (tier, language) the target is for. */
  breakdownValue: text('breakdown_value'),
  value: real('value').notNull(),
  archivedAt: text('archived_at'),
  ...timestamps,
})

export const indicatorCodes = ['RCO115', 'RCO81', 'RCO87'] as const

/** Which action types and event kinds count towards which programme indicator. */
export const indicatorMappings = sqliteTable('indicator_mappings', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  indicator: text('indicator').notNull(),
  typeId: integer('type_id'),
  eventKind: text('event_kind', { enum: eventKinds }),
})

export const materialKinds = [
  'presentation',
  'logo',
  'template',
  'key_messages',
  'video',
  'brochure',
  'other',
] as const

export const materialFiles = sqliteTable('material_files', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  data: blob('data', { mode: 'buffer' }).notNull(),
  createdAt: timestamps.createdAt,
})

/**
 * A material a partner uploads waits (`pending`) for the communications lead, who approves it
 * (listed for everyone) or sends it back (`returned`, the partner may change it and send it again).
 */
export const materialStatuses = ['pending', 'approved', 'returned'] as const
export type MaterialStatus = (typeof materialStatuses)[number]

export const materials = sqliteTable('materials', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  title: text('title').notNull(),
  kind: text('kind', { enum: materialKinds }).notNull(),
  language: text('language').notNull(),
  url: text('url'),
  fileId: integer('file_id').references(() => materialFiles.id),
  version: text('version').notNull().default('1'),
  description: text('description'),
  /** Existing and the communications lead's materials are approved; a partner's waits. */
  status: text('status', { enum: materialStatuses }).notNull().default('approved'),
  /** The partner of who uploaded it (none for the communications lead's). */
  partnerId: integer('partner_id').references(() => partners.id),
  uploadedBy: integer('uploaded_by').references(() => users.id),
  archivedAt: text('archived_at'),
  ...timestamps,
})
