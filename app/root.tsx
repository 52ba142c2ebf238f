import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  type ShouldRevalidateFunction,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import { type ReactNode, useMemo } from 'react'
import { I18nextProvider, useTranslation } from 'react-i18next'

import { AppShell } from '~/components/shell'
import { createI18n, defaultLocale, type LocaleResources } from '~/i18n/i18n'
import { resourcesFor } from '~/i18n/resources.server'
import errorsEn from '~/locales/en/errors.json'
import errorsEs from '~/locales/es/errors.json'
import { projectSummary, unreadCount } from '~/models/admin/index.server'
import { navBadges } from '~/models/dashboards/index.server'
import stylesheet from '~/styles/tailwind.css'
import { requireUser } from '~/utils/auth.server'
import { resolveLocale } from '~/utils/locale.server'
import { useNonce } from '~/utils/nonce'
import { rolePermissions } from '~/utils/permissions'
import { getSessionUser } from '~/utils/session.server'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
  { rel: 'manifest', href: '/manifest.webmanifest' },
  { rel: 'apple-touch-icon', href: '/icons/icon-192.png' },
]

export const meta: MetaFunction = () => [{ title: 'Ripple' }]

const publicPaths = new Set(['/login', '/unsubscribe', '/forgot-password'])
/** Pages opened from an e-mailed link, before the user can sign in. */
const publicPrefixes = ['/reset-password/', '/invitation/']
const isPublic = (path: string) => publicPaths.has(path) || publicPrefixes.some((p) => path.startsWith(p))

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const user = isPublic(url.pathname) ? await getSessionUser(request) : await requireUser(request)
  const locale = await resolveLocale(request, user)
  return json({
    user,
    locale,
    resources: resourcesFor(locale),
    permissions: user ? rolePermissions[user.role] : [],
    unread: user ? unreadCount(user.id) : 0,
    /** Counts shown beside navigation entries, keyed by their path (e.g. '/actions/review': 3). */
    badges: user ? navBadges(user) : {},
    project: projectSummary(),
  })
}

/**
 * The root data (user, translations, unread count) only changes when something is submitted, so a
 * filter change or a link does not re-send every translation string.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formMethod,
  formData,
  defaultShouldRevalidate,
}) =>
  // A submission that cannot change root data may say so (the scoring grid saves on every keystroke).
  formMethod && formMethod !== 'GET' && formData?.get('_rootUnchanged') !== '1'
    ? defaultShouldRevalidate
    : false

export type RootData = ReturnType<typeof useRootData>
export function useRootData() {
  return useRouteLoaderData<typeof loader>('root')
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRootData()
  const locale = data?.locale ?? defaultLocale
  const resources: LocaleResources | undefined = data?.resources
  // Before the root data exists (an error page), only the error strings are needed.
  const i18n = useMemo(
    () => createI18n(locale, resources ?? { errors: locale === 'es' ? errorsEs : errorsEn }),
    [locale, resources],
  )
  const nonce = useNonce()
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#1b8a9a" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen">
        <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        <ServiceWorkerRegistration nonce={nonce} />
      </body>
    </html>
  )
}

/**
 * Installs the service worker that keeps the quick form working offline (public/sw.js, decision
 * 023). An inline script with the page's nonce, so it runs before, and without, the app's bundles.
 * On every page, the sign-in page too: after signing in the app moves on without loading a
 * document, and a script React adds later never runs.
 */
function ServiceWorkerRegistration({ nonce }: { nonce: string }) {
  const register =
    "if('serviceWorker' in navigator)addEventListener('load',function(){navigator.serviceWorker.register('/sw.js').catch(function(){})})"
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: register }} />
}

export default function App() {
  const data = useRootData()
  if (!data?.user) return <Outlet />
  return (
    <AppShell>
      <Outlet />
    </AppShell>
  )
}

export function ErrorBoundary() {
  const error = useRouteError()
  const data = useRootData()
  const content = <ErrorPage error={error} />
  return data?.user ? <AppShell>{content}</AppShell> : <main className="mx-auto max-w-xl p-6">{content}</main>
}

export function ErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation('errors')
  const { pathname, search } = useLocation()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const kind =
    status === 404 ? 'notFound' : status === 403 ? 'forbidden' : status === 400 ? 'badRequest' : 'server'
  if (!isRouteErrorResponse(error) && typeof document === 'undefined') console.error(error)
  return (
    <section className="card my-8" aria-labelledby="error-title">
      <p className="text-sm text-ink-muted">{t('status', { status })}</p>
      <h1 id="error-title" className="mt-1">
        {t(`${kind}.title`)}
      </h1>
      <p className="mt-2">{t(`${kind}.body`)}</p>
      <p className="mt-4 flex gap-3">
        <Link to="/" className="btn-primary">
          {t('home')}
        </Link>
        {status === 403 ? null : (
          <a href={pathname + search} className="btn-secondary">
            {t('retry')}
          </a>
        )}
      </p>
    </section>
  )
}
