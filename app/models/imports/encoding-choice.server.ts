import { eq } from 'drizzle-orm'

import { db } from '#db/client'
import { importJobs } from '#db/schema'
import type { SessionUser } from '~/utils/session.server'

import { encodingChoiceOf } from './decode.server'
import type { ImportJob } from './job.server'
import { guessMapping } from './mapping.server'
import { parseUpload } from './parse.server'
import { assertMayRunImport } from './policy'

/**
 * Reads the job's file again in the encoding the user chose on the mapping page and stores it on
 * the job (its format), with the headers read that way and the columns guessed again from them;
 * every later step (preview, write) parses the file in it. An unknown encoding changes nothing.
 * Throws ImportRefusal when the file cannot be read in that encoding.
 */
export function chooseJobEncoding(job: ImportJob, user: SessionUser, encoding: unknown): boolean {
  assertMayRunImport(user, job)
  const chosen = encodingChoiceOf(encoding)
  if (!chosen || job.status === 'completed') return false
  const parsed = parseUpload({ buffer: job.content, fileName: job.fileName, encoding: chosen })
  const options = Object.fromEntries(Object.entries(job.mapping ?? {}).filter(([k]) => k.startsWith('_')))
  db.update(importJobs)
    .set({
      format: { ...parsed.format, encoding: chosen, encodingChosen: true, rows: parsed.rows.length },
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
