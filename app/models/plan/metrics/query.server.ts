import { type SQL, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { type StakeholderFilter, type TargetMetric } from '#db/schema'

import { metricBreakdowns, type TargetBreakdown } from '../lists'
import { groupMembersWhere } from '../queries/groups.server'

// The building blocks of the metric queries: which actions count, facet conditions, month splits.

/**
 * One metric over a period. Dates are ISO days (YYYY-MM-DD); the period includes both ends.
 * Only validated actions count, or validated + submitted with `includeSubmitted`; drafts and
 * returned actions never count. `filters` is an extra condition over the `actions` table (for
 * example `actionWhere(filter)` from the actions list) applied to action-based metrics.
 */
export type MetricQuery = {
  metric: TargetMetric
  from: string
  to: string
  breakdown?: TargetBreakdown | null
  /** The id (partner, type, channel, category, group) or code (tier, language) to restrict to. */
  breakdownValue?: string | number | null
  includeSubmitted?: boolean
  filters?: SQL
}

export type MetricRow = { key: string; value: number }

/** Metrics expressed as a percentage (0-100) rather than a count. */
export const percentageMetrics: readonly TargetMetric[] = ['group_share_reached']

export const actionDims = new Set<TargetBreakdown>(['partner', 'type', 'channel', 'language'])
export const stakeholderDims = new Set<TargetBreakdown>(['category', 'tier', 'group'])

export class UnsupportedBreakdownError extends Error {}

export function statusCondition(includeSubmitted?: boolean): SQL {
  return includeSubmitted
    ? sql`actions.status in ('validated', 'submitted')`
    : sql`actions.status = 'validated'`
}

/** The actions that count in the period. */
export function countedActions(q: MetricQuery): SQL {
  const parts = [
    statusCondition(q.includeSubmitted),
    sql`actions.archived_at is null`,
    sql`actions.date >= ${q.from}`,
    sql`actions.date <= ${q.to}`,
  ]
  if (q.filters) parts.push(q.filters)
  return sql.join(parts, sql` and `)
}

/** End of the last day of the period, for comparing with ISO timestamps. */
export function endOfDay(to: string) {
  return to.length === 10 ? `${to}T23:59:59.999Z` : to
}

function groupFilter(groupId: number): StakeholderFilter | null {
  const row = db.get<{ filter: string } | undefined>(
    sql`select filter from stakeholder_groups where id = ${groupId}`,
  )
  if (!row) return null
  try {
    return JSON.parse(row.filter) as StakeholderFilter
  } catch {
    return null
  }
}

/** Condition over the `stakeholders` table for a stakeholder facet. */
export function stakeholderCondition(breakdown: TargetBreakdown, value: string): SQL {
  switch (breakdown) {
    case 'category':
      return sql`stakeholders.category_id = ${Number(value)}`
    case 'tier':
      return sql`exists (select 1 from stakeholder_priority sp where sp.stakeholder_id = stakeholders.id and sp.tier = ${value})`
    case 'group': {
      const filter = groupFilter(Number(value))
      return filter ? groupMembersWhere(filter) : sql`0`
    }
    case 'partner':
      return sql`stakeholders.owner_partner_id = ${Number(value)}`
    default:
      throw new UnsupportedBreakdownError(breakdown)
  }
}

/** Condition over the `actions` table for a breakdown value. */
export function actionCondition(breakdown: TargetBreakdown, value: string): SQL {
  switch (breakdown) {
    case 'partner':
      return sql`actions.partner_id = ${Number(value)}`
    case 'type':
      return sql`actions.type_id = ${Number(value)}`
    case 'channel':
      return sql`actions.channel_id = ${Number(value)}`
    case 'language':
      return sql`exists (select 1 from action_languages fl where fl.action_id = actions.id and fl.language = ${value})`
    default:
      // An action "is in" a stakeholder facet when it reached at least one stakeholder of it.
      return sql`exists (select 1 from action_stakeholders fas join stakeholders on stakeholders.id = fas.stakeholder_id
        where fas.action_id = actions.id and ${stakeholderCondition(breakdown, value)})`
  }
}

export const actionAggregates: Partial<Record<TargetMetric, SQL>> = {
  actions: sql`count(distinct actions.id)`,
  participants: sql`coalesce(sum(actions.participants), 0)`,
  online_reach: sql`coalesce(sum(actions.online_reach), 0)`,
  engagements: sql`coalesce(sum(actions.engagements), 0)`,
  partners_active: sql`count(distinct actions.partner_id)`,
}

export function hasBreakdown(
  q: MetricQuery,
): q is MetricQuery & { breakdown: TargetBreakdown; breakdownValue: string | number } {
  return (
    !!q.breakdown && q.breakdownValue !== undefined && q.breakdownValue !== null && q.breakdownValue !== ''
  )
}

export function checkBreakdown(q: MetricQuery) {
  if (q.breakdown && !metricBreakdowns[q.metric].includes(q.breakdown)) {
    throw new UnsupportedBreakdownError(`${q.metric} has no ${q.breakdown} breakdown`)
  }
}

export function number(query: SQL): number {
  const row = db.get<{ value: number | null } | undefined>(query)
  return Number(row?.value ?? 0)
}

export function newlyEngagedIds(from: string, to: string): SQL {
  const end = endOfDay(to)
  // Moved to engaged/collaborating from another stage (audited updates), created at that stage
  // (audited creates), or created at that stage without an audit row (demo seed, old data).
  return sql`select entity_id from audit_log
      where entity = 'stakeholder' and action in ('update', 'create') and at >= ${from} and at <= ${end}
        and json_extract(after, '$.stage') in ('engaged', 'collaborating')
        and coalesce(json_extract(before, '$.stage'), '') not in ('engaged', 'collaborating')
    union
    select s2.id from stakeholders s2
      where s2.created_at >= ${from} and s2.created_at <= ${end} and s2.stage in ('engaged', 'collaborating')
        and not exists (select 1 from audit_log a2 where a2.entity = 'stakeholder' and a2.entity_id = s2.id and a2.action = 'create')`
}

export const liveStakeholder = sql`stakeholders.archived_at is null and stakeholders.merged_into_id is null`

function lastDayOfMonth(month: string) {
  const [y, m] = month.split('-').map(Number)
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`
}
function shiftMonth(month: string, delta: number) {
  const [y, m] = month.split('-').map(Number)
  const d = new Date(Date.UTC(y, m - 1 + delta, 1))
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
}

/**
 * A period split into its whole months (read from the trigger-kept per-month tables
 * stakeholder_reach_months and action_language_months) and the days at either end that do not
 * make a whole month (read from the actions); null when the period has no whole month.
 */
export function monthSplit(q: MetricQuery): { months: [string, string]; edges: [string, string][] } | null {
  if (q.from.length !== 10 || q.to.length !== 10 || q.from > q.to) return null
  const fromMonth = q.from.slice(0, 7)
  const toMonth = q.to.slice(0, 7)
  const first = q.from.endsWith('-01') ? fromMonth : shiftMonth(fromMonth, 1)
  const last = q.to === lastDayOfMonth(toMonth) ? toMonth : shiftMonth(toMonth, -1)
  if (first > last) return null
  const edges: [string, string][] = []
  if (first !== fromMonth) edges.push([q.from, lastDayOfMonth(fromMonth)])
  if (last !== toMonth) edges.push([`${toMonth}-01`, q.to])
  return { months: [first, last], edges }
}

export function preaggregatedStatuses(q: MetricQuery): SQL {
  return q.includeSubmitted ? sql`r.status in ('validated', 'submitted')` : sql`r.status = 'validated'`
}
