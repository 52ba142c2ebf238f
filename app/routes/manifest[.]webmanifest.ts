import type { LoaderFunctionArgs } from '@remix-run/node'

import { serverT } from '~/i18n/resources.server'
import { resolveLocale } from '~/utils/locale.server'

/**
 * The web app manifest that makes Ripple installable on a phone (docs/decisions/023). Public:
 * browsers fetch it without cookies. It opens on the home page, which leads to the quick form.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await resolveLocale(request, null)
  const t = serverT(locale)
  const manifest = {
    name: t('common:appName'),
    short_name: t('common:appName'),
    description: t('common:install.description'),
    lang: locale,
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#1b8a9a',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
    shortcuts: [{ name: t('common:nav.logAction'), url: '/actions/new' }],
  }
  return new Response(JSON.stringify(manifest), {
    headers: {
      'Content-Type': 'application/manifest+json; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
      Vary: 'Accept-Language, Cookie',
    },
  })
}
