/**
 * The import area's public server entry: the import jobs behind the pages, the one-call imports
 * (benchmark, tests) and the parsing helpers the tests check.
 */
export { parseDate } from './action-import.server'
export { importContactsFromBuffer } from './contact-import.server'
export { countryCode, isBlankValue, languageCode } from './countries.server'
export { decodeUpload, ImportRefusal } from './decode.server'
export { type ColumnMapping, fieldsOf, importFields, type ImportKind } from './fields'
export * from './job.server'
export { jobUnmatchedValues, saveJobValueChoices, type ValueStepField } from './job-values.server'
export { cleanMapping, guessMapping } from './mapping.server'
export { detectDelimiter, type ParsedFile, parseUpload } from './parse.server'
export {
  type Decision,
  decisions,
  distinctLines,
  type ImportReport,
  parseCount,
  type PreviewSummary,
  type WriteMode,
  writeModes,
} from './pipeline.server'
export * from './policy'
export { isSharedDomain } from './shared-domains'
export {
  importStakeholdersFromBuffer,
  previewStakeholderImport,
  type StakeholderImportArgs,
} from './stakeholder-import.server'
export { assertSize, uploadLimitBytes } from './upload-limit.server'
export { parseVCards } from './vcard.server'
