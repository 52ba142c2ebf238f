/** The cumulative chart: the period, its target line and the linear projection of the actual pace. */
import type { ReportingPeriod } from '#db/schema'

import { addMonths, daysBetween, firstDay, lastDay, monthRange, round1 } from '../months'
import { activeTargets, type ProjectRow, type TargetRow } from '../shared.server'
import { figureKey, type Figures, type ReachMetric } from '../types'

const periodPreference: Record<string, number> = { reporting_period: 0, quarter: 1, project: 2, month: 3 }

export type CumulativePeriod = { start: string; end: string; label: string | null }

/**
 * The period of the cumulative chart: the project-wide target for the metric covering the month
 * (a reporting period preferred), else the reporting period holding the month, else the project.
 */
export function cumulativePeriod(
  metric: ReachMetric,
  month: string,
  windowStart: string,
  project: ProjectRow | undefined,
): { cumulativeTarget: TargetRow | null; period: CumulativePeriod } {
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
  return { cumulativeTarget, period }
}

/** The first month any chart of the reach page needs: window, a year ago, or the period's start. */
export function firstMonthNeeded(month: string, windowStart: string, period: CumulativePeriod) {
  const periodStartMonth = period.start.slice(0, 7)
  const yearAgo = addMonths(month, -12)
  return [windowStart, yearAgo, periodStartMonth < month ? periodStartMonth : month].sort()[0]
}

/** Cumulative over the period, the target line, and the linear projection of the actual pace. */
export function cumulativeSeries({
  metric,
  month,
  period,
  cumulativeTarget,
  totalOf,
}: {
  metric: ReachMetric
  month: string
  period: CumulativePeriod
  cumulativeTarget: TargetRow | null
  totalOf: (month: string) => Figures
}) {
  const fk = figureKey[metric]
  const periodStartMonth = period.start.slice(0, 7)
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
  return {
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
}
