/**
 * The monthly reach and coverage dashboards: every figure is aggregated in SQL (GROUP BY month,
 * partner, channel, ...) and only the aggregates leave this module.
 *
 * Definitions (see docs/decisions/010-dashboards.md):
 * - An action counts when it is not archived and is validated (or, with validated=0, submitted or
 *   validated). Drafts and returned actions never count.
 * - A target whose period is longer than one month counts for a month in proportion to the days of
 *   that month its period covers: value x overlapDays / periodDays. Overlapping targets add up.
 * - "New stakeholders engaged" is the plan's metric (computeMetric): stakeholders that moved to the
 *   engaged or collaborating stage in the month.
 * - Periods are counted in whole months (the month of the period's first day to the month of its last).
 */
import { type SQL, sql } from 'drizzle-orm'
import { z } from 'zod'

import { db } from '#db/client'
import type { ReportingPeriod } from '#db/schema'
import type { TargetMetric } from '#db/schema'
import {
  type ActionFilters,
  actionsLink,
  addMonths,
  daysBetween,
  figureKey,
  type Figures,
  firstDay,
  lastDay,
  monthRange,
  type ReachMetric,
  reachMetrics,
} from '~/components/charts/dashboard-utils'
import {
  type Cell,
  type Column,
  dateCell,
  monthCell,
  num,
  pct,
  percentChange,
  type TableModel,
  text,
} from '~/components/charts/table-model'

import { actionWhere } from './actions.server'
import { groupMembersWhere } from './groups.server'
import {
  AT_RISK_SHARE,
  breakdownOptions,
  computeMetric,
  type TargetBreakdown,
  type TargetLike,
  type TargetProgress,
  targetProgress,
  type TargetStatus,
} from './metrics.server'

// ---------------------------------------------------------------------------------------------
// Filters

const monthRe = /^\d{4}-(0[1-9]|1[0-2])$/
const optionalId = z.coerce.number().int().positive().optional().catch(undefined)
const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v)

/** The URL parameters both dashboards share; anything invalid falls back to its default. */
export const dashboardFilterSchema = z.object({
  month: z.preprocess(emptyToUndefined, z.string().regex(monthRe).optional()).catch(undefined),
  months: z
    .preprocess(
      emptyToUndefined,
      z.coerce
        .number()
        .pipe(z.union([z.literal(12), z.literal(24)]))
        .optional(),
    )
    .catch(undefined),
  stack: z.preprocess(emptyToUndefined, z.enum(['channel', 'type']).optional()).catch(undefined),
  metric: z.preprocess(emptyToUndefined, z.enum(reachMetrics).optional()).catch(undefined),
  partner: z.preprocess(emptyToUndefined, optionalId),
  channel: z.preprocess(emptyToUndefined, optionalId),
  type: z.preprocess(emptyToUndefined, optionalId),
  category: z.preprocess(emptyToUndefined, optionalId),
  validated: z.preprocess(emptyToUndefined, z.enum(['0', '1']).optional()).catch(undefined),
  /** Coverage: "not reached in the last N months". */
  since: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(36).optional()).catch(undefined),
  group: z.preprocess(emptyToUndefined, optionalId),
})
export type DashboardParams = z.infer<typeof dashboardFilterSchema>

export function parseDashboardParams(search: URLSearchParams | string) {
  const params = new URLSearchParams(search)
  const raw = Object.fromEntries([...params.keys()].map((k) => [k, params.get(k)]))
  return dashboardFilterSchema.parse(raw)
}

export function filtersFrom(p: DashboardParams): ActionFilters {
  return {
    partner: p.partner,
    channel: p.channel,
    type: p.type,
    category: p.category,
    validatedOnly: p.validated !== '0',
  }
}

/**
 * The WHERE condition for counted actions, built on the action list's own `actionWhere` so a
 * dashboard figure always equals what /actions shows for the same filters.
 */
export function countedActionsWhere(filters: ActionFilters = {}): SQL {
  const validatedOnly = filters.validatedOnly !== false
  const base = actionWhere({
    partner: filters.partner,
    channel: filters.channel,
    type: filters.type,
    status: validatedOnly ? 'validated' : undefined,
  })
  const parts: SQL[] = [base ?? sql`1`]
  if (!validatedOnly) parts.push(sql`actions.status in ('submitted', 'validated')`)
  if (filters.category) {
    parts.push(
      // Links carry their stakeholder's category (migration 0014): the link index answers alone.
      sql`exists (select 1 from action_stakeholders cx where cx.action_id = actions.id and cx.category_id = ${filters.category})`,
    )
  }
  return sql.join(parts, sql` and `)
}

// ---------------------------------------------------------------------------------------------
// Months and days (helpers in dashboard-utils)

/** The last complete month before `today` (YYYY-MM-DD). */
export function lastCompleteMonth(today = new Date().toISOString().slice(0, 10)) {
  return addMonths(today.slice(0, 7), -1)
}

/** The share of a target's value that falls in [from, to]: value x overlapDays / periodDays. */
export function proratedTarget(
  target: { value: number; periodStart: string; periodEnd: string },
  from: string,
  to: string,
) {
  const start = target.periodStart > from ? target.periodStart : from
  const end = target.periodEnd < to ? target.periodEnd : to
  if (end < start) return 0
  return (target.value * daysBetween(start, end)) / daysBetween(target.periodStart, target.periodEnd)
}

// ---------------------------------------------------------------------------------------------
// Monthly reach

const zero = (): Figures => ({ actions: 0, participants: 0, onlineReach: 0, engagements: 0 })
const figureColumns = sql`count(*) as actions, coalesce(sum(actions.participants), 0) as participants,
  coalesce(sum(actions.online_reach), 0) as onlineReach, coalesce(sum(actions.engagements), 0) as engagements`

