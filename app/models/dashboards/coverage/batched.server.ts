/** Target actuals computed in batches, and the progress rule applied to them. */
import { type SQL, sql } from 'drizzle-orm'

import { db } from '#db/client'
import {
  AT_RISK_SHARE,
  type TargetLike,
  type TargetProgress,
  type TargetStatus,
} from '~/models/plan/index.server'

import { countedActionsWhere, hasActionFilter, reachStatuses } from '../counted.server'
import { lastDay } from '../months'
import { figureColumns, type FigureRow, type TargetRow } from '../shared.server'
import { type ActionFilters, figureKey, type ReachMetric } from '../types'

const additiveMetrics = new Set(['actions', 'participants', 'online_reach', 'engagements'])
const batchBreakdowns = new Set([null, 'partner', 'type', 'channel'])
const batchColumn: Record<string, SQL> = {
  partner: sql`actions.partner_id`,
  type: sql`actions.type_id`,
  channel: sql`actions.channel_id`,
}

type Member = { target: TargetRow; from: string; to: string }

/** The batchable targets grouped by breakdown, each with the whole months it covers up to `asOf`. */
function batchMembers(targets: TargetRow[], asOf: string) {
  const byBreakdown = new Map<string, Member[]>()
  for (const t of targets) {
    if (!additiveMetrics.has(t.metric) || !batchBreakdowns.has(t.breakdown)) continue
    if (asOf < t.periodStart) continue // not started: targetProgress says 0 without a query
    const to = asOf < t.periodEnd ? asOf : t.periodEnd
    if (!t.periodStart.endsWith('-01') || to !== lastDay(to.slice(0, 7))) continue
    // The whole-project targets share the partner grouping (the sum over all partners).
    const kind = t.breakdown ?? 'partner'
    byBreakdown.set(kind, [
      ...(byBreakdown.get(kind) ?? []),
      { target: t, from: t.periodStart.slice(0, 7), to: to.slice(0, 7) },
    ])
  }
  return byBreakdown
}

/**
 * One breakdown's figures over the whole months from..to, summed per breakdown value (a few dozen
 * rows): from the trigger-kept monthly roll-ups (migrations 0009 and 0020) without an action
 * filter, from the counted actions with one.
 */
function periodSums(kind: string, from: string, to: string, filters: ActionFilters) {
  if (hasActionFilter({ ...filters, category: undefined })) {
    const counted = countedActionsWhere({ ...filters, category: undefined })
    return db.all<FigureRow & { k: number | null }>(sql`
      select ${batchColumn[kind]} as k, ${figureColumns} from actions
      where actions.month between ${from} and ${to} and ${counted}
      group by k`)
  }
  const [table, column] =
    kind === 'partner'
      ? [sql`action_partner_months`, sql`r.partner_id`]
      : [sql`action_month_totals`, kind === 'type' ? sql`r.type_id` : sql`nullif(r.channel_id, 0)`]
  return db.all<FigureRow & { k: number | null }>(sql`
    select ${column} as k, sum(r.actions) as actions, sum(r.participants) as participants,
      sum(r.online_reach) as onlineReach, sum(r.engagements) as engagements
    from ${table} r where ${reachStatuses(filters)} and r.month between ${from} and ${to}
    group by k`)
}

/**
 * The actuals of the additive targets (actions, participants, online reach, engagements; whole
 * project or per partner, type or channel) over whole months: one grouped, index-only query per
 * breakdown and period (the ~200 per-partner targets share five yearly periods), each returning
 * one row per breakdown value; a whole-project target adds up its rows. The figures equal
 * computeMetric's (tested); every other target goes through targetProgress one by one.
 */
export function batchedActuals(
  targets: TargetRow[],
  asOf: string,
  filters: ActionFilters,
): Map<number, number> {
  const out = new Map<number, number>()
  const sums = new Map<string, Map<string, FigureRow>>()
  for (const [kind, members] of batchMembers(targets, asOf)) {
    for (const { target, from, to } of members) {
      const key = `${kind}|${from}|${to}`
      let byValue = sums.get(key)
      if (!byValue) {
        byValue = new Map(periodSums(kind, from, to, filters).map((r) => [String(r.k), r]))
        sums.set(key, byValue)
      }
      const fk = figureKey[target.metric as ReachMetric]
      const figure = (r: FigureRow | undefined) => Number(r?.[fk] ?? 0)
      // A whole-project target adds up every value's row; a breakdown target reads its own.
      const actual = !target.breakdown
        ? [...byValue.values()].reduce((sum, r) => sum + figure(r), 0)
        : target.breakdownValue === null
          ? 0
          : figure(byValue.get(target.breakdownValue))
      out.set(target.id, actual)
    }
  }
  return out
}

/** targetProgress's rule applied to an actual computed in a batch (same inputs, same answer; tested). */
export function progressFromActual(target: TargetLike, actual: number, today: string): TargetProgress {
  const day = (iso: string) => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000)
  const start = day(target.periodStart)
  const end = day(target.periodEnd)
  const now = day(today)
  const totalDays = end - start + 1
  const elapsed = totalDays > 0 ? Math.min(Math.max(now - start + 1, 0), totalDays) / totalDays : 1
  const finished = now > end
  const notStarted = now < start
  const projection = elapsed > 0 && !finished ? Math.round((actual / elapsed) * 10) / 10 : actual
  const percent = (part: number, whole: number) => (whole <= 0 ? 100 : Math.round((1000 * part) / whole) / 10)
  let status: TargetStatus
  if (finished) status = actual >= target.value ? 'on_track' : 'behind'
  else if (notStarted) status = 'on_track'
  else if (projection >= target.value) status = 'on_track'
  else if (projection >= AT_RISK_SHARE * target.value) status = 'at_risk'
  else status = 'behind'
  return {
    actual,
    percentage: percent(actual, target.value),
    projection,
    projectedPercentage: percent(projection, target.value),
    elapsed,
    finished,
    notStarted,
    status,
  }
}
