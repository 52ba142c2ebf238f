/**
 * The actions area's public server entry: logging, editing, reviewing and listing dissemination
 * actions, and the administrator's lists of types and channels.
 */
export * from './channel-from-link'
export { actionIdByClientKey, createAction } from './commands/create.server'
export { rememberFormChoices } from './commands/form-memory.server'
export {
  type InteractionInput,
  type InteractionKind,
  interactionKinds,
  logInteraction,
} from './commands/interaction.server'
export { archiveAction, setActionStatus } from './commands/status.server'
export { updateAction } from './commands/update.server'
export { addActionFiles, setActionFileArchived } from './files/commands.server'
export { type PreparedEvidenceFile, prepareEvidenceFiles } from './files/prepare.server'
export { actionFileContent, listActionFiles } from './files/queries.server'
export {
  evidenceFolder,
  newStoredName,
  readStoredFile,
  removeStoredFile,
  storedFiles,
  thumbnailName,
  writeStoredFile,
} from './files/storage.server'
export {
  downloadName,
  evidenceFileContent,
  splitEvidenceFiles,
  storeEvidenceFiles,
} from './files/stored-evidence.server'
export * from './filter-schema'
export { actionWhere } from './filters.server'
export * from './form'
export * from './input'
export * from './list-entries.server'
export * from './list-labels'
export * from './notifications.server'
export * from './policy'
export * from './queries/detail.server'
export * from './queries/form-options.server'
export * from './queries/list.server'
export * from './queries/picker.server'
export * from './queries/presets.server'
export * from './quick-inference.server'
export { referenceErrors } from './references.server'
export type { Actor } from '~/utils/permissions'
