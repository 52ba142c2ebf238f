import { type LoaderFunctionArgs } from '@remix-run/node'

import { readOutcomeFile } from './_shared/outcome-file.server'

/** An outcome's evidence photo thumbnail (WebP, made on upload), same-origin; to readers of outcomes. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const thumbnail = await readOutcomeFile(request, params, 'thumbnail')
  return new Response(new Uint8Array(thumbnail.data), {
    headers: {
      'Content-Type': 'image/webp',
      'Content-Length': String(thumbnail.size),
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, max-age=3600',
    },
  })
}
