import { type PreparedEvidenceFile, prepareEvidenceFiles } from '~/models/actions/index.server'
import { uploadLimitBytes } from '~/models/imports/index.server'
import { readUploadForm } from '~/utils/material-upload.server'
import { type ReceivedFile } from '~/utils/uploaded-files.server'

/** The multiple file input on the action form and page. */
export const evidenceFilesField = 'evidenceFiles'

/** Reads a form that may carry evidence files (multipart), each file held to UPLOAD_LIMIT_MB. */
export function readEvidenceForm(request: Request) {
  return readUploadForm(request, uploadLimitBytes(), evidenceFilesField)
}

/**
 * Checks received evidence files by their bytes and prepares them: the files to store, or the
 * error key for the `evidenceFiles` field (nothing is kept when one file is refused).
 */
export async function checkEvidenceFiles(
  received: ReceivedFile[],
): Promise<{ files: PreparedEvidenceFile[]; error: string | null }> {
  const prepared = await prepareEvidenceFiles(received, uploadLimitBytes())
  if (!prepared.ok) return { files: [], error: `evidence:files.errors.${prepared.error}` }
  return { files: prepared.files, error: null }
}

/** The field errors of a refused evidence file, to merge with the form's other field errors. */
export function evidenceErrors(error: string | null): Record<string, string[]> {
  return error ? { [evidenceFilesField]: [error] } : {}
}