type FigureRow = Figures & Record<string, unknown>
function figures(row: Partial<Figures> | undefined): Figures {
  return {
    actions: Number(row?.actions ?? 0),
    participants: Number(row?.participants ?? 0),
    onlineReach: Number(row?.onlineReach ?? 0),
    engagements: Number(row?.engagements ?? 0),
  }
}

export type HeadlineKey =
  'actions' | 'participants' | 'onlineReach' | 'engagements' | 'stakeholdersReached' | 'newStakeholders'
export const headlineKeys: HeadlineKey[] = [
  'actions',
  'participants',
  'onlineReach',
  'engagements',
  'stakeholdersReached',
  'newStakeholders',
]
export type Headline = { key: HeadlineKey; value: number; previous: number; yearAgo: number }

export type TargetRow = {
  id: number
  label: string | null
  metric: string
  periodKind: string
  periodStart: string
  periodEnd: string
  breakdown: string | null
  breakdownValue: string | null
  value: number
}

function activeTargets(metric: string, from: string, to: string, breakdown: string | null): TargetRow[] {
  return db.all<TargetRow>(sql`select id, label, metric, period_kind as periodKind, period_start as periodStart, period_end as periodEnd,
      breakdown, breakdown_value as breakdownValue, value
    from targets where archived_at is null and metric = ${metric}
      and ${breakdown === null ? sql`breakdown is null` : sql`breakdown = ${breakdown}`}
      and period_start <= ${to} and period_end >= ${from}
    order by id`)
}

const periodPreference: Record<string, number> = { reporting_period: 0, quarter: 1, project: 2, month: 3 }

function projectRow() {
  return db.get<{
    name: string
    startDate: string
    endDate: string
    workingLanguages: string
    reportingPeriods: string
  }>(
    sql`select name, start_date as startDate, end_date as endDate, working_languages as workingLanguages, reporting_periods as reportingPeriods from project where id = 1`,
  )
}

/**
 * Counted-action figures per month and channel or type. Without a partner or stakeholder-category
 * filter they come from `action_month_totals` (a few hundred rows a month, kept by triggers, equal
 * to the action list: tested); otherwise from the actions themselves through the covering index.
 */
export function monthlyByKey(from: string, to: string, stack: 'channel' | 'type', filters: ActionFilters) {
  type Row = FigureRow & { month: string; key: number | null }
  if (!filters.partner && !filters.category) {
    const statuses =
      filters.validatedOnly !== false
        ? sql`t.status = 'validated'`
        : sql`t.status in ('submitted', 'validated')`
    const key = stack === 'channel' ? sql`nullif(t.channel_id, 0)` : sql`t.type_id`
    return db.all<Row>(sql`
      select t.month as month, ${key} as key, sum(t.actions) as actions, sum(t.participants) as participants,
        sum(t.online_reach) as onlineReach, sum(t.engagements) as engagements
      from action_month_totals t
      where ${statuses} and t.month between ${from} and ${to}
        ${filters.channel ? sql`and t.channel_id = ${filters.channel}` : sql``} ${filters.type ? sql`and t.type_id = ${filters.type}` : sql``}
      group by t.month, ${key}
      having sum(t.actions) > 0`)
  }
  const stackColumn = stack === 'channel' ? sql`actions.channel_id` : sql`actions.type_id`
  return db.all<Row>(sql`
    select actions.month as month, ${stackColumn} as key, ${figureColumns}
    from actions
    where actions.month between ${from} and ${to} and ${countedActionsWhere(filters)}
    group by actions.month, ${stackColumn}`)
}

/** A filter on the actions themselves (partner, channel, type, stakeholder category reached). */
function hasActionFilter(filters: ActionFilters) {
  return !!(filters.partner || filters.channel || filters.type || filters.category)
}

/** The counted statuses as a condition over stakeholder_reach_months `r`. */
function reachStatuses(filters: ActionFilters): SQL {
  return filters.validatedOnly !== false
    ? sql`r.status = 'validated'`
    : sql`r.status in ('submitted', 'validated')`
}

export type MonthlyReachInput = {
  month?: string
  months?: 12 | 24
  stack?: 'channel' | 'type'
  metric?: ReachMetric
  filters?: ActionFilters
  /** Today's date (YYYY-MM-DD), for the default month; tests pin it. */
  today?: string
}

export type Named = { id: number | null; name: string; key: string | null }

/**
 * Everything the reach dashboard shows, in six queries: per month and stack key (which also gives
 * the headline figures and the cumulative series), stakeholders reached and new, per partner,
 * per stakeholder category, per language, and the top actions.
 */
