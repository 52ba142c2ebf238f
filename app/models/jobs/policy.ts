import { type Actor, can } from '~/utils/permissions'

/** Seeing the scheduled jobs and running one now: administrators. */
export function canManageJobs(actor: Actor | null | undefined) {
  return can(actor, 'admin:manage')
}
