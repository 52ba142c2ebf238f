import type { LoaderFunctionArgs } from '@remix-run/node'
import { eq } from 'drizzle-orm'
import { z } from 'zod'

import { db } from '#db/client'
import { actionEvidence } from '#db/schema'
import { safeFetch } from '~/models/evidence/safe-fetch.server'
import { requirePermission } from '~/utils/auth.server'

const idSchema = z.coerce.number().int().positive()

/** Raster images only: an SVG served from Ripple's own address could carry script. */
const imageTypes = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif'])

const plain = (status: number, message: string) =>
  new Response(message, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  })

/**
 * The preview image of an action's evidence link, fetched by the server (with the evidence fetch's
 * guards: public addresses only, time and size limits) so that the reader's browser loads images only
 * from Ripple (Content-Security-Policy `img-src 'self'`) and the remote site never sees who reads
 * the action. See docs/decisions/019-content-security-policy.md.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'action:read')
  const id = idSchema.safeParse(params.id)
  if (!id.success) return plain(404, 'No such action.')
  const row = db
    .select({ imageUrl: actionEvidence.imageUrl })
    .from(actionEvidence)
    .where(eq(actionEvidence.actionId, id.data))
    .get()
  if (!row?.imageUrl?.startsWith('https://')) return plain(404, 'This action has no preview image.')
  try {
    const response = await safeFetch(row.imageUrl, { accept: [...imageTypes].join(', ') })
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
    if (!imageTypes.has(type)) {
      await response.discard()
      return plain(502, 'The preview image is not a picture Ripple shows.')
    }
    const bytes = await response.bytes()
    return new Response(Buffer.from(bytes), {
      headers: {
        'Content-Type': type,
        'Content-Length': String(bytes.byteLength),
        'Cache-Control': 'private, max-age=86400',
        'Content-Security-Policy': "default-src 'none'; sandbox",
      },
    })
  } catch {
    return plain(502, 'The preview image could not be read.')
  }
}
