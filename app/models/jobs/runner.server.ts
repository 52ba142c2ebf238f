import { Cron } from 'croner'
import { and, eq, lt } from 'drizzle-orm'

import { type DB, db } from '#db/client'
import { jobRuns, jobs } from '#db/schema'

import { claimPeriod, finishPeriod } from './claim.server'
import { type JobDefinition, jobRegistry } from './registry.server'

// Stryker disable next-line BooleanLiteral: croner starts a timer only when given a function, and none is given here
const cronOf = (job: JobDefinition) => new Cron(job.schedule, { timezone: 'UTC', paused: true })

/** The latest time the job was due at or before `now` (null before its first due time). */
export function lastDue(job: JobDefinition, now: Date): Date | null {
  const cron = cronOf(job)
  const at = new Date(now.getTime() + 1000)
  const previous = cron.previousRuns(1, at)[0]
  return previous ?? null
}

export function nextDue(job: JobDefinition, now: Date): Date | null {
  return cronOf(job).nextRun(now)
}

export type JobOutcome = { ran: false } | { ran: true; period: string; ok: boolean; result: string }

function recordJob(database: DB, job: JobDefinition, values: Partial<typeof jobs.$inferInsert>) {
  database
    .insert(jobs)
    .values({ name: job.name, ...values })
    .onConflictDoUpdate({ target: jobs.name, set: values })
    .run()
}

/**
 * Runs the job for the period it was last due in, if no process has run that period yet (or
 * `force`, for "Run now"). Missed periods after downtime are the latest due one: the first tick
 * after start-up runs it.
 */
export async function runJob(
  job: JobDefinition,
  options: { now?: Date; force?: boolean; database?: DB } = {},
): Promise<JobOutcome> {
  const now = options.now ?? new Date()
  const database = options.database ?? db
  const due = lastDue(job, now) ?? now
  const period = job.period(options.force ? now : due)
  if (!claimPeriod(database, job.name, period, { now, force: options.force })) return { ran: false }
  recordJob(database, job, {
    lastRunAt: now.toISOString(),
    lastPeriod: period,
    lastStatus: 'running',
    lockedUntil: new Date(now.getTime() + 30 * 60_000).toISOString(),
  })
  let ok = true
  let result: string
  try {
    result = await job.run({ period, due, now })
  } catch (error) {
    ok = false
    result = error instanceof Error ? error.message : String(error)
  }
  const attempts = finishPeriod(database, job.name, period, { ok, result, now })
  recordJob(database, job, {
    lastResult: result,
    lastStatus: ok ? 'done' : 'failed',
    attempts,
    lockedUntil: null,
    nextRunAt: nextDue(job, new Date())?.toISOString() ?? null,
  })
  return { ran: true, period, ok, result }
}

/** One scheduler tick: every job whose current period is unclaimed (or due for a retry) runs. */
export async function runDueJobs(now = new Date(), registry: readonly JobDefinition[] = jobRegistry) {
  const outcomes: Record<string, JobOutcome> = {}
  for (const job of registry) {
    if (!lastDue(job, now)) continue
    outcomes[job.name] = await runJob(job, { now })
  }
  // Claims of finished periods are kept 60 days (the page shows the last run from the jobs table).
  const cutoff = new Date(now.getTime() - 60 * 86_400_000).toISOString()
  db.delete(jobRuns)
    .where(and(eq(jobRuns.status, 'done'), lt(jobRuns.finishedAt, cutoff)))
    .run()
  return outcomes
}
