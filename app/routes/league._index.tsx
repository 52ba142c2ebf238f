import { json, type LoaderFunctionArgs, type SerializeFrom } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { partnerRoles } from '#db/schema/core'
import { LeagueOff, ScrollingTable } from '~/components/league'
import {
  EmptyState,
  FilterActions,
  FilterSelect,
  PageHeader,
  Pagination,
  StatusBadge,
} from '~/components/list'
import { addMonths } from '~/models/dashboards/months'
import { leagueEnabled, leagueGroups, leaguePeriodOf, leagueStandings } from '~/models/league/index.server'
import { canManageLeague } from '~/models/league/policy'
import { leaguePeriods } from '~/models/league/rules'
import { leagueFilterSchema } from '~/models/league/schemas'
import { requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { pageTitle } from '~/utils/meta'
import { pageFromUrl, withParam } from '~/utils/paging'

export const meta = pageTitle('league:title')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'league:read')
  // Switched off by the communications lead: a plain page that says so, with status 404.
  if (!leagueEnabled()) return json({ off: true as const }, { status: 404 })
  const url = new URL(request.url)
  const filter = leagueFilterSchema.parse(Object.fromEntries(url.searchParams))
  const period = leaguePeriodOf(filter)
  const page = pageFromUrl(url, 50)
  const { rows, total } = leagueStandings(period, page)
  return json({
    off: false as const,
    filter,
    period,
    rows,
    total,
    page: page.page,
    pageSize: page.pageSize,
    groups: leagueGroups(period),
    canManage: canManageLeague(user),
  })
}

type On = Extract<SerializeFrom<typeof loader>, { off: false }>

export default function LeaguePage() {
  const data = useLoaderData<typeof loader>()
  if (data.off) return <LeagueOff />
  return <Standings data={data} />
}

function Standings({ data }: { data: On }) {
  const { t } = useTranslation('league')
  const f = useFormat()
  const { period, rows, total, page, pageSize, filter } = data
  const filtered = filter.group !== undefined
  const noPoints = rows.length > 0 && rows.every((r) => r.points === 0)
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} exportTo="/league.csv">
        <Link to="/league/rules" className="btn-secondary">
          {t('rulesLink')}
        </Link>
        {data.canManage ? (
          <Link to="/admin/project#league" className="btn-secondary">
            {t('manageLink')}
          </Link>
        ) : null}
      </PageHeader>
      <p className="max-w-prose text-sm text-ink-muted">{t('intro')}</p>
      <LeagueFilter data={data} filtered={filtered} />
      <section aria-labelledby="standings-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="standings-heading">
            {period.period === 'month'
              ? t('heading.month', { month: f.month(period.month) })
              : t('heading.project')}
          </h2>
          {period.period === 'month' ? <MonthSteps month={period.month} /> : null}
        </div>
        {total === 0 ? (
          <EmptyState title={filtered ? t('emptyFiltered') : t('empty')}>{t('emptyHint')}</EmptyState>
        ) : (
          <>
            {noPoints ? <p className="text-sm text-ink-muted">{t('noPoints')}</p> : null}
            <StandingsTable rows={rows} />
            <Pagination page={page} pageSize={pageSize} total={total} />
          </>
        )}
      </section>
      {total > 0 ? <GroupsTable groups={data.groups} /> : null}
    </div>
  )
}

function LeagueFilter({ data, filtered }: { data: On; filtered: boolean }) {
  const { t } = useTranslation('league')
  return (
    <Form method="get" className="card grid gap-3 sm:grid-cols-2 lg:grid-cols-4 no-print">
      <FilterSelect
        name="period"
        label={t('filters.period')}
        value={data.period.period}
        any={false}
        options={leaguePeriods.map((p) => ({ value: p, label: t(`periods.${p}`) }))}
      />
      <label className="text-sm">
        <span className="label">{t('filters.month')}</span>
        <input
          type="month"
          name="month"
          defaultValue={data.period.month}
          pattern="[0-9]{4}-[0-9]{2}"
          className="input"
        />
      </label>
      <FilterSelect
        name="group"
        label={t('filters.group')}
        value={data.filter.group}
        any={t('filters.anyGroup')}
        options={partnerRoles.map((r) => ({ value: r, label: t(`groups.${r}`) }))}
      />
      <FilterActions clearTo="/league" filtered={filtered || data.filter.period !== undefined} />
    </Form>
  )
}

/** Links to the month before and after, keeping the other filters. */
function MonthSteps({ month }: { month: string }) {
  const { t } = useTranslation('league')
  const { search } = useLocation()
  const to = (n: number) => withParam(withParam(search, 'period', 'month'), 'month', addMonths(month, n))
  return (
    <nav aria-label={t('filters.month')} className="flex gap-2 no-print">
      <Link to={to(-1)} className="btn-secondary" rel="prev">
        {t('previousMonth')}
      </Link>
      <Link to={to(1)} className="btn-secondary" rel="next">
        {t('nextMonth')}
      </Link>
    </nav>
  )
}

function StandingsTable({ rows }: { rows: On['rows'] }) {
  const { t } = useTranslation('league')
  const f = useFormat()
  return (
    <ScrollingTable label={t('title')}>
      <table className="table">
        <caption className="sr-only">{t('title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columns.rank')}</th>
            <th scope="col">{t('columns.partner')}</th>
            <th scope="col" className="text-right">
              {t('columns.points')}
            </th>
            <th scope="col" className="text-right">
              {t('columns.validated')}
            </th>
            <th scope="col">{t('columns.badges')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.partnerId}>
              <td>{f.number(r.rank)}</td>
              <th scope="row" className="font-medium">
                {r.name}
                <span className="block text-xs font-normal text-ink-muted">{t(`groups.${r.role}`)}</span>
              </th>
              <td className="text-right tabular-nums">{f.number(r.points)}</td>
              <td className="text-right tabular-nums">{f.number(r.validated)}</td>
              <td>
                {r.badges.length === 0 ? (
                  <span className="text-sm text-ink-muted">{t('noBadges')}</span>
                ) : (
                  <ul className="flex flex-wrap gap-1">
                    {r.badges.map((b) => (
                      <li key={b}>
                        <StatusBadge tone="info">{t(`badges.${b}.name`)}</StatusBadge>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  )
}

function GroupsTable({ groups }: { groups: On['groups'] }) {
  const { t } = useTranslation('league')
  const f = useFormat()
  return (
    <section aria-labelledby="groups-heading" className="space-y-3">
      <h2 id="groups-heading">{t('byGroup')}</h2>
      <ScrollingTable label={t('byGroup')}>
        <table className="table">
          <caption className="sr-only">{t('byGroup')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('columns.group')}</th>
              <th scope="col" className="text-right">
                {t('columns.partners')}
              </th>
              <th scope="col" className="text-right">
                {t('columns.points')}
              </th>
              <th scope="col" className="text-right">
                {t('columns.average')}
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.role}>
                <th scope="row">{t(`groups.${g.role}`)}</th>
                <td className="text-right tabular-nums">{f.number(g.partners)}</td>
                <td className="text-right tabular-nums">{f.number(g.points)}</td>
                <td className="text-right tabular-nums">{f.number(g.average)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
    </section>
  )
}
