import {
  deliverQueued,
  queueEventsWithoutPlan,
  queueMonthlyReach,
  queueOverdueActivities,
  queueReminders,
  queueValidationSummary,
} from '~/models/mail/index.server'

import { dayKey, isoWeekKey, minuteKey, previousMonthKey } from './periods'

/** What a job gets to run one period: the period's key and the time it was due. */
export type JobContext = { period: string; due: Date; now: Date }

export type JobDefinition = {
  name: string
  /** When it is due: a cron pattern read in UTC (croner). */
  schedule: string
  /** The period a due time belongs to; a period runs once (see claim.server.ts). */
  period: (due: Date) => string
  /** Does the work; answers one line for /admin/jobs ("3 reminders queued"). */
  run: (context: JobContext) => Promise<string> | string
}

/** Every scheduled job. `npm run jobs -- --list` prints them; /admin/jobs shows their last run. */
export const jobRegistry: readonly JobDefinition[] = [
  {
    name: 'mail-retry',
    schedule: '*/5 * * * *',
    period: minuteKey,
    run: async () => {
      const r = await deliverQueued()
      return `sent ${r.sent}, retrying ${r.retrying}, failed ${r.failed}`
    },
  },
  {
    name: 'partner-reminders',
    schedule: '0 8 * * *',
    period: dayKey,
    run: ({ now }) => `${queueReminders(now)} reminders queued`,
  },
  {
    name: 'activity-overdue',
    schedule: '0 8 * * 1',
    period: isoWeekKey,
    run: ({ now, period }) => `${queueOverdueActivities(now, period)} messages queued`,
  },
  {
    name: 'event-no-plan',
    schedule: '30 8 * * *',
    period: dayKey,
    run: ({ now }) => `${queueEventsWithoutPlan(now)} messages queued`,
  },
  {
    name: 'validation-summary',
    schedule: '0 9 * * 1',
    period: isoWeekKey,
    run: ({ period }) => `${queueValidationSummary(period)} summaries queued`,
  },
  {
    name: 'monthly-reach',
    schedule: '0 7 1 * *',
    period: previousMonthKey,
    run: ({ period }) => `${queueMonthlyReach(period)} messages queued for ${period}`,
  },
]

export function findJob(name: string): JobDefinition | undefined {
  return jobRegistry.find((j) => j.name === name)
}
