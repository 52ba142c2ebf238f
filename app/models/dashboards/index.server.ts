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
export { countedActionsWhere } from './counted.server'
export {
  type Coverage,
  coverage,
  type CoverageInput,
  progressFromActual,
  targetProgressList,
  type TargetProgressRow,
} from './coverage/index.server'
export { dashboardCsv } from './csv.server'
export { dashboardFilterSchema, type DashboardParams, filtersFrom, parseDashboardParams } from './filters'
export { homeCounts } from './home.server'
export { type HomeTask, type HomeTaskKey, homeTasks, navBadges, UNREACHED_MONTHS } from './home/tasks.server'
export { actionsLink } from './links'
export {
  addMonths,
  daysBetween,
  firstDay,
  lastCompleteMonth,
  lastDay,
  monthRange,
  proratedTarget,
} from './months'
export { dashboardOptions } from './options.server'
export { type PartnerHome, partnerHome } from './partner-home.server'
export { homeKind, homeShortcuts } from './policy'
export {
  monthlyByKey,
  type MonthlyReach,
  monthlyReach,
  type MonthlyReachInput,
  reachHeadline,
} from './reach/index.server'
export { type FilterDescriptionInput, filterFacts } from './reading/describe'
export type { TargetRow } from './shared.server'
export { coverageTableIds, coverageTables } from './tables/coverage'
export { reachTableIds, reachTables } from './tables/reach'
export {
  type ActionFilters,
  figureKey,
  type Figures,
  type Headline,
  type HeadlineKey,
  headlineKeys,
  type Named,
  type ReachMetric,
  reachMetrics,
} from './types'
