/**
 * Prioritisation: criteria and weights, scores with their history, the materialised weighted
 * score and tier of every scored stakeholder (stakeholder_priority), the power/interest grid and
 * the engagement strategies. The public server entry of the area: routes and tests import from
 * here; the browser uses schemas.ts, scoring.ts and policy.ts directly.
 */
export {
  createCriterion,
  type Criterion,
  getCriterion,
  listCriteria,
  setCriterionArchived,
  setGridCutoffs,
  setThresholds,
  updateCriterion,
} from './criteria.server'
export { filterOptions } from './filters.server'
export { type GridPlacement, gridPlacements } from './grid.server'
export { listRanked, type RankedRow } from './ranking.server'
export { getPriority, type Priority, recomputeAllPriorities, recomputePriorities } from './recompute.server'
export {
  type CriterionInput,
  criterionSchema,
  gridCutoffsSchema,
  type PriorityFilter,
  priorityFilterFromUrl,
  priorityFilterSchema,
  thresholdsSchema,
} from './schemas'
export {
  isScorableStakeholder,
  type ScoreChange,
  scoreHistory,
  type ScoreHistoryEntry,
  scoreHistoryPanel,
  scoreStakeholder,
  stakeholderName,
} from './scores.server'
export { scoringPage, type ScoringRow } from './scoring-page.server'
export {
  getGroup,
  groupsOfStakeholder,
  groupStrategies,
  quadrantStrategies,
  saveStrategy,
  type StakeholderStrategy,
  strategyForStakeholder,
  type StrategyTarget,
  type StrategyView,
} from './strategies.server'
export { getGridCutoffs, getThresholds } from './thresholds.server'
