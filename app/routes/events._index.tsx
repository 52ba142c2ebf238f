import { json, type LoaderFunctionArgs, type SerializeFrom } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import {
  ArchivedFilter,
  EmptyState,
  FilterActions,
  FilterInput,
  FilterSelect,
  PageHeader,
  Pagination,
} from '~/components/list'
import { PlanNav } from '~/components/plan-nav'
import { listEvents } from '~/models/events/index.server'
import { canCreateEvents } from '~/models/events/policy'
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
    canEdit: canCreateEvents(user),
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
  return (
    <Form method="get" className="card grid gap-3 sm:grid-cols-2 lg:grid-cols-5 no-print">
      <FilterInput name="q" label={tc('list.search')} value={filter.q} />
      <FilterSelect
        name="kind"
        label={t('events.kind')}
        value={filter.kind}
        options={eventKindList.map((k) => ({ value: k, label: t(`eventKinds.${k}`) }))}
      />
      <FilterSelect name="partner" label={t('events.host')} value={filter.partner} options={partners} />
      <FilterInput type="date" name="from" label={t('events.from')} value={filter.from} />
      <FilterInput type="date" name="to" label={t('events.to')} value={filter.to} />
      <ArchivedFilter checked={filter.archived === '1'} />
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
