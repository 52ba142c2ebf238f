import { type LoaderFunctionArgs } from '@remix-run/node'

import { readActionFile } from './_shared/action-file.server'

/**
 * An evidence photo's thumbnail (WebP, made on upload), same-origin so the page's CSP
 * `img-src 'self'` holds; to whoever may read the action.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const thumbnail = await readActionFile(request, params, 'thumbnail')
  return new Response(new Uint8Array(thumbnail.data), {
    headers: {
      'Content-Type': 'image/webp',
      'Content-Length': String(thumbnail.size),
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, max-age=3600',
    },
  })
}
