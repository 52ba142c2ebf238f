/**
 * Common materials' public server entry: the catalogue, the language matrix, uploads and usage.
 * Client-safe forms and policy live in ./schemas and ./policy; reading the multipart request is
 * HTTP and lives with the routes (app/utils/material-upload.server.ts).
 */

export {
  createMaterial,
  MaterialStatusError,
  reviewMaterial,
  setMaterialArchived,
  updateMaterial,
} from './commands.server'
export { assertCanEditMaterials, canEditMaterials } from './policy'
export {
  getMaterial,
  languageMatrix,
  listMaterials,
  type Material,
  materialFile,
  materialFormValues,
  materialUsage,
  pendingMaterialCount,
} from './queries.server'
export * from './schemas'
export {
  allowedExtensions,
  allowedUploads,
  checkUpload,
  type ReceivedFile,
  safeFileName,
  type StoredUpload,
  type UploadCheck,
  validateMaterialUpload,
} from './uploads.server'
export { materialKinds } from '#db/schema'
