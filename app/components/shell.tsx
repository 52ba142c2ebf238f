import { Form, Link, NavLink, useLocation, useRouteLoaderData } from '@remix-run/react'
import { type ReactNode, useEffect } from 'react'
import { useTranslation } from 'react-i18next'

import { OfflineQueueBadge } from '~/components/offline-queue'
import { supportedLocales } from '~/i18n/i18n'
import type { loader as rootLoader } from '~/root'
import type { Permission } from '~/utils/permissions'

/** The groups of the top menu, in order; their names are nav:groups.<group>. */
const navGroups = ['log', 'stakeholders', 'plan', 'dashboards', 'admin'] as const
type NavGroup = (typeof navGroups)[number]
/** `onlyIf` names a project switch that hides the entry while it is off (the league). */
type NavItem = {
  group: NavGroup
  to: string
  label: string
  permission: Permission
  onlyIf?: 'leagueEnabled'
}

/**
 * The menu: one line per entry, in its group's order. A group the user has one entry of is a
 * plain link; with more it is a disclosure menu. `label` is an i18n key (any namespace).
 */
const navItems: NavItem[] = [
  { group: 'log', to: '/actions', label: 'nav.actions', permission: 'action:read' },
  { group: 'log', to: '/actions/review', label: 'nav.review', permission: 'action:validate' },
  { group: 'stakeholders', to: '/stakeholders', label: 'nav.stakeholders', permission: 'stakeholder:read' },
  { group: 'stakeholders', to: '/priorities', label: 'nav.priorities', permission: 'priority:read' },
  { group: 'stakeholders', to: '/actors', label: 'actors:title', permission: 'actor:read' },
  { group: 'plan', to: '/plan', label: 'nav.plan', permission: 'plan:read' },
  { group: 'plan', to: '/events', label: 'nav.events', permission: 'plan:read' },
  { group: 'plan', to: '/materials', label: 'nav.materials', permission: 'plan:read' },
  { group: 'plan', to: '/calendar', label: 'calendar:title', permission: 'plan:read' },
  { group: 'plan', to: '/ideas', label: 'ideas:title', permission: 'idea:read' },
  { group: 'dashboards', to: '/dashboard/reach', label: 'nav.reach', permission: 'dashboard:read' },
  { group: 'dashboards', to: '/dashboard/coverage', label: 'nav.coverage', permission: 'dashboard:read' },
  { group: 'dashboards', to: '/results', label: 'results:meta.list', permission: 'outcome:read' },
  { group: 'dashboards', to: '/reports/value', label: 'reports:meta.value', permission: 'report:read' },
  {
    group: 'dashboards',
    to: '/league',
    label: 'league:title',
    permission: 'league:read',
    onlyIf: 'leagueEnabled',
  },
  { group: 'admin', to: '/admin', label: 'nav.admin', permission: 'admin:manage' },
]

/** The entries the user may see, by group (groups without any left out). */
function groupedItems(can: (p: Permission) => boolean, switches: Partial<Record<'leagueEnabled', boolean>>) {
  const shown = (i: NavItem) => can(i.permission) && (!i.onlyIf || switches[i.onlyIf] === true)
  return navGroups
    .map((group) => ({ group, items: navItems.filter((i) => i.group === group && shown(i)) }))
    .filter((g) => g.items.length > 0)
}

/**
 * With JavaScript, the disclosure menus close on a click outside, on Escape (focus back on the
 * group's button), when another opens and after a navigation; without it they are plain <details>.
 */
