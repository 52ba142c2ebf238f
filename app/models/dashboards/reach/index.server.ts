/**
 * The monthly reach dashboard: every figure is aggregated in SQL and only the aggregates leave
 * this module. Definitions in docs/decisions/010-dashboards.md.
 */
import type { SQL } from 'drizzle-orm'

import { countedActionsWhere } from '../counted.server'
import { addMonths, lastCompleteMonth } from '../months'
import { targetScope } from '../reading/scope'
import { projectRow, workingLanguagesOf } from '../shared.server'
import { type ActionFilters, type Figures, type Headline, headlineKeys, type ReachMetric } from '../types'
import { languageBreakdown, partnerBreakdown } from './breakdowns.server'
import { cumulativePeriod, cumulativeSeries, firstMonthNeeded } from './cumulative.server'
import { monthlyByKey, stackSeries, totalsByMonth } from './monthly.server'
import { categoryBreakdown, newlyEngaged, reachedPerMonth, stakeholderFacts } from './stakeholders.server'
import { topActions } from './top.server'

export { monthlyByKey }

export type MonthlyReachInput = {
  month?: string
  months?: 12 | 24
  stack?: 'channel' | 'type'
  metric?: ReachMetric
  filters?: ActionFilters
  /** Today's date (YYYY-MM-DD), for the default month; tests pin it. */
  today?: string
}

/** The headline figures of the month, the month before and a year before. */
function headlineFigures(
  [month, previous, yearAgo]: [string, string, string],
  filters: ActionFilters,
  counted: SQL,
  totalOf: (month: string) => Figures,
): Headline[] {
  // Distinct stakeholders reached in the three months compared; stakeholders newly engaged come
  // from the plan's own metric, so the dashboard and the targets agree.
  const reachedRows = reachedPerMonth([month, previous, yearAgo], filters, counted)
  return headlineKeys.map((key) => {
    const pick = (m: string) => {
      if (key === 'stakeholdersReached') return Number(reachedRows.find((r) => r.month === m)?.reached ?? 0)
      if (key === 'newStakeholders') return newlyEngaged(m, filters)
      return totalOf(m)[key]
    }
    return { key, value: pick(month), previous: pick(previous), yearAgo: pick(yearAgo) }
  })
}

/**
 * The month's headline figures alone (validated actions, no filter), as the reach dashboard shows
 * them: the home page's figures for a viewer.
 */
export function reachHeadline(month: string): Headline[] {
  const filters: ActionFilters = { validatedOnly: true }
  const yearAgo = addMonths(month, -12)
  const monthly = monthlyByKey(yearAgo, month, 'channel', filters)
  return headlineFigures(
    [month, addMonths(month, -1), yearAgo],
    filters,
    countedActionsWhere(filters),
    totalsByMonth(monthly),
  )
}

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
  const { cumulativeTarget: periodTarget, period } = cumulativePeriod(metric, month, windowStart, project)
  // A project-wide target is not compared with one partner's (channel's, ...) figures.
  const cumulativeScope = periodTarget ? targetScope(periodTarget, filters) : null
  const cumulativeTarget = cumulativeScope?.kind === 'compared' ? periodTarget : null

  // 1. Per month and stack key, over everything any chart of the page needs.
  const monthly = monthlyByKey(firstMonthNeeded(month, windowStart, period), month, stack, filters)
  const totalOf = totalsByMonth(monthly)
  // 2. Stakeholders reached and newly engaged; the month's figures per stakeholder category.
  const headline = headlineFigures([month, previous, yearAgo], filters, counted, totalOf)
  const facts = stakeholderFacts(month, filters, counted)
  const { stackKeys, series } = stackSeries(monthly, { windowStart, month, stack }, totalOf)

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
    // 3. Per partner, 4. per stakeholder category, 5. per language.
    byPartner: scopedPartnerTargets(partnerBreakdown(month, metric, filters, counted), filters),
    /** The filters that keep the partners' targets from being compared (none: they are compared). */
    partnerTargetsNotComparedBy: partnerTargetsNotComparedBy(filters),
    byCategory: categoryBreakdown(facts, filters),
    byLanguage: languageBreakdown(month, filters, counted, workingLanguagesOf(project)),
    cumulative: cumulativeSeries({ metric, month, period, cumulativeTarget, totalOf }),
    /** The period's project-wide target when the filters keep it from being compared. */
    cumulativeNotCompared:
      periodTarget && cumulativeScope?.kind === 'not_compared'
        ? { label: periodTarget.label, value: periodTarget.value, by: cumulativeScope.by }
        : null,
    // 6. The month's most far-reaching actions.
    topActions: topActions(month, counted),
  }
}
export type MonthlyReach = ReturnType<typeof monthlyReach>

/** What keeps a partner's own target from being compared with the view: any filter but the partner. */
function partnerTargetsNotComparedBy(filters: ActionFilters) {
  const scope = targetScope({ breakdown: 'partner', breakdownValue: String(filters.partner ?? '') }, filters)
  return scope.kind === 'not_compared' ? scope.by : []
}

/** Each partner's target for the month, only where the view counts that partner's actions as its target does. */
function scopedPartnerTargets<T extends { target: number | null }>(rows: T[], filters: ActionFilters): T[] {
  return partnerTargetsNotComparedBy(filters).length ? rows.map((r) => ({ ...r, target: null })) : rows
}
