import { env } from '~/utils/env.server'

import { ImportRefusal } from './decode.server'

/** The upload size limit in bytes (UPLOAD_LIMIT_MB). */
export function uploadLimitBytes() {
  return Math.floor(env().UPLOAD_LIMIT_MB * 1024 * 1024)
}

/** Refuses files over the upload limit before reading them. */
export function assertSize(buffer: Uint8Array) {
  if (buffer.byteLength > uploadLimitBytes())
    throw new ImportRefusal('errors.tooLarge', { limit: env().UPLOAD_LIMIT_MB })
}
