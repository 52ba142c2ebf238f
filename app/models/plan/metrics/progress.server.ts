import { type SQL } from 'drizzle-orm'

import { type TargetMetric } from '#db/schema'

import { type TargetBreakdown } from '../lists'
import { computeMetric } from './compute.server'

// Progress of a target

export const targetStatuses = ['on_track', 'at_risk', 'behind'] as const
export type TargetStatus = (typeof targetStatuses)[number]

/** Below 100% of the target at the projected end, but at least this share: "at risk". */
export const AT_RISK_SHARE = 0.8

/**
 * Metrics that grow with time are projected linearly to the period's end; the others are
 * states or distinct counts that saturate (a share, languages, partners, funded links), so their
 * projection is the value today.
 */
const linearMetrics: readonly TargetMetric[] = [
  'actions',
  'participants',
  'online_reach',
  'engagements',
  'stakeholders_reached',
  'new_stakeholders_engaged',
]

export type TargetLike = {
  metric: TargetMetric
  periodStart: string
  periodEnd: string
  breakdown?: TargetBreakdown | null
  breakdownValue?: string | null
  value: number
}

export type TargetProgress = {
  actual: number
  /** actual / target, in percent, not capped (a target of 0 counts as met: 100). */
  percentage: number
  /** Expected value at the period's end if the pace so far continues. */
  projection: number
  projectedPercentage: number
  /** Share of the period's days elapsed by `today` (0-1). */
  elapsed: number
  finished: boolean
  notStarted: boolean
  status: TargetStatus
}

/** Days since 1970 of an ISO day (YYYY-MM-DD). */
function dayNumber(day: string) {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / 86_400_000)
}

function percent(part: number, whole: number) {
  if (whole <= 0) return 100
  return Math.round((1000 * part) / whole) / 10
}

/**
 * Progress against a target. Rule: a finished period is on track when actual >= target, else
 * behind; otherwise the projection to the period end decides: >= 100% on track, >= 80% at risk,
 * else behind. Before the period starts nothing is expected yet (on track).
 */
export function targetProgress(
  target: TargetLike,
  options: { includeSubmitted?: boolean; today?: string; filters?: SQL } = {},
): TargetProgress {
  const today = (options.today ?? new Date().toISOString()).slice(0, 10)
  const start = dayNumber(target.periodStart)
  const end = dayNumber(target.periodEnd)
  const now = dayNumber(today)
  const totalDays = end - start + 1
  const elapsedDays = Math.min(Math.max(now - start + 1, 0), totalDays)
  const elapsed = totalDays > 0 ? elapsedDays / totalDays : 1
  const to = now >= end ? target.periodEnd : today
  const actual =
    now < start
      ? 0
      : computeMetric({
          metric: target.metric,
          from: target.periodStart,
          to: to < target.periodStart ? target.periodStart : to,
          breakdown: target.breakdown ?? null,
          breakdownValue: target.breakdownValue ?? null,
          includeSubmitted: options.includeSubmitted,
          filters: options.filters,
        })
  const finished = now > end
  const notStarted = now < start
  const projection =
    linearMetrics.includes(target.metric) && elapsed > 0 && !finished
      ? Math.round((actual / elapsed) * 10) / 10
      : actual
  const percentage = percent(actual, target.value)
  const projectedPercentage = percent(projection, target.value)
  let status: TargetStatus
  if (finished) status = actual >= target.value ? 'on_track' : 'behind'
  else if (notStarted) status = 'on_track'
  else if (projection >= target.value) status = 'on_track'
  else if (projection >= AT_RISK_SHARE * target.value) status = 'at_risk'
  else status = 'behind'
  return { actual, percentage, projection, projectedPercentage, elapsed, finished, notStarted, status }
}