export function monthlyReach(input: MonthlyReachInput = {}) {
  const month = input.month ?? lastCompleteMonth(input.today)
  const months = input.months ?? 12
  const stack = input.stack ?? 'channel'
  const metric = input.metric ?? 'actions'
  const filters: ActionFilters = { validatedOnly: true, ...input.filters }
  const counted = countedActionsWhere(filters)
  const previous = addMonths(month, -1)
  const yearAgo = addMonths(month, -12)
  const windowStart = addMonths(month, -(months - 1))
  const project = projectRow()

  // The period of the cumulative chart: the project-wide target for the metric covering the month
  // (a reporting period preferred), else the reporting period holding the month, else the project.
  const periodTargets = activeTargets(metric, firstDay(month), lastDay(month), null)
    .filter((t) => t.periodKind !== 'month')
    .sort(
      (a, b) =>
        periodPreference[a.periodKind] - periodPreference[b.periodKind] ||
        a.periodStart.localeCompare(b.periodStart) ||
        a.id - b.id,
    )
  const cumulativeTarget = periodTargets[0] ?? null
  const reportingPeriods: ReportingPeriod[] = project ? JSON.parse(project.reportingPeriods || '[]') : []
  const fallbackPeriod = reportingPeriods.find((p) => p.start <= lastDay(month) && p.end >= firstDay(month))
  const period = cumulativeTarget
    ? { start: cumulativeTarget.periodStart, end: cumulativeTarget.periodEnd, label: cumulativeTarget.label }
    : fallbackPeriod
      ? { start: fallbackPeriod.start, end: fallbackPeriod.end, label: fallbackPeriod.label }
      : {
          start: project?.startDate ?? firstDay(windowStart),
          end: project?.endDate ?? lastDay(month),
          label: project?.name ?? null,
        }
  const periodStartMonth = period.start.slice(0, 7)

  // 1. Per month and stack key, over everything any chart of the page needs.
  const from = [windowStart, yearAgo, periodStartMonth < month ? periodStartMonth : month].sort()[0]
  const monthly = monthlyByKey(from, month, stack, filters)

  const byMonth = new Map<string, Figures>()
  for (const row of monthly) {
    const total = byMonth.get(row.month) ?? zero()
    const f = figures(row)
    total.actions += f.actions
    total.participants += f.participants
    total.onlineReach += f.onlineReach
    total.engagements += f.engagements
    byMonth.set(row.month, total)
  }
  const totalOf = (m: string) => byMonth.get(m) ?? zero()

  // 2. Distinct stakeholders reached in the three months compared (one query); stakeholders newly
  // engaged come from the plan's own metric, so the dashboard and the targets agree.
  // One statement for everything that joins actions to the stakeholders they reached: distinct
  // stakeholders in the three months compared, and the month's figures per stakeholder category
  // (an action reaching two categories counts in both; stakeholders are distinct per category).
  // Without an action filter from the trigger-kept stakeholder_reach_months (index entries only);
  // with one, each month on its own (an equality on month lets the covering index drive the join).
  const reachedRows = [month, previous, yearAgo].map((m) => ({
    month: m,
    reached: Number(
      db.get<{ n: number }>(
        hasActionFilter(filters)
          ? sql`select count(distinct x.stakeholder_id) as n
              from actions join action_stakeholders x on x.action_id = actions.id
              where actions.month = ${m} and ${counted}`
          : sql`select count(distinct r.stakeholder_id) as n from stakeholder_reach_months r where ${reachStatuses(filters)} and r.month = ${m}`,
      )?.n ?? 0,
    ),
  }))
  const stakeholderFacts = db.all<
    FigureRow & { kind: 'reached' | 'category'; k: string | number; n: number }
  >(sql`
    with rc as materialized (
      select actions.id as aid, x.stakeholder_id as sid, x.category_id as cid, actions.participants as p,
        actions.online_reach as o, actions.engagements as e
      from actions join action_stakeholders x on x.action_id = actions.id
      where actions.month = ${month} and ${counted}
    )
    select 'reached' as kind, cid as k, count(distinct sid) as n, 0 as actions, 0 as participants, 0 as onlineReach, 0 as engagements
      from rc group by cid
    union all
    select 'category', cid, 0, count(*), coalesce(sum(p), 0), coalesce(sum(o), 0), coalesce(sum(e), 0)
      from (select distinct aid, cid, p, o, e from rc) group by cid`)
  const newlyEngaged = (m: string) => {
    // A stakeholder-state metric: the partner filter means the owner partner, the category filter the category.
    const facet = filters.partner
      ? { breakdown: 'partner' as const, breakdownValue: filters.partner }
      : filters.category
        ? { breakdown: 'category' as const, breakdownValue: filters.category }
        : {}
    return computeMetric({
      metric: 'new_stakeholders_engaged',
      from: firstDay(m),
      to: lastDay(m),
      includeSubmitted: filters.validatedOnly === false,
      ...facet,
    })
  }

  const headline: Headline[] = headlineKeys.map((key) => {
    const pick = (m: string) => {
      if (key === 'stakeholdersReached') return Number(reachedRows.find((r) => r.month === m)?.reached ?? 0)
      if (key === 'newStakeholders') return newlyEngaged(m)
      return totalOf(m)[key]
    }
    return { key, value: pick(month), previous: pick(previous), yearAgo: pick(yearAgo) }
  })

  // Stack keys with their names, only those present in the window.
  const windowRows = monthly.filter((r) => r.month >= windowStart)
  const keyIds = [...new Set(windowRows.map((r) => r.key))]
  const names =
    stack === 'channel'
      ? db.all<Named>(sql`select id, name, key from channels`)
      : db.all<Named>(sql`select id, name, key from action_types`)
  const stackKeys: Named[] = keyIds
    .map((id) => names.find((n) => n.id === id) ?? { id: null, name: '', key: null })
    .sort((a, b) => (a.id === null ? 1 : b.id === null ? -1 : a.name.localeCompare(b.name)))
  const series = monthRange(windowStart, month).map((m) => {
    const byKey: Record<string, Figures> = {}
    for (const r of windowRows) if (r.month === m) byKey[String(r.key)] = figures(r)
    return { month: m, total: totalOf(m), byKey }
  })

  // 3. Per partner for the month, with each partner's target for the chosen metric.
  const partnerRows = db.all<FigureRow & { id: number; name: string }>(sql`
    select p.id as id, p.name as name, coalesce(a.actions, 0) as actions, coalesce(a.participants, 0) as participants,
      coalesce(a.onlineReach, 0) as onlineReach, coalesce(a.engagements, 0) as engagements
    from partners p
    left join (
      select actions.partner_id as pid, ${figureColumns} from actions
      where actions.month = ${month} and ${counted}
      group by actions.partner_id
    ) a on a.pid = p.id
    where ${filters.partner ? sql`p.id = ${filters.partner}` : sql`(p.archived_at is null or a.pid is not null)`}
    order by p.name`)
  const partnerTargets = activeTargets(metric, firstDay(month), lastDay(month), 'partner')
  const byPartner = partnerRows.map((p) => {
    const own = partnerTargets.filter((t) => t.breakdownValue === String(p.id))
    const target = own.length
      ? round1(own.reduce((s, t) => s + proratedTarget(t, firstDay(month), lastDay(month)), 0))
      : null
    return { id: p.id, name: p.name, ...figures(p), target }
  })

  // 4. Per stakeholder category (from the stakeholder statement above), every live category listed.
  const categoryFigures = stakeholderFacts
    .filter((f) => f.kind === 'category')
    .map((f) => ({ ...f, cid: Number(f.k) }))
  const categoryReached = stakeholderFacts
    .filter((f) => f.kind === 'reached')
    .map((f) => ({ cid: Number(f.k), n: Number(f.n) }))
  const categoryList = db.all<{ id: number; name: string; key: string | null; archived: string | null }>(
    sql`select id, name, key, archived_at as archived from stakeholder_categories order by sort_order, name`,
  )
  const byCategory = categoryList
    .filter((c) =>
      filters.category
        ? c.id === filters.category
        : !c.archived || categoryFigures.some((f) => f.cid === c.id),
    )
    .map((c) => ({
      id: c.id,
      name: c.name,
      key: c.key,
      ...figures(categoryFigures.find((f) => f.cid === c.id)),
      stakeholders: Number(categoryReached.find((r) => r.cid === c.id)?.n ?? 0),
    }))

  // 5. Per language: an action in two languages counts in both; working languages always listed.
  const languageRows = db.all<FigureRow & { language: string }>(sql`
    select l.language as language, ${figureColumns}
    from actions join action_languages l on l.action_id = actions.id
    where actions.month = ${month} and ${counted}
    group by l.language`)
  const workingLanguages: string[] = project ? JSON.parse(project.workingLanguages || '[]') : []
  const languages = [...new Set([...workingLanguages, ...languageRows.map((r) => r.language)])]
  const byLanguage = languages.map((language) => ({
    language,
    working: workingLanguages.includes(language),
    ...figures(languageRows.find((r) => r.language === language)),
  }))

  // Cumulative over the period, the target line, and the linear projection of the actual pace.
  const fk = figureKey[metric]
  const periodMonths = monthRange(periodStartMonth, period.end.slice(0, 7))
  const periodDays = daysBetween(period.start, period.end)
  let running = 0
  let actualToDate = 0
  const selectedEnd = lastDay(month) < period.end ? lastDay(month) : period.end
  const elapsedToSelected = Math.max(1, daysBetween(period.start, selectedEnd))
  const cumulativeRows = periodMonths.map((m) => {
    const end = lastDay(m) < period.end ? lastDay(m) : period.end
    const elapsed = daysBetween(period.start, end)
    let actual: number | null = null
    if (m <= month) {
      running += totalOf(m)[fk]
      actual = running
      actualToDate = running
    }
    const target = cumulativeTarget ? round1((cumulativeTarget.value * elapsed) / periodDays) : null
    const projection =
      m >= month && month >= periodStartMonth ? round1((actualToDate * elapsed) / elapsedToSelected) : null
    return { month: m, actual, target, projection }
  })
  const cumulative = {
    metric,
    period,
    target: cumulativeTarget
      ? {
          id: cumulativeTarget.id,
          label: cumulativeTarget.label,
          value: cumulativeTarget.value,
          periodKind: cumulativeTarget.periodKind,
        }
      : null,
    actualToDate: month >= periodStartMonth ? actualToDate : 0,
    projectedAtEnd:
      month >= periodStartMonth && month <= period.end.slice(0, 7)
        ? round1((actualToDate * periodDays) / elapsedToSelected)
        : null,
    rows: cumulativeRows,
  }

  // 6. The month's most far-reaching actions.
  const topActions = db.all<{
    id: number
    title: string
    date: string
    partner: string
    type: string
    typeKey: string | null
    channel: string | null
    channelKey: string | null
    participants: number | null
    onlineReach: number | null
    engagements: number | null
    reach: number
  }>(sql`
    select actions.id as id, actions.title as title, actions.date as date, p.name as partner, t.name as type, t.key as typeKey,
      c.name as channel, c.key as channelKey, actions.participants as participants, actions.online_reach as onlineReach,
      actions.engagements as engagements, coalesce(actions.online_reach, 0) + coalesce(actions.participants, 0) as reach
    from actions
    join partners p on p.id = actions.partner_id
    join action_types t on t.id = actions.type_id
    left join channels c on c.id = actions.channel_id
    where actions.id in (
      -- The covering index holds the figures: ranking a month reads no table rows (16 ms -> 1 ms at
      -- a million actions; left to itself the planner picks the month index and reads every row).
      select actions.id from actions indexed by actions_counted_idx where actions.month = ${month} and ${counted}
      order by coalesce(actions.online_reach, 0) + coalesce(actions.participants, 0) desc, actions.id desc
      limit 10
    )
    order by reach desc, actions.id desc`)

  return {
    month,
    months,
    stack,
    metric,
    filters,
    previous,
    yearAgo,
    projectName: project?.name ?? 'Ripple',
    headline,
    stackKeys,
    series,
    byPartner,
    byCategory,
    byLanguage,
    cumulative,
    topActions,
  }
}
export type MonthlyReach = ReturnType<typeof monthlyReach>