function useMenuClosing() {
  const location = useLocation()
  useEffect(() => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>('details[data-nav-menu][open]'))
      d.open = false
  }, [location.pathname, location.search])
  useEffect(() => {
    const menus = () => [...document.querySelectorAll<HTMLDetailsElement>('details[data-nav-menu][open]')]
    const onClick = (event: MouseEvent) => {
      for (const d of menus()) if (!d.contains(event.target as Node)) d.open = false
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      for (const d of menus()) {
        d.open = false
        d.querySelector('summary')?.focus()
      }
    }
    document.addEventListener('click', onClick)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('click', onClick)
      document.removeEventListener('keydown', onKey)
    }
  }, [])
}

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
  const groups = groupedItems(can, { leagueEnabled: data?.project?.leagueEnabled })
  useMenuClosing()
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
        <div className="relative mx-auto flex max-w-7xl flex-wrap items-center md:flex-nowrap gap-x-4 gap-y-2 px-4 py-2">
          <Link to="/" className="flex items-center gap-2 font-semibold text-brand-900 no-underline">
            <span aria-hidden className="inline-block h-6 w-6 rounded-full border-4 border-brand-500" />
            {/* On a narrow phone the word gives way so the header stays one row in every language. */}
            <span className="max-[399px]:sr-only">Ripple</span>
            {data?.project ? (
              <span className="hidden text-sm font-normal text-ink-muted xl:inline">
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
          <details className={`md:hidden ${can('action:create') ? '' : 'ml-auto'}`} data-nav-menu>
            <summary className="btn-secondary cursor-pointer list-none py-1">{t('nav.menu')}</summary>
            <nav
              aria-label={t('nav.main')}
              className="absolute inset-x-2 top-full z-40 mt-1 max-h-[80vh] overflow-y-auto rounded-md border bg-white p-2 shadow-lg"
            >
              <PhoneNavList groups={groups} />
              <AccountLinks here={here} vertical />
            </nav>
          </details>
          <nav aria-label={t('nav.main')} className="hidden flex-1 md:block" data-testid="top-nav">
            <GroupedNavList groups={groups} />
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

type Groups = ReturnType<typeof groupedItems>

const linkClass = ({ isActive }: { isActive: boolean }) =>
  `block whitespace-nowrap rounded px-2 py-1.5 text-sm no-underline ${isActive ? 'bg-brand-50 font-semibold text-brand-900' : 'text-ink hover:bg-slate-100'}`

function NavEntry({ item }: { item: NavItem }) {
  const { t } = useTranslation()
  const badges: Record<string, number> = useRouteLoaderData<typeof rootLoader>('root')?.badges ?? {}
  return (
    <NavLink to={item.to} end={item.to === '/actions'} className={linkClass}>
      {t(item.label)}
      <Badge count={badges[item.to]} />
    </NavLink>
  )
}

/** How many things wait behind a navigation entry (actions waiting for validation, ...). */
function Badge({ count }: { count?: number }) {
  const { t } = useTranslation()
  if (!count) return null
  return (
    <span className="badge ml-1 bg-brand-900 text-white">
      {count}
      <span className="sr-only"> {t('home:nav.badge')}</span>
    </span>
  )
}

/** The top menu from 768 px: one row of groups, each a link or a disclosure menu of its entries. */
function GroupedNavList({ groups }: { groups: Groups }) {
  const { t } = useTranslation('nav')
  const location = useLocation()
  const badges: Record<string, number> = useRouteLoaderData<typeof rootLoader>('root')?.badges ?? {}
  return (
    <ul className="flex flex-nowrap items-center gap-1">
      {groups.map(({ group, items }) => {
        if (items.length === 1)
          return (
            <li key={group}>
              <NavEntry item={items[0]} />
            </li>
          )
        const current = items.some(
          (i) => location.pathname === i.to || location.pathname.startsWith(`${i.to}/`),
        )
        return (
          <li key={group} className="relative">
            <details data-nav-menu data-testid={`nav-group-${group}`}>
              <summary
                className={`flex cursor-pointer list-none items-center gap-1 whitespace-nowrap rounded px-2 py-1.5 text-sm [&::-webkit-details-marker]:hidden ${current ? 'bg-brand-50 font-semibold text-brand-900' : 'text-ink hover:bg-slate-100'}`}
              >
                {t(`groups.${group}`)}
                <Badge count={items.reduce((n, i) => n + (badges[i.to] ?? 0), 0)} />
                <span aria-hidden className="text-xs">
                  ▾
                </span>
              </summary>
              <ul className="absolute left-0 top-full z-40 mt-1 min-w-[12rem] rounded-md border bg-white p-1 shadow-lg">
                {items.map((item) => (
                  <li key={item.to}>
                    <NavEntry item={item} />
                  </li>
                ))}
              </ul>
            </details>
          </li>
        )
      })}
    </ul>
  )
}

/** The phone menu: every entry, under its group's name. */
function PhoneNavList({ groups }: { groups: Groups }) {
  const { t } = useTranslation('nav')
  return (
    <ul className="flex flex-col">
      {groups.map(({ group, items }) => (
        <li key={group} className="border-b border-slate-100 py-1 last:border-0">
          <span className="block px-2 pt-1 text-xs font-semibold uppercase tracking-wide text-ink-muted">
            {t(`groups.${group}`)}
          </span>
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <NavEntry item={item} />
              </li>
            ))}
          </ul>
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
      <Link to="/account" className="no-underline" title={data?.user?.email}>
        <span className={vertical ? '' : 'hidden xl:inline'}>{data?.user?.name}</span>
        <span className={vertical ? 'sr-only' : 'xl:sr-only'}>{t('account:title')}</span>
      </Link>
      <Form method="post" action="/logout">
        <button type="submit" className="btn-link">
          {t('nav.logout')}
        </button>
      </Form>
    </div>
  )
}
