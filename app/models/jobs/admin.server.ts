import { db, type Tx } from '#db/client'
import { jobs } from '#db/schema'
import { recordAudit } from '~/models/audit/index.server'
import { type Actor, ForbiddenError } from '~/utils/permissions'

import { canManageJobs } from './policy'
import { findJob, jobRegistry } from './registry.server'
import { nextDue, runJob } from './runner.server'

/** Every registered job with its schedule, last run, next run, result and attempts. */
export function listJobs(actor: Actor) {
  if (!canManageJobs(actor)) throw new ForbiddenError()
  const rows = new Map(
    db
      .select()
      .from(jobs)
      .all()
      .map((r) => [r.name, r]),
  )
  const now = new Date()
  return jobRegistry.map((job) => {
    const row = rows.get(job.name)
    return {
      name: job.name,
      schedule: job.schedule,
      lastRunAt: row?.lastRunAt ?? null,
      lastPeriod: row?.lastPeriod ?? null,
      lastStatus: row?.lastStatus ?? null,
      lastResult: row?.lastResult ?? null,
      attempts: row?.attempts ?? 0,
      nextRunAt: nextDue(job, now)?.toISOString() ?? null,
    }
  })
}

/** "Run now" (/admin/jobs): runs the job at once, even when its period already ran; audited. */
export async function runJobNow(actor: Actor, name: string) {
  if (!canManageJobs(actor)) throw new ForbiddenError()
  const job = findJob(name)
  if (!job) return null
  const outcome = await runJob(job, { force: true })
  db.transaction((tx: Tx) =>
    recordAudit(tx, {
      userId: actor.id,
      entity: 'job',
      entityId: null,
      action: 'update',
      after: outcome.ran
        ? { job: name, period: outcome.period, ok: outcome.ok, result: outcome.result }
        : { job: name },
      summary: `run ${name}`,
    }),
  )
  return outcome
}
