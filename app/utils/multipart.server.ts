import type { UploadHandler } from '@remix-run/node'

/**
 * Reads a multipart form like Remix's unstable_parseMultipartFormData, handing each part to
 * `uploadHandler`, but with the platform's parser, which reads file names as browsers send them:
 * `contacts; final.csv` and `slides v=2.pdf` (Remix's parser splits such names at `;` and `=`
 * and fails). The body has been read and checked against its size limit already
 * (app/server/body.server.ts), so it is parsed from memory.
 */
export async function parseMultipartFormData(
  request: Request,
  uploadHandler: UploadHandler,
): Promise<FormData> {
  let parsed: FormData
  try {
    parsed = await request.formData()
  } catch {
    throw new Response('This form could not be read: its multipart body is broken or incomplete.', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  const form = new FormData()
  for (const [name, value] of parsed) {
    const file = typeof value === 'string' ? null : value
    const bytes = file ? new Uint8Array(await file.arrayBuffer()) : new TextEncoder().encode(value as string)
    const result = await uploadHandler({
      name,
      // Only the base name, as the multipart/form-data spec recommends (and as Remix does).
      filename: file ? file.name.split(/[/\\]/).pop() : undefined,
      contentType: file ? file.type || 'application/octet-stream' : 'text/plain;charset=UTF-8',
      data: (async function* () {
        for (let at = 0; at < bytes.length; at += 64 * 1024) yield bytes.subarray(at, at + 64 * 1024)
      })(),
    })
    if (result !== undefined && result !== null) form.append(name, result)
  }
  return form
}
