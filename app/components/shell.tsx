import { Form, Link, NavLink, useLocation, useRouteLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { OfflineQueueBadge } from '~/components/offline-queue'
import { supportedLocales } from '~/i18n/i18n'
import type { loader as rootLoader } from '~/root'
import type { Permission } from '~/utils/permissions'

type NavItem = { to: string; label: string; permission: Permission; end?: boolean }

const navItems: NavItem[] = [
  { to: '/actions', label: 'nav.actions', permission: 'action:read' },
  { to: '/actions/review', label: 'nav.review', permission: 'action:validate' },
  { to: '/stakeholders', label: 'nav.stakeholders', permission: 'stakeholder:read' },
  { to: '/priorities', label: 'nav.priorities', permission: 'priority:read' },
  { to: '/plan', label: 'nav.plan', permission: 'plan:read' },
  { to: '/events', label: 'nav.events', permission: 'plan:read' },
  { to: '/materials', label: 'nav.materials', permission: 'plan:read' },
  { to: '/dashboard/reach', label: 'nav.reach', permission: 'dashboard:read' },
  { to: '/dashboard/coverage', label: 'nav.coverage', permission: 'dashboard:read' },
  { to: '/admin', label: 'nav.admin', permission: 'admin:manage' },
]

export function useUserCan() {
  const data = useRouteLoaderData<typeof rootLoader>('root')
  const permissions = new Set<string>(data?.permissions ?? [])
  return (p: Permission) => permissions.has(p)
}

/** The page frame: header with navigation by role, language switcher, sign-out; a skip link first. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const data = useRouteLoaderData<typeof rootLoader>('root')
  const can = useUserCan()
  const location = useLocation()
  const items = navItems.filter((i) => can(i.permission))
  const here = location.pathname + location.search
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2"
      >
        {t('nav.skip')}
      </a>
      <header className="border-b border-slate-200 bg-white no-print">
        <div className="relative mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
          <Link to="/" className="flex items-center gap-2 font-semibold text-brand-900 no-underline">
            <span aria-hidden className="inline-block h-6 w-6 rounded-full border-4 border-brand-500" />
            {/* On a narrow phone the word gives way so the header stays one row in every language. */}
            <span className="max-[399px]:sr-only">Ripple</span>
            {data?.project ? (
              <span className="hidden text-sm font-normal text-ink-muted md:inline">
                · {data.project.name}
              </span>
            ) : null}
          </Link>
          {can('action:create') ? (
            <Link to="/actions/new" className="btn-primary ml-auto py-1 md:order-last md:ml-0">
              {t('nav.logAction')}
            </Link>
          ) : null}
          {can('action:create') && data?.user ? <OfflineQueueBadge userId={data.user.id} /> : null}
          <details className={`md:hidden ${can('action:create') ? '' : 'ml-auto'}`}>
            <summary className="btn-secondary cursor-pointer list-none py-1">{t('nav.menu')}</summary>
            <nav
              aria-label={t('nav.main')}
              className="absolute inset-x-2 top-full z-40 mt-1 max-h-[80vh] overflow-y-auto rounded-md border bg-white p-2 shadow-lg"
            >
              <NavList items={items} vertical />
              <AccountLinks here={here} vertical />
            </nav>
          </details>
          <nav aria-label={t('nav.main')} className="hidden flex-1 md:block">
            <NavList items={items} />
          </nav>
          <div className="hidden md:block">
            <AccountLinks here={here} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </>
  )
}

function NavList({ items, vertical }: { items: NavItem[]; vertical?: boolean }) {
  const { t } = useTranslation()
  const badges: Record<string, number> = useRouteLoaderData<typeof rootLoader>('root')?.badges ?? {}
  return (
    <ul className={vertical ? 'flex flex-col' : 'flex flex-wrap gap-1'}>
      {items.map((item) => (
        <li key={item.to}>
          <NavLink
            to={item.to}
            end={item.to === '/actions'}
            className={({ isActive }) =>
              `block rounded px-2 py-1.5 text-sm no-underline ${isActive ? 'bg-brand-50 font-semibold text-brand-900' : 'text-ink hover:bg-slate-100'}`
            }
          >
            {t(item.label)}
            {badges[item.to] ? (
              <span className="badge ml-1 bg-brand-900 text-white">
                {badges[item.to]}
                <span className="sr-only"> {t('home:nav.badge')}</span>
              </span>
            ) : null}
          </NavLink>
        </li>
      ))}
    </ul>
  )
}

function AccountLinks({ here, vertical }: { here: string; vertical?: boolean }) {
  const { t, i18n } = useTranslation()
  const data = useRouteLoaderData<typeof rootLoader>('root')
  return (
    <div className={`flex ${vertical ? 'mt-2 flex-col border-t pt-2' : 'items-center'} gap-2 text-sm`}>
      <Link to="/inbox" className="no-underline">
        {t('nav.inbox')}
        {data?.unread ? <span className="badge ml-1 bg-bad text-white">{data.unread}</span> : null}
      </Link>
      <Form method="post" action="/locale" className="flex items-center gap-1">
        <input type="hidden" name="redirectTo" value={here} />
        <label className="sr-only" htmlFor={vertical ? 'lng-m' : 'lng'}>
          {t('nav.language')}
        </label>
        {supportedLocales.map((l) => (
          <button
            key={l}
            type="submit"
            name="locale"
            value={l}
            aria-pressed={i18n.language === l}
            className={`rounded px-1.5 py-0.5 uppercase ${i18n.language === l ? 'bg-slate-200 font-semibold' : 'hover:bg-slate-100'}`}
            lang={l}
            title={t(`languages.${l}`)}
          >
            {l}
          </button>
        ))}
      </Form>
      <span className="text-ink-muted" title={data?.user?.email}>
        {data?.user?.name}
      </span>
      <Form method="post" action="/logout">
        <button type="submit" className="btn-link">
          {t('nav.logout')}
        </button>
      </Form>
    </div>
  )
}