function round1(n: number) {
  return Math.round(n * 10) / 10
}

/** The options of the filter form: partners, channels, types and stakeholder categories. */
export function dashboardOptions() {
  return {
    partners: db.all<{ id: number; name: string }>(
      sql`select id, name from partners where archived_at is null order by name`,
    ),
    channels: db.all<Named>(
      sql`select id, name, key from channels where archived_at is null order by sort_order, name`,
    ),
    types: db.all<Named>(
      sql`select id, name, key from action_types where archived_at is null order by sort_order, name`,
    ),
    categories: db.all<Named>(
      sql`select id, name, key from stakeholder_categories where archived_at is null order by sort_order, name`,
    ),
    groups: db.all<{ id: number; name: string }>(
      sql`select id, name from stakeholder_groups where archived_at is null order by name`,
    ),
  }
}

// ---------------------------------------------------------------------------------------------
// Coverage

export type CoverageInput = {
  month?: string
  /** "Not reached in the last N months" and "working languages not used" look at this window. */
  since?: number
  /** A stakeholder group instead of tier A for the "not reached" list. */
  group?: number
  filters?: ActionFilters
  today?: string
  /** How many unreached stakeholders to list (the count is always complete). */
  limit?: number
}

/**
 * Everything the coverage dashboard shows: target progress, priority stakeholders not reached
 * in the window, partners with no action in the month, working languages not used in the window,
 * and materials per language.
 */
