import { and, eq } from 'drizzle-orm'

import type { DB } from '#db/client'
import { jobRuns } from '#db/schema'

/** Failed periods are tried again this many times in all, waiting longer each time. */
export const maxJobAttempts = 3
/** A claimed run is held this long; a process that died mid-run frees it then. */
const holdMinutes = 30

const later = (now: Date, minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString()

/**
 * Claims one period of one job for this process, or says no: the row (job, period) is unique and
 * the check-then-write happens in one BEGIN IMMEDIATE transaction, so two processes (or a process
 * and `npm run jobs`) never both run it. A done period is claimed again only when forced ("Run
 * now"); a failed one after its back-off, up to maxJobAttempts; a running one when its hold ran out.
 */
export function claimPeriod(
  database: DB,
  job: string,
  period: string,
  options: { now?: Date; force?: boolean } = {},
): boolean {
  const now = options.now ?? new Date()
  return database.transaction((tx) => {
    const existing = tx
      .select()
      .from(jobRuns)
      .where(and(eq(jobRuns.job, job), eq(jobRuns.period, period)))
      .get()
    if (!existing) {
      tx.insert(jobRuns)
        .values({ job, period, startedAt: now.toISOString(), lockedUntil: later(now, holdMinutes) })
        .run()
      return true
    }
    const free = existing.lockedUntil <= now.toISOString()
    const mayRun =
      existing.status === 'running'
        ? free
        : existing.status === 'done'
          ? !!options.force
          : options.force || (free && existing.attempts < maxJobAttempts)
    if (!mayRun) return false
    tx.update(jobRuns)
      .set({
        status: 'running',
        attempts: existing.attempts + 1,
        startedAt: now.toISOString(),
        finishedAt: null,
        lockedUntil: later(now, holdMinutes),
      })
      .where(eq(jobRuns.id, existing.id))
      .run()
    return true
  })
}

/** Records how a claimed run ended; a failure waits 10, 20... minutes before its next attempt. */
export function finishPeriod(
  database: DB,
  job: string,
  period: string,
  outcome: { ok: boolean; result: string; now?: Date },
) {
  const now = outcome.now ?? new Date()
  const row = database
    .select({ attempts: jobRuns.attempts })
    .from(jobRuns)
    .where(and(eq(jobRuns.job, job), eq(jobRuns.period, period)))
    .get()
  database
    .update(jobRuns)
    .set({
      status: outcome.ok ? 'done' : 'failed',
      result: outcome.result.slice(0, 500),
      finishedAt: now.toISOString(),
      lockedUntil: outcome.ok ? now.toISOString() : later(now, 10 * (row?.attempts ?? 1)),
    })
    .where(and(eq(jobRuns.job, job), eq(jobRuns.period, period)))
    .run()
  return row?.attempts ?? 1
}
