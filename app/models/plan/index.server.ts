/**
 * The communication plan's public server entry: the plan's parts and their versions, the work
 * plan, stakeholder groups, targets and their metrics, programme indicators. Client-safe forms,
 * lists and policy live in ./schemas and ./policy.
 */

export { createActivity, setActivityArchived, updateActivity } from './commands/activities.server'
export { createGroup, saveGroupStrategy, setGroupArchived, updateGroup } from './commands/groups.server'
export { saveMappings } from './commands/indicators.server'
export { restoreSectionVersion, savePlanSection } from './commands/sections.server'
export { createTarget, setTargetArchived, updateTarget } from './commands/targets.server'
export { computeMetric } from './metrics/compute.server'
export {
  AT_RISK_SHARE,
  type TargetLike,
  type TargetProgress,
  targetProgress,
  type TargetStatus,
  targetStatuses,
} from './metrics/progress.server'
export {
  type MetricQuery,
  type MetricRow,
  percentageMetrics,
  UnsupportedBreakdownError,
} from './metrics/query.server'
export { reachedInMonths } from './metrics/reach-sets.server'
export { byRegisterVersion } from './metrics/register-cache.server'
export { breakdownOptions, computeMetricRows } from './metrics/rows.server'
export {
  assertCanEditActivity,
  assertCanEditPlan,
  canCreateActivities,
  canEditActivity,
  canEditPlan,
  defaultActivityPartner,
} from './policy'
export {
  activityActions,
  activityFormValues,
  activityScope,
  activityWithState,
  getActivity,
  listActivities,
  openActivitiesDue,
  planFormOptions,
} from './queries/activities.server'
export {
  filterFromForm,
  getGroup,
  groupFilterOptions,
  groupMemberCount,
  groupMembers,
  groupMembersWhere,
  groupStrategy,
  listGroups,
  parseSavedFilter,
  registerLink,
} from './queries/groups.server'
export {
  computeIndicators,
  type IndicatorFigure,
  type IndicatorItem,
  type IndicatorMappings,
  listMappings,
  mappingFormOptions,
} from './queries/indicators.server'
export {
  getPlanSection,
  getSectionVersion,
  isPlanSectionKey,
  listPlanSections,
  listSectionVersions,
  type PlanSectionKey,
  planSectionKeys,
} from './queries/sections.server'
export {
  facetLabeller,
  facetOptions,
  getTarget,
  listTargetsWithProgress,
  periodBounds,
  projectQuarters,
  type Target,
  targetFormData,
  targetFormValues,
  targetListOptions,
  type TargetPeriodKind,
} from './queries/targets.server'
export * from './schemas'
