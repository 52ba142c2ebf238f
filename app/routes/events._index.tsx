import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { EmptyState, ExportLink, FilterActions, Pagination } from '~/components/list'
import { PlanNav } from '~/components/plan-nav'
import { eventFilterSchema, listEvents } from '~/models/events.server'
import { planFormOptions } from '~/models/plan.server'
import { eventKindList } from '~/models/plan-forms'
import { requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { pageFromUrl } from '~/utils/paging'
import { can } from '~/utils/permissions'

export const meta: MetaFunction = () => [{ title: 'Events · Ripple' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const url = new URL(request.url)
  const filter = eventFilterSchema.parse(Object.fromEntries(url.searchParams))
  const page = pageFromUrl(url)
  const { rows, total } = listEvents(filter, page)
  return json({
    rows,
    total,
    page: page.page,
    pageSize: page.pageSize,
    filter,
    partners: planFormOptions().partners,
    canEdit: can(user, 'plan:edit'),
  })
}

export default function EventsPage() {
  const { t } = useTranslation('plan')
  const { t: tc } = useTranslation()
  const f = useFormat()
  const { rows, total, page, pageSize, filter, partners, canEdit } = useLoaderData<typeof loader>()
  const filtered = Object.values(filter).some((v) => v !== undefined)
  return (
    <div className="space-y-6">
      <div className="page-title">
        <h1>{t('events.title')}</h1>
        <div className="flex gap-2">
          <ExportLink to="/events.csv" />
          {canEdit ? (
            <Link to="/events/new" className="btn-primary">
              {t('events.new')}
            </Link>
          ) : null}
        </div>
      </div>
      <PlanNav current="events" />
      <Form method="get" className="card grid gap-3 sm:grid-cols-2 lg:grid-cols-5 no-print">
        <label className="text-sm">
          <span className="label">{tc('list.search')}</span>
          <input name="q" type="search" defaultValue={filter.q ?? ''} className="input" />
        </label>
        <label className="text-sm">
          <span className="label">{t('events.kind')}</span>
          <select name="kind" defaultValue={filter.kind ?? ''} className="input">
            <option value="">{tc('list.any')}</option>
            {eventKindList.map((k) => (
              <option key={k} value={k}>
                {t(`eventKinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="label">{t('events.host')}</span>
          <select name="partner" defaultValue={filter.partner ?? ''} className="input">
            <option value="">{tc('list.any')}</option>
            {partners.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="label">{t('events.from')}</span>
          <input type="date" name="from" defaultValue={filter.from ?? ''} className="input" />
        </label>
        <label className="text-sm">
          <span className="label">{t('events.to')}</span>
          <input type="date" name="to" defaultValue={filter.to ?? ''} className="input" />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="archived"
            value="1"
            defaultChecked={filter.archived === '1'}
            className="h-5 w-5"
          />
          {tc('list.showArchived')}
        </label>
        <FilterActions clearTo="/events" filtered={filtered} />
      </Form>
      {rows.length === 0 ? (
        <EmptyState
          title={filtered ? t('events.emptyFiltered') : t('events.empty')}
          action={
            canEdit && !filtered ? (
              <Link to="/events/new" className="btn-primary">
                {t('events.new')}
              </Link>
            ) : null
          }
        >
          {t('events.emptyHint')}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="table">
            <caption className="sr-only">{t('events.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('events.dates')}</th>
                <th scope="col">{t('events.eventTitle')}</th>
                <th scope="col">{t('events.where')}</th>
                <th scope="col">{t('events.host')}</th>
                <th scope="col" className="text-right">
                  {t('events.attendance')}
                </th>
                <th scope="col">{t('events.plannedDone')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="whitespace-nowrap">
                    {f.date(r.startDate)}
                    {r.endDate && r.endDate !== r.startDate ? ` – ${f.date(r.endDate)}` : ''}
                  </td>
                  <td>
                    <Link to={`/events/${r.id}`}>{r.title}</Link>
                    <div className="text-xs text-ink-muted">
                      {t(`eventKinds.${r.kind}`)}
                      {r.themeName ? ` · ${r.themeName}` : ''}
                    </div>
                  </td>
                  <td>
                    {[r.place, r.online ? t('events.onlineShort') : null].filter(Boolean).join(' · ') || '—'}
                  </td>
                  <td>{r.hostName ?? '—'}</td>
                  <td className="text-right">{f.number(r.attendance)}</td>
                  <td>{t('events.plannedDoneValue', { planned: r.plannedCount, actions: r.actionCount })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  )
}
