/**
 * The outcomes area's public server entry: the register of changes that happened partly thanks
 * to the project, their evidence, and their review. Client-safe forms and policy live in
 * ./schemas and ./policy.
 */
export { createOutcome, setOutcomeArchived, setOutcomeStatus, updateOutcome } from './commands.server'
export { addOutcomeFiles, listOutcomeFiles, outcomeFileContent, setOutcomeFileArchived } from './files.server'
export {
  addIndicatorValue,
  archiveIndicatorValue,
  createIndicator,
  updateIndicator,
} from './indicator-commands.server'
export * from './indicator-schemas'
export {
  getResultIndicator,
  indicatorFigure,
  type IndicatorRecord,
  resultIndicatorFigures,
} from './indicators.server'
export * from './policy'
export * from './queries.server'
export * from './schemas'
