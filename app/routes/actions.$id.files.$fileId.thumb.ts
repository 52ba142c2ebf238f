import { type LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'

import { actionFileContent } from '~/models/actions/index.server'
import { invariantResponse, requirePermission } from '~/utils/auth.server'

const paramsSchema = z.object({
  id: z.coerce.number().int().positive(),
  fileId: z.coerce.number().int().positive(),
})

/**
 * An evidence photo's thumbnail (WebP, made on upload), same-origin so the page's CSP
 * `img-src 'self'` holds; to whoever may read the action.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'action:read')
  const ids = paramsSchema.safeParse(params)
  invariantResponse(ids.success)
  const thumbnail = actionFileContent(ids.data.id, ids.data.fileId, user, 'thumbnail')
  invariantResponse(thumbnail)
  return new Response(new Uint8Array(thumbnail.data), {
    headers: {
      'Content-Type': 'image/webp',
      'Content-Length': String(thumbnail.size),
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, max-age=3600',
    },
  })
}
