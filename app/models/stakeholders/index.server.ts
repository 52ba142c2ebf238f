/*
 * The stakeholder register's public server entry: what routes, other areas and tests use.
 * Client-safe parts (schemas, policy) may also be imported directly from ./schemas and ./policy.
 */
export {
  createCategory,
  listCategories,
  moveCategory,
  setCategoryArchived,
  updateCategory,
} from './categories.server'
export {
  searchTextFor,
  auditable as stakeholderAuditValues,
  columnsFrom as stakeholderColumnsFrom,
} from './columns.server'
export {
  archiveStakeholder,
  createStakeholder,
  restoreStakeholder,
  updateStakeholder,
  writeStakeholderFields,
} from './commands.server'
export {
  DismissalError,
  dismissDuplicateGroup,
  listDuplicateDismissals,
  undoDuplicateDismissal,
} from './dismissals.server'
export {
  duplicateCandidates,
  type DuplicateGroup,
  type DuplicateReason,
  duplicateReasons,
  findDuplicateGroups,
  MAX_DOMAIN_GROUP,
} from './duplicates.server'
export { requireEditableStakeholder } from './guards.server'
export { MergeError, mergeStakeholders } from './merge.server'
export {
  canAssignOwner,
  canCreateStakeholder,
  canEditStakeholder,
  canImportStakeholders,
  canMergeStakeholders,
} from './policy'
export { getStakeholder, type Stakeholder } from './queries/detail.server'
export { exportStakeholders } from './queries/export.server'
export { listStakeholders, type RegisterRow } from './queries/list.server'
export { stakeholderEditPolicy, stakeholderFormOptions, usedCountries } from './queries/options.server'
export { searchStakeholders, type StakeholderMatch } from './queries/search.server'
export {
  type GroupedTimelineItem,
  groupScoringSessions,
  type ScoreSession,
  stakeholderTimeline,
  type TimelineItem,
} from './queries/timeline.server'
export { invalidReferences } from './references.server'
export {
  builtInCategories,
  type CategoryKey,
  countryCodes,
  type MergeField,
  mergeFields,
  type MergeInput,
  parseStakeholderFilter,
  type StakeholderEditPolicy,
  type StakeholderFilter,
  stakeholderFilterSchema,
  type StakeholderInput,
  stakeholderInputSchema,
  type StakeholderSort,
  stakeholderSorts,
  unreadableFilterParams,
} from './schemas'
export { stakeholderWhere } from './where.server'
