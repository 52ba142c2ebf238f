/**
 * The import area's public server entry: the import jobs behind the pages, the one-call imports
 * (benchmark, tests) and the parsing helpers the tests check.
 */
export { parseDate } from './action-import.server'
export { importContactsFromBuffer } from './contact-import.server'
export { countryCode, isBlankValue, languageCode } from './countries.server'
export { decodeUpload, encodingChoices, ImportRefusal } from './decode.server'
export { chooseJobEncoding, jobEncoding } from './encoding-choice.server'
export { type ColumnMapping, fieldsOf, importFields, type ImportKind } from './fields'
export * from './job.server'
export { jobSample } from './job-rows.server'
export { jobUnmatchedValues, saveJobValueChoices, type ValueStepField } from './job-values.server'
export { cleanMapping, guessMapping } from './mapping.server'
export { detectDelimiter, type ParsedFile, parseUpload, parseUploadInTurns } from './parse.server'
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
export { assertSize, importCaps, uploadLimitBytes } from './upload-limit.server'
export { parseVCards } from './vcard.server'