export function coverage(input: CoverageInput = {}) {
  const month = input.month ?? lastCompleteMonth(input.today)
  const since = input.since ?? 6
  const windowStart = addMonths(month, -(since - 1))
  const limit = input.limit ?? 100
  const filters: ActionFilters = { validatedOnly: true, ...input.filters }
  // The category filter narrows the stakeholder population here, not the actions.
  const counted = countedActionsWhere({ ...filters, category: undefined })
  const project = projectRow()
  const workingLanguages: string[] = project ? JSON.parse(project.workingLanguages || '[]') : []

  // Priority stakeholders (tier A, or a group's members) not reached in the window.
  const group = input.group
    ? db.get<{ id: number; name: string; filter: string }>(
        sql`select id, name, filter from stakeholder_groups where id = ${input.group} and archived_at is null`,
      )
    : undefined
  const population: SQL = group
    ? groupMembersWhere(JSON.parse(group.filter || '{}'))
    : sql`stakeholders.archived_at is null and stakeholders.merged_into_id is null and stakeholders.id in (select stakeholder_id from stakeholder_priority where tier = 'A')`
  const inCategory = filters.category ? sql`stakeholders.category_id = ${filters.category}` : sql`1`
  // Without an action filter, "reached" reads the trigger-kept stakeholder_reach_months (one index
  // probe per member); with one, the counted actions' links in the window.
  const reachedInWindow = hasActionFilter(filters)
    ? sql`stakeholders.id in (select x.stakeholder_id from action_stakeholders x join actions on actions.id = x.action_id
        where actions.month between ${windowStart} and ${month} and ${counted})`
    : sql`exists (select 1 from stakeholder_reach_months r where r.stakeholder_id = stakeholders.id and ${reachStatuses(filters)}
        and r.month between ${windowStart} and ${month})`
  // One pass: the reached set is built once; the window functions count the whole population
  // before the unreached rows are picked, so the list and its counts always agree.
  type UnreachedRow = {
    id: number
    name: string
    category: string
    categoryKey: string | null
    ownerId: number | null
    owner: string | null
    tier: string | null
    score: number | null
    lastReached: string | null
    total: number
    unreached: number
  }
  const unreachedRows = db.all<UnreachedRow>(sql`
    with pop as materialized (
      select stakeholders.id as id, stakeholders.name as name, stakeholders.category_id as categoryId,
        stakeholders.owner_partner_id as ownerId, ${reachedInWindow} as isReached
      from stakeholders where ${population} and ${inCategory}
    ),
    counted_pop as (
      select pop.*, count(*) over () as total, sum(1 - pop.isReached) over () as unreached from pop
    ),
    picked as materialized (
      select cp.*, sp.tier as tier, sp.score as score from counted_pop cp
      left join stakeholder_priority sp on sp.stakeholder_id = cp.id
      where cp.isReached = 0
      order by sp.score is null, sp.score desc, cp.name, cp.id
      limit ${limit}
    )
    -- The last contact is looked up for the listed rows only, after the limit.
    select cp.id as id, cp.name as name, c.name as category, c.key as categoryKey, cp.ownerId as ownerId, p.name as owner,
      cp.tier as tier, cp.score as score, cp.total as total, cp.unreached as unreached,
      (select max(actions.date) from action_stakeholders x join actions on actions.id = x.action_id
        where x.stakeholder_id = cp.id and actions.date <= ${lastDay(month)} and ${counted}) as lastReached
    from picked cp
    join stakeholder_categories c on c.id = cp.categoryId
    left join partners p on p.id = cp.ownerId
    order by cp.score is null, cp.score desc, cp.name, cp.id`)
  const unreached = unreachedRows.map(({ total: _t, unreached: _u, ...row }) => row)
  // With nobody unreached the list is empty; count the population on its own then.
  const counts = unreachedRows.length
    ? { total: Number(unreachedRows[0].total), unreached: Number(unreachedRows[0].unreached) }
    : {
        total: Number(
          db.get<{ n: number }>(
            sql`select count(*) as n from stakeholders where ${population} and ${inCategory}`,
          )?.n ?? 0,
        ),
        unreached: 0,
      }

  // Partners with no counted action in the month.
  const partnersActive = db.all<{ id: number; name: string; actions: number; lastAction: string | null }>(sql`
    with monthCounts as materialized (
      select actions.partner_id as pid, count(*) as n from actions where actions.month = ${month} and ${counted} group by actions.partner_id
    )
    select p.id as id, p.name as name,
      coalesce((select a.n from monthCounts a where a.pid = p.id), 0) as actions,
      (select actions.date from actions where actions.partner_id = p.id and actions.date <= ${lastDay(month)} and ${counted}
        order by actions.date desc limit 1) as lastAction
    from partners p
    where p.archived_at is null ${filters.partner ? sql`and p.id = ${filters.partner}` : sql``}
    order by p.name`)
  const inactivePartners = partnersActive
    .filter((p) => Number(p.actions) === 0)
    .map((p) => ({ id: p.id, name: p.name, lastAction: p.lastAction }))

  // Languages used by counted actions in the window.
  // Without an action filter from the trigger-kept action_language_months (a few rows a month).
  const languageRows = hasActionFilter(filters)
    ? db.all<{ language: string; actions: number }>(sql`
        select l.language as language, count(*) as actions
        from actions join action_languages l on l.action_id = actions.id
        where actions.month between ${windowStart} and ${month} and ${counted}
        group by l.language`)
    : db.all<{ language: string; actions: number }>(sql`
        select r.language as language, sum(r.actions) as actions from action_language_months r
        where ${reachStatuses(filters)} and r.month between ${windowStart} and ${month}
        group by r.language`)
  const languages = workingLanguages.map((language) => ({
    language,
    actions: Number(languageRows.find((r) => r.language === language)?.actions ?? 0),
  }))

  // Materials per language: every working language (even with none), then any other language.
  const materialRows = db.all<{ language: string; materials: number }>(sql`
    select language, count(*) as materials from materials where archived_at is null group by language order by language`)
  const materialLanguages = [...new Set([...workingLanguages, ...materialRows.map((r) => r.language)])]
  const materialsByLanguage = materialLanguages.map((language) => ({
    language,
    working: workingLanguages.includes(language),
    materials: Number(materialRows.find((r) => r.language === language)?.materials ?? 0),
  }))

  return {
    month,
    since,
    windowStart,
    filters,
    projectName: project?.name ?? 'Ripple',
    targets: targetProgressList({ month, filters, today: input.today }),
    priority: {
      group: group ? { id: group.id, name: group.name } : null,
      total: Number(counts.total),
      unreached: Number(counts.unreached),
      rows: unreached,
      limit,
    },
    partners: {
      total: partnersActive.length,
      active: partnersActive.length - inactivePartners.length,
      inactive: inactivePartners,
    },
    languages: {
      working: languages,
      unused: languages.filter((l) => l.actions === 0).map((l) => l.language),
    },
    materials: materialsByLanguage,
  }
}
export type Coverage = ReturnType<typeof coverage>

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

