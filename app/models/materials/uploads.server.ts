import { type ReceivedFile, safeFileName, startsWith } from '~/utils/uploaded-files.server'

export { type ReceivedFile, safeFileName }

/**
 * Accepted uploads, by extension, with the Content-Type we serve them with (never the one the
 * browser sent) and the bytes a real file of that type starts with. SVG is refused: it can carry
 * script. See docs/decisions/007-markdown.md for the same reasoning on plan text.
 */
export const allowedUploads: Record<string, { contentType: string; magic: number[][] }> = {
  pdf: { contentType: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46]] },
  pptx: {
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  odp: { contentType: 'application/vnd.oasis.opendocument.presentation', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  odt: { contentType: 'application/vnd.oasis.opendocument.text', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  png: { contentType: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47]] },
  jpg: { contentType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { contentType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  zip: {
    contentType: 'application/zip',
    magic: [
      [0x50, 0x4b, 0x03, 0x04],
      [0x50, 0x4b, 0x05, 0x06],
    ],
  },
}
export const allowedExtensions = Object.keys(allowedUploads)

export type UploadCheck =
  | { ok: true; fileName: string; contentType: string }
  | { ok: false; error: 'type' | 'content' | 'size' | 'empty' }

/** Checks an uploaded file's name, size and first bytes; returns the safe Content-Type to store. */
export function checkUpload(fileName: string, bytes: Uint8Array, limitBytes: number): UploadCheck {
  if (bytes.length === 0) return { ok: false, error: 'empty' }
  if (bytes.length > limitBytes) return { ok: false, error: 'size' }
  const extension = fileName.toLowerCase().split('.').pop() ?? ''
  const allowed = fileName.includes('.') ? allowedUploads[extension] : undefined
  if (!allowed) return { ok: false, error: 'type' }
  if (!allowed.magic.some((m) => startsWith(bytes, m))) return { ok: false, error: 'content' }
  return { ok: true, fileName: safeFileName(fileName), contentType: allowed.contentType }
}

export type StoredUpload = { fileName: string; contentType: string; data: Buffer }

/**
 * Checks a received material file. Returns the upload to store, or the error for the form's
 * `file` field.
 */
export function validateMaterialUpload(
  file: ReceivedFile | null,
  limitBytes: number,
): { upload: StoredUpload | null; error: string | null } {
  if (!file) return { upload: null, error: null }
  if (file.tooLarge) return { upload: null, error: 'plan:materials.errors.size' }
  const check = checkUpload(file.fileName, file.bytes, limitBytes)
  if (!check.ok) return { upload: null, error: `plan:materials.errors.${check.error}` }
  return {
    upload: { fileName: check.fileName, contentType: check.contentType, data: Buffer.from(file.bytes) },
    error: null,
  }
}
