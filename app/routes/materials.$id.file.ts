import type { LoaderFunctionArgs } from '@remix-run/node'

import { materialFile } from '~/models/materials/index.server'
import { invariantResponse, requirePermission } from '~/utils/auth.server'
import { attachmentHeaders } from '~/utils/uploaded-files.server'

/**
 * Downloads a material's uploaded file: always as an attachment, with the Content-Type stored
 * from our allow-list (see attachmentHeaders; the HTTP test checks the headers here).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  // An archived material's file only for those who may restore it (404 for the others).
  const file = materialFile(Number(params.id), user)
  invariantResponse(file)
  return new Response(new Uint8Array(file.data), {
    headers: attachmentHeaders({ ...file, size: file.data.length }),
  })
}
