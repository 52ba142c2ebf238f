import type { LoaderFunctionArgs } from '@remix-run/node'

import { materialFile } from '~/models/materials/index.server'
import { invariantResponse, requirePermission } from '~/utils/auth.server'

/**
 * Downloads a material's uploaded file: always as an attachment, with the Content-Type stored
 * from our allow-list and a sandboxing CSP in case a browser renders it anyway. (X-Content-Type-Options:
 * nosniff is set on every response by app/server/http.server.ts; the HTTP test checks it here.)
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  // An archived material's file only for those who may restore it (404 for the others).
  const file = materialFile(Number(params.id), user)
  invariantResponse(file)
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return new Response(new Uint8Array(file.data), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.data.length),
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
    },
  })
}
