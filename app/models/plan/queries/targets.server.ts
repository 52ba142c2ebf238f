import { desc, eq, isNotNull, isNull } from 'drizzle-orm'

import { db } from '#db/client'
import { type ReportingPeriod, targetBreakdowns, targetMetrics, targetPeriodKinds, targets } from '#db/schema'

import { targetProgress, type TargetStatus, targetStatuses } from '../metrics/progress.server'
import { breakdownOptions } from '../metrics/rows.server'
import { type TargetFormData } from '../schemas'

export type Target = typeof targets.$inferSelect
export type TargetPeriodKind = (typeof targetPeriodKinds)[number]
type ProjectDates = { startDate: string; endDate: string; reportingPeriods: ReportingPeriod[] }

const isoMonth = /^\d{4}-(0[1-9]|1[0-2])$/
const isoQuarter = /^\d{4}-Q[1-4]$/

function lastDayOfMonth(year: number, month: number) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}
const pad = (n: number) => String(n).padStart(2, '0')

/** First and last day of a period chosen in the form. */
export function periodBounds(
  kind: TargetPeriodKind,
  input: { month?: string; quarter?: string; reportingPeriod?: number },
  project: ProjectDates,
): { start: string; end: string } | null {
  switch (kind) {
    case 'month': {
      if (!input.month || !isoMonth.test(input.month)) return null
      const [y, m] = input.month.split('-').map(Number)
      return { start: `${input.month}-01`, end: `${input.month}-${pad(lastDayOfMonth(y, m))}` }
    }
    case 'quarter': {
      if (!input.quarter || !isoQuarter.test(input.quarter)) return null
      const y = Number(input.quarter.slice(0, 4))
      const first = (Number(input.quarter.slice(-1)) - 1) * 3 + 1
      const last = first + 2
      return { start: `${y}-${pad(first)}-01`, end: `${y}-${pad(last)}-${pad(lastDayOfMonth(y, last))}` }
    }
    case 'reporting_period': {
      const p =
        input.reportingPeriod === undefined ? undefined : project.reportingPeriods[input.reportingPeriod]
      return p ? { start: p.start, end: p.end } : null
    }
    case 'project':
      return { start: project.startDate, end: project.endDate }
  }
}

/** The quarters the project spans, e.g. ["2025-Q1", ...]. */
export function projectQuarters(project: { startDate: string; endDate: string }) {
  const out: string[] = []
  const startYear = Number(project.startDate.slice(0, 4))
  const endYear = Number(project.endDate.slice(0, 4))
  for (let y = startYear; y <= endYear; y++) for (let q = 1; q <= 4; q++) out.push(`${y}-Q${q}`)
  return out
}

/** Every facet a target can be for, grouped by breakdown, for the form's select. */
export function facetOptions() {
  return targetBreakdowns.map((breakdown) => ({ breakdown, options: breakdownOptions(breakdown) }))
}

export function getTarget(id: number) {
  return db.select().from(targets).where(eq(targets.id, id)).get() ?? null
}

/** The form values that reproduce a stored target. */
export function targetFormValues(target: Target, project: { reportingPeriods: ReportingPeriod[] }) {
  const reportingPeriod = project.reportingPeriods.findIndex(
    (p) => p.start === target.periodStart && p.end === target.periodEnd,
  )
  const month = target.periodStart.slice(0, 7)
  const quarter = `${target.periodStart.slice(0, 4)}-Q${Math.floor((Number(target.periodStart.slice(5, 7)) - 1) / 3) + 1}`
  return {
    label: target.label ?? '',
    metric: target.metric,
    periodKind: target.periodKind,
    month,
    quarter,
    reportingPeriod: reportingPeriod >= 0 ? String(reportingPeriod) : '',
    facet: target.breakdown && target.breakdownValue ? `${target.breakdown}:${target.breakdownValue}` : '',
    value: String(target.value),
  }
}

/** The targets list's switches from its URL (the page and its CSV read the same ones). */
export function targetListOptions(params: URLSearchParams) {
  return {
    includeSubmitted: params.get('includeSubmitted') === '1',
    archived: params.get('archived') === '1',
    status: targetStatuses.find((s) => s === params.get('status')),
  }
}

/** Targets with their progress (actual, percentage, projection, status). */
export function listTargetsWithProgress(options: {
  includeSubmitted: boolean
  archived?: boolean
  /** Only the targets in this state (the home page links to the ones at risk). */
  status?: TargetStatus
  today?: string
}) {
  const rows = db
    .select()
    .from(targets)
    .where(options.archived ? isNotNull(targets.archivedAt) : isNull(targets.archivedAt))
    .orderBy(targets.periodStart, desc(targets.periodEnd), targets.id)
    .all()
  return rows
    .map((target) => ({
      ...target,
      progress: targetProgress(target, { includeSubmitted: options.includeSubmitted, today: options.today }),
    }))
    .filter((t) => !options.status || t.progress.status === options.status)
}

/** A label for a facet value (partner name, type name, tier code...). */
export function facetLabeller() {
  const maps = new Map<string, Map<string, string>>()
  for (const { breakdown, options } of facetOptions())
    maps.set(breakdown, new Map(options.map((o) => [o.value, o.label])))
  return (breakdown: string | null, value: string | null) =>
    breakdown && value ? (maps.get(breakdown)?.get(value) ?? value) : null
}

/** What the target form needs: metrics, period kinds, the project's quarters and reporting periods, facets. */
export function targetFormData(project: ProjectDates): TargetFormData {
  return {
    metrics: targetMetrics,
    periodKinds: targetPeriodKinds,
    quarters: projectQuarters(project),
    reportingPeriods: project.reportingPeriods.map((p) => ({ label: p.label })),
    facets: facetOptions(),
  }
}
