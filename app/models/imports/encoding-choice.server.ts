import { eq } from 'drizzle-orm'

import { db } from '#db/client'
import { importJobs } from '#db/schema'
import type { SessionUser } from '~/utils/session.server'

import { encodingChoiceOf } from './decode.server'
import type { ImportJob } from './job.server'
import { encodeRows, isStored } from './job-rows.server'
import { guessMapping } from './mapping.server'
import { parseUploadInTurns } from './parse.server'
import { assertMayRunImport } from './policy'

/**
 * Reads the file as uploaded (kept on the job until it is written) again in the encoding the user
 * chose on the mapping page, and stores the rows read that way, the encoding (its format), the
 * headers and the columns guessed again from them; every later step (preview, write) reads those
 * rows. An unknown encoding, or a job whose upload is gone, changes nothing. Throws
 * ImportRefusal when the file cannot be read in that encoding.
 */
export async function chooseJobEncoding(job: ImportJob, user: SessionUser, encoding: unknown) {
  assertMayRunImport(user, job)
  const chosen = encodingChoiceOf(encoding)
  const upload = job.upload ?? (isStored(job.content) ? null : job.content)
  if (!chosen || !upload || job.status === 'completed') return false
  const parsed = await parseUploadInTurns({ buffer: upload, fileName: job.fileName, encoding: chosen })
  const options = Object.fromEntries(Object.entries(job.mapping ?? {}).filter(([k]) => k.startsWith('_')))
  db.update(importJobs)
    .set({
      format: { ...parsed.format, encoding: chosen, encodingChosen: true, rows: parsed.rows.length },
      content: await encodeRows(parsed),
      headers: parsed.headers,
      mapping: { ...guessMapping(job.kind, parsed), ...options },
      status: 'uploaded',
      updatedAt: new Date().toISOString(),
    })
    .where(eq(importJobs.id, job.id))
    .run()
  return true
}

/** The encoding a job's file is read in: the one chosen or detected at upload, if it can be chosen. */
export function jobEncoding(job: Pick<ImportJob, 'format'>): string | null {
  return encodingChoiceOf(job.format?.encoding)
}
