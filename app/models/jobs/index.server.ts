/** Scheduled jobs: the registry, the once-per-period claim, the runner and the scheduler. */
export { listJobs, runJobNow } from './admin.server'
export { claimPeriod } from './claim.server'
export { dayKey, isoWeekKey, monthKey, previousMonthKey } from './periods'
export { canManageJobs } from './policy'
export { findJob, type JobDefinition, jobRegistry } from './registry.server'
export { runDueJobs, runJob } from './runner.server'
export { startScheduler, stopScheduler } from './scheduler.server'
