/** Every live target with its progress, for the coverage dashboard. */
import { sql } from 'drizzle-orm'

import { db } from '#db/client'
import type { TargetMetric } from '#db/schema'
import { actionWhere } from '~/models/actions/index.server'
import {
  breakdownOptions,
  type TargetBreakdown,
  targetProgress,
  type TargetStatus,
} from '~/models/plan/index.server'

import { lastDay } from '../months'
import type { TargetRow } from '../shared.server'
import type { ActionFilters } from '../types'
import { batchedActuals, progressFromActual } from './batched.server'

export type TargetProgressRow = {
  id: number
  label: string | null
  metric: string
  periodKind: string
  periodStart: string
  periodEnd: string
  breakdown: string | null
  breakdownValue: string | null
  breakdownLabel: string | null
  breakdownKey: string | null
  value: number
  actual: number
  percentage: number
  projection: number
  projectedPercentage: number
  status: TargetStatus
  finished: boolean
  notStarted: boolean
}

/**
 * Every live target with its progress as of the end of `month` (or today, if earlier), using the
 * plan's `targetProgress` so the coverage dashboard and the plan's target list agree.
 */
export function targetProgressList({
  month,
  filters = {},
  today,
}: {
  month: string
  filters?: ActionFilters
  today?: string
}): TargetProgressRow[] {
  const now = today ?? new Date().toISOString().slice(0, 10)
  const asOf = lastDay(month) < now ? lastDay(month) : now
  // Some plan metrics are distinct counts over whole periods (seconds at a million actions), so
  // the list is kept until anything it depends on changes (every write is audited) or 2 minutes pass.
  const key = JSON.stringify([asOf, filters, dataVersion()])
  const hit = progressCache.get(key)
  if (hit && Date.now() - hit.at < PROGRESS_CACHE_MS) return hit.rows
  const rows = computeTargetProgressList(asOf, filters)
  if (progressCache.size >= 50) progressCache.delete(progressCache.keys().next().value!)
  progressCache.set(key, { at: Date.now(), rows })
  return rows
}

const PROGRESS_CACHE_MS = 120_000
const progressCache = new Map<string, { at: number; rows: TargetProgressRow[] }>()

/** Changes whenever an action, target, score, stakeholder or group is written (each O(1) or tiny). */
function dataVersion(): string {
  return (
    db.get<{
      v: string
    }>(sql`select (select coalesce(max(id), 0) from audit_log) || ':' || (select coalesce(max(id), 0) from actions) || ':' ||
      (select count(*) || '/' || coalesce(max(updated_at), '') from targets) || ':' || (select coalesce(max(id), 0) from scores) || ':' ||
      (select coalesce(max(id), 0) from stakeholders) || ':' || (select count(*) || '/' || coalesce(max(updated_at), '') from stakeholder_groups) || ':' ||
      (select coalesce(max(updated_at), '') from project) as v`)?.v ?? ''
  )
}

/** The label (and translation key) of a target's breakdown value, each breakdown's options read once. */
function breakdownLabeller() {
  const labels = new Map<string, Map<string, { label: string; key?: string | null }>>()
  return (breakdown: string, value: string) => {
    if (!labels.has(breakdown))
      labels.set(breakdown, new Map(breakdownOptions(breakdown as TargetBreakdown).map((o) => [o.value, o])))
    return labels.get(breakdown)!.get(value)
  }
}

function computeTargetProgressList(asOf: string, filters: ActionFilters): TargetProgressRow[] {
  const rows =
    db.all<TargetRow>(sql`select id, label, metric, period_kind as periodKind, period_start as periodStart, period_end as periodEnd,
      breakdown, breakdown_value as breakdownValue, value
    from targets where archived_at is null order by period_start, metric, breakdown, breakdown_value, id`)
  const narrowing =
    filters.partner || filters.channel || filters.type
      ? actionWhere({ partner: filters.partner, channel: filters.channel, type: filters.type })
      : undefined
  const labelFor = breakdownLabeller()
  const batched = batchedActuals(rows, asOf, filters)
  return rows.map((t) => {
    const target = {
      ...t,
      metric: t.metric as TargetMetric,
      breakdown: t.breakdown as TargetBreakdown | null,
    }
    const known = batched.get(t.id)
    const progress =
      known === undefined
        ? targetProgress(target, {
            includeSubmitted: filters.validatedOnly === false,
            today: asOf,
            filters: narrowing,
          })
        : progressFromActual(target, known, asOf)
    const option = t.breakdown && t.breakdownValue ? labelFor(t.breakdown, t.breakdownValue) : undefined
    return {
      ...t,
      breakdownLabel: option?.label ?? t.breakdownValue,
      breakdownKey: option?.key ?? null,
      actual: progress.actual,
      percentage: progress.percentage,
      projection: progress.projection,
      projectedPercentage: progress.projectedPercentage,
      status: progress.status,
      finished: progress.finished,
      notStarted: progress.notStarted,
    }
  })
}
