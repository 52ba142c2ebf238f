import { type SQL, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { type StakeholderFilter, targetBreakdowns, type TargetMetric, targetMetrics, tiers } from '#db/schema'

import { groupMembersWhere } from './groups.server'
import { metricBreakdowns } from './plan-forms'

export { targetBreakdowns, targetMetrics }
export type { TargetBreakdown } from './plan-forms'
type TargetBreakdown = (typeof targetBreakdowns)[number]

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

export { metricBreakdowns }

/** Metrics expressed as a percentage (0-100) rather than a count. */
export const percentageMetrics: readonly TargetMetric[] = ['group_share_reached']

const actionDims = new Set<TargetBreakdown>(['partner', 'type', 'channel', 'language'])
const stakeholderDims = new Set<TargetBreakdown>(['category', 'tier', 'group'])

export class UnsupportedBreakdownError extends Error {}

function statusCondition(includeSubmitted?: boolean): SQL {
  return includeSubmitted
    ? sql`actions.status in ('validated', 'submitted')`
    : sql`actions.status = 'validated'`
}

/** The actions that count in the period. */
function countedActions(q: MetricQuery): SQL {
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
function endOfDay(to: string) {
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
function stakeholderCondition(breakdown: TargetBreakdown, value: string): SQL {
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
function actionCondition(breakdown: TargetBreakdown, value: string): SQL {
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

const actionAggregates: Partial<Record<TargetMetric, SQL>> = {
  actions: sql`count(distinct actions.id)`,
  participants: sql`coalesce(sum(actions.participants), 0)`,
  online_reach: sql`coalesce(sum(actions.online_reach), 0)`,
  engagements: sql`coalesce(sum(actions.engagements), 0)`,
  partners_active: sql`count(distinct actions.partner_id)`,
}

function hasBreakdown(
  q: MetricQuery,
): q is MetricQuery & { breakdown: TargetBreakdown; breakdownValue: string | number } {
  return (
    !!q.breakdown && q.breakdownValue !== undefined && q.breakdownValue !== null && q.breakdownValue !== ''
  )
}

function checkBreakdown(q: MetricQuery) {
  if (q.breakdown && !metricBreakdowns[q.metric].includes(q.breakdown)) {
    throw new UnsupportedBreakdownError(`${q.metric} has no ${q.breakdown} breakdown`)
  }
}

function number(query: SQL): number {
  const row = db.get<{ value: number | null } | undefined>(query)
  return Number(row?.value ?? 0)
}

function newlyEngagedIds(from: string, to: string): SQL {
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

const liveStakeholder = sql`stakeholders.archived_at is null and stakeholders.merged_into_id is null`

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
function monthSplit(q: MetricQuery): { months: [string, string]; edges: [string, string][] } | null {
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

function preaggregatedStatuses(q: MetricQuery): SQL {
  return q.includeSubmitted ? sql`r.status in ('validated', 'submitted')` : sql`r.status = 'validated'`
}

/** Ids (`sid`) of the stakeholders reached by counted actions in the period, whole months from the pre-aggregate. */
function reachedStakeholderIds(q: MetricQuery, split: NonNullable<ReturnType<typeof monthSplit>>): SQL {
  const parts: SQL[] = [
    sql`select r.stakeholder_id as sid from stakeholder_reach_months r where ${preaggregatedStatuses(q)} and r.month between ${split.months[0]} and ${split.months[1]}`,
  ]
  for (const [from, to] of split.edges) {
    parts.push(
      sql`select x.stakeholder_id as sid from actions join action_stakeholders x on x.action_id = actions.id where ${countedActions({ ...q, from, to })}`,
    )
  }
  return sql.join(parts, sql` union `)
}

/** The figure for one metric over a period (restricted to `breakdownValue` when given). */
export function computeMetric(q: MetricQuery): number {
  checkBreakdown(q)
  const scoped = hasBreakdown(q)
  const value = scoped ? String(q.breakdownValue) : ''
  const base = countedActions(q)

  switch (q.metric) {
    case 'actions':
    case 'participants':
    case 'online_reach':
    case 'engagements':
    case 'partners_active': {
      const where = scoped ? sql`${base} and ${actionCondition(q.breakdown!, value)}` : base
      return number(sql`select ${actionAggregates[q.metric]} as value from actions where ${where}`)
    }
    case 'languages_covered': {
      const split = !q.filters && (!scoped || q.breakdown === 'language') ? monthSplit(q) : null
      if (split) {
        const only = (column: SQL) => (scoped ? sql` and ${column} = ${value}` : sql``)
        const parts: SQL[] = [
          sql`select r.language as language from action_language_months r where ${preaggregatedStatuses(q)} and r.month between ${split.months[0]} and ${split.months[1]}${only(sql`r.language`)}`,
        ]
        for (const [from, to] of split.edges) {
          parts.push(
            sql`select l.language from actions join action_languages l on l.action_id = actions.id where ${countedActions({ ...q, from, to })}${only(sql`l.language`)}`,
          )
        }
        return number(sql`select count(distinct language) as value from (${sql.join(parts, sql` union `)})`)
      }
      const where = scoped ? sql`${base} and ${actionCondition(q.breakdown!, value)}` : base
      const languageOnly =
        scoped && q.breakdown === 'language' ? sql` and action_languages.language = ${value}` : sql``
      return number(
        sql`select count(distinct action_languages.language) as value from actions join action_languages on action_languages.action_id = actions.id where ${where}${languageOnly}`,
      )
    }
    case 'stakeholders_reached': {
      // Whole months from stakeholder_reach_months when only a stakeholder facet (or none) applies.
      const split = !q.filters && (!scoped || stakeholderDims.has(q.breakdown!)) ? monthSplit(q) : null
      if (split) {
        const facet = scoped ? sql` where ${stakeholderCondition(q.breakdown!, value)}` : sql``
        return number(sql`select count(distinct u.sid) as value from (${reachedStakeholderIds(q, split)}) u
          join stakeholders on stakeholders.id = u.sid${facet}`)
      }
      let where = base
      if (scoped) {
        where = stakeholderDims.has(q.breakdown!)
          ? sql`${where} and ${stakeholderCondition(q.breakdown!, value)}`
          : sql`${where} and ${actionCondition(q.breakdown!, value)}`
      }
      return number(sql`select count(distinct action_stakeholders.stakeholder_id) as value
        from action_stakeholders
        join actions on actions.id = action_stakeholders.action_id
        join stakeholders on stakeholders.id = action_stakeholders.stakeholder_id
        where ${where}`)
    }
    case 'group_share_reached': {
      // Population: the live stakeholders of the facet (group, tier, category), or all of them;
      // an action facet (partner, type, channel, language) narrows which actions count as reaching.
      const population =
        scoped && stakeholderDims.has(q.breakdown!)
          ? sql`${liveStakeholder} and ${stakeholderCondition(q.breakdown!, value)}`
          : liveStakeholder
      const reachingActions =
        scoped && actionDims.has(q.breakdown!)
          ? sql`${base} and ${actionCondition(q.breakdown!, value)}`
          : base
      const split = !q.filters && !(scoped && actionDims.has(q.breakdown!)) ? monthSplit(q) : null
      // Whole months: one probe of stakeholder_reach_months per member; the days at the ends from the links.
      const reached = split
        ? sql.join(
            [
              sql`exists (select 1 from stakeholder_reach_months r where r.stakeholder_id = stakeholders.id and ${preaggregatedStatuses(q)}
                and r.month between ${split.months[0]} and ${split.months[1]})`,
              ...split.edges.map(
                ([
                  from,
                  to,
                ]) => sql`exists (select 1 from action_stakeholders join actions on actions.id = action_stakeholders.action_id
                  where action_stakeholders.stakeholder_id = stakeholders.id and ${countedActions({ ...q, from, to })})`,
              ),
            ],
            sql` or `,
          )
        : sql`exists (select 1 from action_stakeholders
            join actions on actions.id = action_stakeholders.action_id
            where action_stakeholders.stakeholder_id = stakeholders.id and ${reachingActions})`
      const row = db.get<{ members: number; reached: number }>(sql`select count(*) as members,
          coalesce(sum(${reached}), 0) as reached
        from stakeholders where ${population}`)
      if (!row || !row.members) return 0
      return Math.round((1000 * row.reached) / row.members) / 10
    }
    case 'new_stakeholders_engaged': {
      const facet = scoped ? sql` and ${stakeholderCondition(q.breakdown!, value)}` : sql``
      // Driven from the (short) list of ids: "stakeholders.id in (...)" let SQLite walk every live stakeholder.
      return number(sql`select count(*) as value from (${newlyEngagedIds(q.from, q.to)}) engaged
        cross join stakeholders on stakeholders.id = engaged.entity_id
        where ${liveStakeholder}${facet}`)
    }
    case 'funded_project_links': {
      const facet = scoped ? sql` and ${stakeholderCondition(q.breakdown!, value)}` : sql``
      return number(sql`select count(*) as value from stakeholders
        join stakeholder_categories c on c.id = stakeholders.category_id
        where ${liveStakeholder} and c.is_funded_project = 1 and stakeholders.stage = 'collaborating'
          and stakeholders.created_at <= ${endOfDay(q.to)}${facet}`)
    }
  }
}

/** The values a breakdown can take (id or code), with a label, for forms and tables. */
export function breakdownOptions(
  breakdown: TargetBreakdown,
): { value: string; label: string; key?: string | null }[] {
  switch (breakdown) {
    case 'partner':
      return db.all<{ value: string; label: string }>(
        sql`select cast(id as text) as value, name as label from partners where archived_at is null order by name`,
      )
    case 'type':
      return db.all(
        sql`select cast(id as text) as value, name as label, key from action_types where archived_at is null order by sort_order, name`,
      )
    case 'channel':
      return db.all(
        sql`select cast(id as text) as value, name as label, key from channels where archived_at is null order by sort_order, name`,
      )
    case 'category':
      return db.all(
        sql`select cast(id as text) as value, name as label, key from stakeholder_categories where archived_at is null order by sort_order, name`,
      )
    case 'group':
      return db.all(
        sql`select cast(id as text) as value, name as label from stakeholder_groups where archived_at is null order by name`,
      )
    case 'tier':
      return tiers.map((t) => ({ value: t, label: t }))
    case 'language': {
      const row = db.get<{ languages: string } | undefined>(
        sql`select working_languages as languages from project where id = 1`,
      )
      const languages: string[] = row ? JSON.parse(row.languages) : []
      return languages.map((l) => ({ value: l, label: l }))
    }
  }
}

/**
 * The metric for every value of a breakdown (values with nothing are included as 0 for the
 * known lists; languages outside the working languages appear when actions use them).
 */
export function computeMetricRows(
  q: Omit<MetricQuery, 'breakdownValue'> & { breakdown: TargetBreakdown },
): MetricRow[] {
  checkBreakdown(q)
  const base = countedActions(q)
  let grouped: MetricRow[] | null = null
  const keyJoin: Partial<Record<TargetBreakdown, { join: SQL; key: SQL }>> = {
    partner: { join: sql``, key: sql`actions.partner_id` },
    type: { join: sql``, key: sql`actions.type_id` },
    channel: { join: sql``, key: sql`actions.channel_id` },
    language: { join: sql`join action_languages kl on kl.action_id = actions.id`, key: sql`kl.language` },
    category: {
      join: sql`join action_stakeholders kas on kas.action_id = actions.id join stakeholders ks on ks.id = kas.stakeholder_id`,
      key: sql`ks.category_id`,
    },
    tier: {
      join: sql`join action_stakeholders kas on kas.action_id = actions.id join stakeholder_priority kp on kp.stakeholder_id = kas.stakeholder_id`,
      key: sql`kp.tier`,
    },
  }
  const k = keyJoin[q.breakdown]
  if (k && (q.metric in actionAggregates || q.metric === 'languages_covered')) {
    // Each action counts once per key it belongs to (an action in two languages counts in both).
    const keyed = sql`select distinct actions.id as aid, ${k.key} as k from actions ${k.join} where ${base} and ${k.key} is not null`
    const aggregate =
      q.metric === 'languages_covered'
        ? sql`count(distinct action_languages.language)`
        : actionAggregates[q.metric]!
    const languageJoin =
      q.metric === 'languages_covered'
        ? sql`join action_languages on action_languages.action_id = actions.id`
        : sql``
    grouped = db.all<MetricRow>(sql`select cast(x.k as text) as key, ${aggregate} as value
      from (${keyed}) x join actions on actions.id = x.aid ${languageJoin} group by x.k`)
  } else if (k && q.metric === 'stakeholders_reached') {
    const key =
      q.breakdown === 'category'
        ? sql`stakeholders.category_id`
        : q.breakdown === 'tier'
          ? sql`sp.tier`
          : k.key
    const join =
      q.breakdown === 'category'
        ? sql``
        : q.breakdown === 'tier'
          ? sql`join stakeholder_priority sp on sp.stakeholder_id = stakeholders.id`
          : k.join
    grouped =
      db.all<MetricRow>(sql`select cast(${key} as text) as key, count(distinct action_stakeholders.stakeholder_id) as value
      from action_stakeholders
      join actions on actions.id = action_stakeholders.action_id
      join stakeholders on stakeholders.id = action_stakeholders.stakeholder_id
      ${join}
      where ${base} and ${key} is not null group by ${key}`)
  }
  const options = breakdownOptions(q.breakdown).map((o) => o.value)
  if (grouped) {
    const byKey = new Map(grouped.map((r) => [r.key, Number(r.value)]))
    const keys = [...options, ...[...byKey.keys()].filter((key) => !options.includes(key))]
    return keys.map((key) => ({ key, value: byKey.get(key) ?? 0 }))
  }
  // Group facets and stakeholder-state metrics: one indexed query per value (lists are short).
  return options.map((key) => ({ key, value: computeMetric({ ...q, breakdownValue: key }) }))
}

// ---------------------------------------------------------------------------------------------
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
  /** actual / target, in percent (0 when the target is 0 and nothing is done, else capped nowhere). */
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

function dayNumber(iso: string) {
  return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000)
}

function percent(part: number, whole: number) {
  if (whole <= 0) return part > 0 ? 100 : 100
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
