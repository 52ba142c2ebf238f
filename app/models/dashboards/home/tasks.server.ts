/**
 * The communications lead's home page: what needs doing, as counts, each with the link that lists
 * exactly those records. Every count reuses the query of the list it links to, so the figure and
 * the list always agree.
 */
import { sql } from 'drizzle-orm'

import { db } from '#db/client'
import { actions } from '#db/schema'
import { actionWhere } from '~/models/actions/index.server'
import { listActivities, listTargetsWithProgress } from '~/models/plan/index.server'
import { type Actor, ForbiddenError } from '~/utils/permissions'

import { countedActionsWhere } from '../counted.server'
import { partnerActivity } from '../coverage/activity.server'
import { unreachedPriority } from '../coverage/unreached.server'
import { addMonths } from '../months'
import { canSeeTasks } from '../policy'

/** Tier-A stakeholders count as unreached when no validated action reached them in this many months. */
export const UNREACHED_MONTHS = 6

export const homeTaskKeys = [
  'awaitingValidation',
  'returned',
  'silentPartners',
  'overdueActivities',
  'targetsAtRisk',
  'tierAUnreached',
] as const
export type HomeTaskKey = (typeof homeTaskKeys)[number]
export type HomeTask = { key: HomeTaskKey; count: number; href: string }

function countActions(status: 'submitted' | 'returned') {
  return db
    .select({ n: sql<number>`count(*)` })
    .from(actions)
    .where(actionWhere({ status }))
    .get()!.n
}

/** Live actions waiting for validation: the review queue, and the navigation's badge. */
export function awaitingValidationCount() {
  return countActions('submitted')
}

/**
 * The comms lead's counts on `today` (YYYY-MM-DD): actions waiting for validation, returned and
 * not resubmitted, partners with nothing logged this month, overdue work-plan activities, targets
 * at risk, tier-A stakeholders not reached in the last six months (this one included).
 */
export function homeTasks(actor: Actor, today = new Date().toISOString().slice(0, 10)): HomeTask[] {
  if (!canSeeTasks(actor)) throw new ForbiddenError('missing action:validate')
  const month = today.slice(0, 7)
  const logged = { validatedOnly: false }
  const silent = partnerActivity(month, logged, countedActionsWhere(logged)).inactive.length
  const overdue = listActivities({ state: 'overdue' }, { limit: 1, offset: 0 }, today).total
  const atRisk = listTargetsWithProgress({ includeSubmitted: false, status: 'at_risk', today }).length
  const windowStart = addMonths(month, -(UNREACHED_MONTHS - 1))
  const validated = { validatedOnly: true }
  const unreached = unreachedPriority(
    { month, windowStart, filters: validated, counted: countedActionsWhere(validated) },
    undefined,
    1,
  ).unreached
  return [
    { key: 'awaitingValidation', count: countActions('submitted'), href: '/actions/review' },
    { key: 'returned', count: countActions('returned'), href: '/actions?status=returned' },
    { key: 'silentPartners', count: silent, href: `/dashboard/coverage?month=${month}&validated=0#partners` },
    { key: 'overdueActivities', count: overdue, href: '/plan/workplan?state=overdue' },
    { key: 'targetsAtRisk', count: atRisk, href: '/plan/targets?status=at_risk' },
    {
      key: 'tierAUnreached',
      count: unreached,
      href: `/dashboard/coverage?month=${month}&since=${UNREACHED_MONTHS}#unreached`,
    },
  ]
}

/** The navigation's badges, keyed by nav path; computed on every page, so one indexed count at most. */
export function navBadges(actor: Actor): Record<string, number> {
  if (!canSeeTasks(actor)) return {}
  const waiting = awaitingValidationCount()
  return waiting > 0 ? { '/actions/review': waiting } : {}
}
