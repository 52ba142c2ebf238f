import { json, type LoaderFunctionArgs, type SerializeFrom } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { EmptyState, FilterActions, PageHeader, Pagination } from '~/components/list'
import { PlanNav } from '~/components/plan-nav'
import { listEvents } from '~/models/events/index.server'
import { canEditEvents } from '~/models/events/policy'
import { eventFilterSchema, eventKindList } from '~/models/events/schemas'
import { planFormOptions } from '~/models/plan/index.server'
import { requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { pageTitle } from '~/utils/meta'
import { pageFromUrl } from '~/utils/paging'

export const meta = pageTitle('plan:events.title')

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
    canEdit: canEditEvents(user),
  })
}

type Data = SerializeFrom<typeof loader>

export default function EventsPage() {
  const { t } = useTranslation('plan')
  const { rows, total, page, pageSize, filter, partners, canEdit } = useLoaderData<typeof loader>()
  const filtered = Object.values(filter).some((v) => v !== undefined)
  const newEvent = (
    <Link to="/events/new" className="btn-primary">
      {t('events.new')}
    </Link>
  )
  return (
    <div className="space-y-6">
      <PageHeader title={t('events.title')} exportTo="/events.csv">
        {canEdit ? newEvent : null}
      </PageHeader>
      <PlanNav current="events" />
      <EventsFilter filter={filter} partners={partners} filtered={filtered} />
      {rows.length === 0 ? (
        <EmptyState
          title={filtered ? t('events.emptyFiltered') : t('events.empty')}
          action={canEdit && !filtered ? newEvent : null}
        >
          {t('events.emptyHint')}
        </EmptyState>
      ) : (
        <EventsTable rows={rows} />
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  )
}

function EventsFilter({
  filter,
  partners,
  filtered,
}: {
  filter: Data['filter']
  partners: Data['partners']
  filtered: boolean
}) {
  const { t } = useTranslation('plan')
  const { t: tc } = useTranslation()
  const select = (
    name: 'kind' | 'partner',
    label: string,
    options: { value: string | number; label: string }[],
  ) => (
    <label className="text-sm">
      <span className="label">{label}</span>
      <select name={name} defaultValue={filter[name] ?? ''} className="input">
        <option value="">{tc('list.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  )
  return (
    <Form method="get" className="card grid gap-3 sm:grid-cols-2 lg:grid-cols-5 no-print">
      <label className="text-sm">
        <span className="label">{tc('list.search')}</span>
        <input name="q" type="search" defaultValue={filter.q ?? ''} className="input" />
      </label>
      {select(
        'kind',
        t('events.kind'),
        eventKindList.map((k) => ({ value: k, label: t(`eventKinds.${k}`) })),
      )}
      {select('partner', t('events.host'), partners)}
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
  )
}

function EventsTable({ rows }: { rows: Data['rows'] }) {
  const { t } = useTranslation('plan')
  const f = useFormat()
  return (
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
  )
}
