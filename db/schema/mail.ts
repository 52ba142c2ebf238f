import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

import { locales, users } from './core'

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`

/** Transactional kinds (no unsubscribe) first, then the notifications a user can switch off. */
export const transactionalMailKinds = ['invitation', 'password-reset'] as const
export const notificationKinds = [
  'reminder',
  'action-returned',
  'activity-overdue',
  'event-no-plan',
  'validation-summary',
  'monthly-reach',
] as const
export type NotificationKind = (typeof notificationKinds)[number]
export const mailKinds = [...transactionalMailKinds, ...notificationKinds] as const
export type MailKind = (typeof mailKinds)[number]

export const mailStatuses = ['queued', 'sending', 'sent', 'failed'] as const
export type MailStatus = (typeof mailStatuses)[number]

/**
 * Every outgoing message, stored before it is sent: delivery happens in the background and a
 * refused one is tried again later (next_attempt_at) until it is sent or has failed for good.
 * `dedupe_key` makes a notification go to one user once per period (unique with user and kind).
 */
export const mailQueue = sqliteTable(
  'mail_queue',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    to: text('to').notNull(),
    userId: integer('user_id').references(() => users.id),
    kind: text('kind', { enum: mailKinds }).notNull(),
    lang: text('lang', { enum: locales }).notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    dedupeKey: text('dedupe_key'),
    status: text('status', { enum: mailStatuses }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull().default(now),
    lastError: text('last_error'),
    sentAt: text('sent_at'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    index('mail_queue_due_idx').on(t.status, t.nextAttemptAt),
    uniqueIndex('mail_queue_dedupe_unique').on(t.userId, t.kind, t.dedupeKey),
    index('mail_queue_user_kind_idx').on(t.userId, t.kind, t.createdAt),
  ],
)

/** A notification kind a user switched off (at /account or through an unsubscribe link). */
export const mailOptOuts = sqliteTable(
  'mail_opt_outs',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
)

export const jobStatuses = ['running', 'done', 'failed'] as const

/** One row per scheduled job: what the admin page shows. */
export const jobs = sqliteTable('jobs', {
  name: text('name').primaryKey(),
  lastRunAt: text('last_run_at'),
  lastPeriod: text('last_period'),
  nextRunAt: text('next_run_at'),
  lastResult: text('last_result'),
  lastStatus: text('last_status', { enum: jobStatuses }),
  attempts: integer('attempts').notNull().default(0),
  /** A process running the job holds it until then (a crashed run frees it when the time passes). */
  lockedUntil: text('locked_until'),
})

/**
 * The claim of one period of one job (e.g. reminders for 2026-12-04): the unique row is what
 * makes a period run once across processes and restarts.
 */
export const jobRuns = sqliteTable(
  'job_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    job: text('job').notNull(),
    period: text('period').notNull(),
    status: text('status', { enum: jobStatuses }).notNull().default('running'),
    attempts: integer('attempts').notNull().default(1),
    startedAt: text('started_at').notNull().default(now),
    finishedAt: text('finished_at'),
    lockedUntil: text('locked_until').notNull(),
    result: text('result'),
  },
  (t) => [uniqueIndex('job_runs_job_period_unique').on(t.job, t.period)],
)
