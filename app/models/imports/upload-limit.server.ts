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

/**
 * The widest and longest file an import takes. Real files are far inside them: the world
 * universities list has 10,251 rows and 6 columns, an Outlook or Google contacts export under
 * 100 columns. Rows are bounded by the write, which runs in one transaction that holds the server
 * for about a quarter of a millisecond per row (decision 020): 20,000 rows hold it a few seconds.
 * Columns bound the mapping page, which offers every column for every field.
 */
export const importCaps = { columns: 200, rows: 20_000 } as const

// Far more columns than any register export has: the "CSV" is something else read as text.
const NOT_A_TABLE_COLUMNS = 500

/** Refuses a file wider or longer than the caps; called while parsing, before anything is kept. */
export function assertCaps({ columns, rows }: { columns: number; rows: number }) {
  if (columns > NOT_A_TABLE_COLUMNS) throw new ImportRefusal('errors.notTable')
  if (columns > importCaps.columns)
    throw new ImportRefusal('errors.tooManyColumns', { max: importCaps.columns, found: columns })
  if (rows > importCaps.rows) throw new ImportRefusal('errors.tooManyRows', { max: importCaps.rows })
}
