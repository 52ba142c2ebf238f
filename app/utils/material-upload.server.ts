import { materialFormSchema } from '~/models/materials/schemas'
import { validateMaterialUpload } from '~/models/materials/uploads.server'
import { parseForm } from '~/utils/forms'
import { parseMultipartFormData } from '~/utils/multipart.server'
import { type ReceivedFile } from '~/utils/uploaded-files.server'

/** Reads a field's stream, keeping at most `limit` bytes; returns the kept bytes and the full size. */
async function readCapped(data: AsyncIterable<Uint8Array>, limit: number) {
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of data) {
    size += chunk.length
    if (size <= limit) chunks.push(chunk)
  }
  return { chunks, size }
}

/**
 * Reads a form (multipart or not) with its files in the field `fileField` without ever holding
 * more than `limitBytes` of any one file: an oversize file is drained and reported, and every
 * other field is still read, so the form comes back with all that was typed.
 */
export async function readUploadForm(
  request: Request,
  limitBytes: number,
  fileField: string,
): Promise<{ formData: FormData; files: ReceivedFile[] }> {
  const contentType = request.headers.get('content-type') ?? ''
  if (!contentType.startsWith('multipart/form-data')) return { formData: await request.formData(), files: [] }
  const files: ReceivedFile[] = []
  const formData = await parseMultipartFormData(request, async ({ name, filename, data }) => {
    if (filename === undefined) {
      const { chunks } = await readCapped(data, 200_000)
      return Buffer.concat(chunks).toString('utf8')
    }
    if (name !== fileField) {
      for await (const _ of data) void _
      return undefined
    }
    const { chunks, size } = await readCapped(data, limitBytes)
    if (filename === '' && size === 0) return undefined
    files.push({
      fileName: filename,
      bytes: size > limitBytes ? new Uint8Array() : Buffer.concat(chunks),
      tooLarge: size > limitBytes,
    })
    return undefined
  })
  return { formData, files }
}

/** Reads a material form and its one file (the field `file`). */
export async function readMaterialRequest(
  request: Request,
  limitBytes: number,
): Promise<{ formData: FormData; file: ReceivedFile | null }> {
  const { formData, files } = await readUploadForm(request, limitBytes, 'file')
  return { formData, file: files[0] ?? null }
}

/**
 * Checks a material form with its file: the values and the upload to store, or the form's reply
 * with every field error (file problems on `file`; neither link nor file on `url`).
 */
export function checkMaterialSubmission(
  formData: FormData,
  file: ReceivedFile | null,
  limitBytes: number,
  hasStoredFile: boolean,
) {
  const submission = parseForm(formData, { schema: materialFormSchema })
  const { upload, error } = validateMaterialUpload(file, limitBytes)
  const fieldErrors: Record<string, string[]> = {}
  if (error) fieldErrors.file = [error]
  else if (submission.status === 'success' && !upload && !submission.value.url && !hasStoredFile)
    fieldErrors.url = ['plan:materials.errors.linkOrFile']
  if (submission.status !== 'success' || Object.keys(fieldErrors).length) {
    const reply = submission.reply({
      fieldErrors: {
        ...(submission.status === 'success' ? {} : submission.error),
        ...fieldErrors,
      } as Record<string, string[]>,
    })
    return { ok: false as const, reply }
  }
  return { ok: true as const, value: submission.value, upload }
}