function computeTargetProgressList(asOf: string, filters: ActionFilters): TargetProgressRow[] {
  const rows =
    db.all<TargetRow>(sql`select id, label, metric, period_kind as periodKind, period_start as periodStart, period_end as periodEnd,
      breakdown, breakdown_value as breakdownValue, value
    from targets where archived_at is null order by period_start, metric, breakdown, breakdown_value, id`)
  const narrowing =
    filters.partner || filters.channel || filters.type
      ? actionWhere({ partner: filters.partner, channel: filters.channel, type: filters.type })
      : undefined
  const labels = new Map<string, Map<string, { label: string; key?: string | null }>>()
  const labelFor = (breakdown: string, value: string) => {
    if (!labels.has(breakdown))
      labels.set(breakdown, new Map(breakdownOptions(breakdown as TargetBreakdown).map((o) => [o.value, o])))
    return labels.get(breakdown)!.get(value)
  }
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

// ---------------------------------------------------------------------------------------------
// Tables: the same cells for the page and the CSV export

const figureColumnsModel: Column[] = [
  { key: 'actions', label: 'figures.actions', numeric: true },
  { key: 'participants', label: 'figures.participants', numeric: true },
  { key: 'onlineReach', label: 'figures.onlineReach', numeric: true },
  { key: 'engagements', label: 'figures.engagements', numeric: true },
]
const figureCells = (f: Figures): Cell[] => [
  num(f.actions),
  num(f.participants),
  num(f.onlineReach),
  num(f.engagements),
]

export const reachTableIds = [
  'headline',
  'monthly',
  'partners',
  'categories',
  'languages',
  'cumulative',
  'top',
] as const
export type ReachTableId = (typeof reachTableIds)[number]

/** Translation key of a channel or type name: built-in ones by key, added ones show their name. */
function namedCell(
  n: { name: string; key: string | null } | undefined,
  kind: 'channel' | 'type',
  href?: string,
): Cell {
  if (!n) return text(null, { t: `stack.none.${kind}`, href })
  return text(n.name, {
    t: n.key ? `actions:${kind === 'channel' ? 'channels' : 'types'}.${n.key}` : undefined,
    href,
  })
}

export function reachTables(r: MonthlyReach): TableModel[] {
  const f = r.filters
  const fk = figureKey[r.metric]
  const headline: TableModel = {
    id: 'headline',
    caption: 'tables.headline',
    captionParams: { month: r.month },
    columns: [
      { key: 'figure', label: 'columns.figure' },
      { key: 'value', label: 'columns.thisMonth', numeric: true },
      { key: 'previous', label: 'columns.previousMonth', numeric: true },
      { key: 'previousChange', label: 'columns.changePercent', numeric: true },
      { key: 'yearAgo', label: 'columns.yearAgo', numeric: true },
      { key: 'yearAgoChange', label: 'columns.changePercent', numeric: true },
    ],
    rows: r.headline.map((h) => [
      text(h.key, { t: `figures.${h.key}` }),
      num(h.value),
      num(h.previous),
      pct(percentChange(h.value, h.previous)),
      num(h.yearAgo),
      pct(percentChange(h.value, h.yearAgo)),
    ]),
  }
  const monthly: TableModel = {
    id: 'monthly',
    caption: 'tables.monthly',
    captionParams: { metric: r.metric, months: r.months },
    columns: [
      { key: 'month', label: 'columns.month' },
      ...r.stackKeys.map((k) => ({
        key: `k${k.id}`,
        label:
          k.id === null
            ? `stack.none.${r.stack}`
            : k.key
              ? `actions:${r.stack === 'channel' ? 'channels' : 'types'}.${k.key}`
              : 'stack.custom',
        labelParams: { defaultValue: k.name, name: k.name },
      })),
      { key: 'total', label: 'columns.total', numeric: true },
    ].map((c, i) => (i === 0 ? c : { ...c, numeric: true })),
    rows: r.series.map((s) => [
      monthCell(s.month, { href: actionsLink(f, s.month, s.month) }),
      ...r.stackKeys.map((k) => num(s.byKey[String(k.id)]?.[fk] ?? 0)),
      num(s.total[fk]),
    ]),
  }
  const partnerTotal = r.byPartner.reduce(
    (acc, p) => ({
      ...acc,
      actions: acc.actions + p.actions,
      participants: acc.participants + p.participants,
      onlineReach: acc.onlineReach + p.onlineReach,
      engagements: acc.engagements + p.engagements,
    }),
    zero(),
  )
  const partners: TableModel = {
    id: 'partners',
    caption: 'tables.partners',
    captionParams: { month: r.month },
    columns: [
      { key: 'partner', label: 'columns.partner' },
      ...figureColumnsModel,
      { key: 'target', label: 'columns.target', labelParams: { metric: r.metric }, numeric: true },
      { key: 'targetShare', label: 'columns.ofTarget', numeric: true },
    ],
    rows: r.byPartner.map((p) => [
      text(p.name, { href: actionsLink(f, r.month, r.month, { partner: p.id }) }),
      ...figureCells(p),
      num(p.target),
      pct(p.target ? Math.round((p[fk] / p.target) * 1000) / 10 : null),
    ]),
    footer: [text('total', { t: 'columns.total' }), ...figureCells(partnerTotal), num(null), pct(null)],
  }
  const categories: TableModel = {
    id: 'categories',
    caption: 'tables.categories',
    captionParams: { month: r.month },
    columns: [
      { key: 'category', label: 'columns.category' },
      ...figureColumnsModel,
      { key: 'stakeholders', label: 'figures.stakeholdersReached', numeric: true },
    ],
    rows: r.byCategory.map((c) => [
      text(c.name, { t: c.key ? `stakeholders:categories.${c.key}` : undefined }),
      ...figureCells(c),
      num(c.stakeholders),
    ]),
  }
  const languages: TableModel = {
    id: 'languages',
    caption: 'tables.languages',
    captionParams: { month: r.month },
    columns: [{ key: 'language', label: 'columns.language' }, ...figureColumnsModel],
    rows: r.byLanguage.map((l) => [
      text(l.language, {
        t: `common:languages.${l.language}`,
        href: actionsLink(f, r.month, r.month, { language: l.language }),
      }),
      ...figureCells(l),
    ]),
  }
  const cumulative: TableModel = {
    id: 'cumulative',
    caption: 'tables.cumulative',
    captionParams: { metric: r.metric },
    columns: [
      { key: 'month', label: 'columns.month' },
      { key: 'actual', label: 'columns.cumulativeActual', numeric: true },
      { key: 'target', label: 'columns.targetPace', numeric: true },
      { key: 'projection', label: 'columns.projection', numeric: true },
    ],
    rows: r.cumulative.rows.map((c) => [monthCell(c.month), num(c.actual), num(c.target), num(c.projection)]),
  }
  const top: TableModel = {
    id: 'top',
    caption: 'tables.top',
    captionParams: { month: r.month },
    columns: [
      { key: 'title', label: 'columns.action' },
      { key: 'date', label: 'columns.date' },
      { key: 'partner', label: 'columns.partner' },
      { key: 'type', label: 'columns.type' },
      { key: 'channel', label: 'columns.channel' },
      { key: 'participants', label: 'figures.participants', numeric: true },
      { key: 'onlineReach', label: 'figures.onlineReach', numeric: true },
      { key: 'engagements', label: 'figures.engagements', numeric: true },
    ],
    rows: r.topActions.map((a) => [
      text(a.title, { href: `/actions/${a.id}` }),
      dateCell(a.date),
      text(a.partner),
      namedCell({ name: a.type, key: a.typeKey }, 'type'),
      a.channel
        ? namedCell({ name: a.channel, key: a.channelKey }, 'channel')
        : namedCell(undefined, 'channel'),
      num(a.participants),
      num(a.onlineReach),
      num(a.engagements),
    ]),
  }
  return [headline, monthly, partners, categories, languages, cumulative, top]
}

export const coverageTableIds = ['targets', 'unreached', 'partners', 'languages', 'materials'] as const

export function coverageTables(c: Coverage): TableModel[] {
  const targets: TableModel = {
    id: 'targets',
    caption: 'tables.targets',
    columns: [
      { key: 'target', label: 'columns.targetName' },
      { key: 'breakdown', label: 'columns.for' },
      { key: 'period', label: 'columns.period' },
      { key: 'value', label: 'columns.targetValue', numeric: true },
      { key: 'actual', label: 'columns.actual', numeric: true },
      { key: 'percentage', label: 'columns.percentage', numeric: true },
      { key: 'projection', label: 'columns.projection', numeric: true },
      { key: 'status', label: 'columns.status' },
    ],
    rows: c.targets.map((t) => [
      text(t.label ?? t.metric, { t: t.label ? undefined : `metrics.${t.metric}`, href: `/plan/targets` }),
      t.breakdown
        ? text(t.breakdownLabel, {
            t:
              t.breakdown === 'language'
                ? `common:languages.${t.breakdownValue}`
                : t.breakdownKey
                  ? breakdownKeyLabel(t.breakdown, t.breakdownKey)
                  : undefined,
          })
        : text('all', { t: 'coverage.wholeProject' }),
      text(`${t.periodStart} – ${t.periodEnd}`),
      num(t.value),
      num(t.actual),
      pct(t.percentage),
      num(t.projection),
      text(t.status, { t: `status.${t.status}` }),
    ]),
  }
  const unreached: TableModel = {
    id: 'unreached',
    caption: c.priority.group ? 'tables.unreachedGroup' : 'tables.unreached',
    captionParams: { months: c.since, group: c.priority.group?.name ?? '' },
    columns: [
      { key: 'stakeholder', label: 'columns.stakeholder' },
      { key: 'category', label: 'columns.category' },
      { key: 'tier', label: 'columns.tier' },
      { key: 'owner', label: 'columns.owner' },
      { key: 'lastReached', label: 'columns.lastReached' },
    ],
    rows: c.priority.rows.map((s) => [
      text(s.name, { href: `/stakeholders/${s.id}` }),
      text(s.category, { t: s.categoryKey ? `stakeholders:categories.${s.categoryKey}` : undefined }),
      text(s.tier),
      s.owner ? text(s.owner) : text(null, { t: 'coverage.noOwner' }),
      s.lastReached ? dateCell(s.lastReached) : text(null, { t: 'coverage.never' }),
    ]),
  }
  const partners: TableModel = {
    id: 'partners',
    caption: 'tables.inactivePartners',
    captionParams: { month: c.month },
    columns: [
      { key: 'partner', label: 'columns.partner' },
      { key: 'lastAction', label: 'columns.lastAction' },
    ],
    rows: c.partners.inactive.map((p) => [
      text(p.name, { href: actionsLink(c.filters, addMonths(c.month, -11), c.month, { partner: p.id }) }),
      p.lastAction ? dateCell(p.lastAction) : text(null, { t: 'coverage.never' }),
    ]),
  }
  const languages: TableModel = {
    id: 'languages',
    caption: 'tables.workingLanguages',
    captionParams: { months: c.since },
    columns: [
      { key: 'language', label: 'columns.language' },
      { key: 'actions', label: 'figures.actions', numeric: true },
      { key: 'used', label: 'columns.used' },
    ],
    rows: c.languages.working.map((l) => [
      text(l.language, {
        t: `common:languages.${l.language}`,
        href: actionsLink(c.filters, c.windowStart, c.month, { language: l.language }),
      }),
      num(l.actions),
      text(l.actions > 0 ? 'yes' : 'no', { t: l.actions > 0 ? 'coverage.used' : 'coverage.notUsed' }),
    ]),
  }
  const materials: TableModel = {
    id: 'materials',
    caption: 'tables.materials',
    columns: [
      { key: 'language', label: 'columns.language' },
      { key: 'materials', label: 'columns.materials', numeric: true },
      { key: 'working', label: 'columns.workingLanguage' },
    ],
    rows: c.materials.map((m) => [
      text(m.language, { t: `common:languages.${m.language}` }),
      num(m.materials),
      text(m.working ? 'yes' : 'no', { t: m.working ? 'common:yes' : 'common:no' }),
    ]),
  }
  return [targets, unreached, partners, languages, materials]
}

function breakdownKeyLabel(breakdown: string, key: string) {
  if (breakdown === 'type') return `actions:types.${key}`
  if (breakdown === 'channel') return `actions:channels.${key}`
  if (breakdown === 'category') return `stakeholders:categories.${key}`
  return undefined
}

export {
  type ActionFilters,
  actionsLink,
  addMonths,
  daysBetween,
  figureKey,
  type Figures,
  firstDay,
  lastDay,
  monthRange,
  type ReachMetric,
  reachMetrics,
}

const additiveMetrics = new Set(['actions', 'participants', 'online_reach', 'engagements'])
const batchBreakdowns = new Set([null, 'partner', 'type', 'channel'])
const batchColumn: Record<string, SQL> = {
  partner: sql`actions.partner_id`,
  type: sql`actions.type_id`,
  channel: sql`actions.channel_id`,
}

/**
 * The actuals of the additive targets (actions, participants, online reach, engagements; whole
 * project or per partner, type or channel) over whole months: one grouped, index-only query per
 * breakdown (month x partner, month x type, ...) over all the periods at once, then each target
 * adds up its months. The figures equal computeMetric's (tested); every other target goes through
 * targetProgress one by one.
 */
function batchedActuals(targets: TargetRow[], asOf: string, filters: ActionFilters): Map<number, number> {
  const out = new Map<number, number>()
  const byBreakdown = new Map<string, { target: TargetRow; from: string; to: string }[]>()
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
  const counted = countedActionsWhere({ ...filters, category: undefined })
  for (const [kind, members] of byBreakdown) {
    const from = members.reduce((m, x) => (x.from < m ? x.from : m), members[0].from)
    const to = members.reduce((m, x) => (x.to > m ? x.to : m), members[0].to)
    const column = batchColumn[kind]
    const rows = db.all<FigureRow & { month: string; k: number | null }>(sql`
      select actions.month as month, ${column} as k, ${figureColumns} from actions
      where actions.month between ${from} and ${to} and ${counted}
      group by actions.month, k`)
    for (const { target, from: f, to: tt } of members) {
      const fk = figureKey[target.metric as ReachMetric]
      let sum = 0
      for (const r of rows) {
        if (r.month < f || r.month > tt) continue
        if (target.breakdown && String(r.k) !== target.breakdownValue) continue
        sum += Number(r[fk] ?? 0)
      }
      out.set(target.id, sum)
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
