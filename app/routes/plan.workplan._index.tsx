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
  StatusBadge,
} from '~/components/list'
import { activityStateTone, PlanNav } from '~/components/plan-nav'
import { listActivities, planFormOptions } from '~/models/plan/index.server'
import { canCreateActivities } from '~/models/plan/policy'
import { activityFilterSchema, activityStateList } from '~/models/plan/schemas'
import { requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { pageTitle } from '~/utils/meta'
import { pageFromUrl } from '~/utils/paging'

export const meta = pageTitle('plan:workplan.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const url = new URL(request.url)
  const filter = activityFilterSchema.parse(Object.fromEntries(url.searchParams))
  const page = pageFromUrl(url)
  const { rows, total } = listActivities(filter, page)
  return json({
    rows,
    total,
    page: page.page,
    pageSize: page.pageSize,
    filter,
    options: planFormOptions(),
    canEdit: canCreateActivities(user),
  })
}

type Data = SerializeFrom<typeof loader>

export default function WorkPlanPage() {
  const { t } = useTranslation('plan')
  const data = useLoaderData<typeof loader>()
  const filtered = Object.values(data.filter).some((v) => v !== undefined)
  return (
    <div className="space-y-6">
      <PageHeader title={t('workplan.title')} exportTo="/plan/workplan.csv">
        {data.canEdit ? (
          <Link to="/plan/workplan/new" className="btn-primary">
            {t('workplan.new')}
          </Link>
        ) : null}
      </PageHeader>
      <PlanNav current="workplan" />
      <WorkPlanFilter filter={data.filter} options={data.options} filtered={filtered} />
      {data.rows.length === 0 ? (
        <EmptyState title={filtered ? t('workplan.emptyFiltered') : t('workplan.empty')}>
          {t('workplan.emptyHint')}
        </EmptyState>
      ) : (
        <WorkPlanTable rows={data.rows} />
      )}
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
    </div>
  )
}

function WorkPlanFilter({
  filter,
  options,
  filtered,
}: {
  filter: Data['filter']
  options: Data['options']
  filtered: boolean
}) {
  const { t } = useTranslation('plan')
  const { t: tc } = useTranslation()
  return (
    <Form method="get" className="card grid gap-3 sm:grid-cols-2 lg:grid-cols-4 no-print">
      <FilterInput name="q" label={tc('list.search')} value={filter.q} />
      <FilterSelect
        name="partner"
        label={t('workplan.partner')}
        value={filter.partner}
        options={options.partners}
      />
      <FilterSelect name="group" label={t('workplan.group')} value={filter.group} options={options.groups} />
      <FilterSelect name="event" label={t('workplan.event')} value={filter.event} options={options.events} />
      <FilterSelect
        name="state"
        label={t('workplan.state')}
        value={filter.state}
        options={activityStateList.map((s) => ({ value: s, label: t(`states.${s}`) }))}
      />
      <FilterInput type="date" name="from" label={t('workplan.dueFrom')} value={filter.from} />
      <FilterInput type="date" name="to" label={t('workplan.dueTo')} value={filter.to} />
      <ArchivedFilter checked={filter.archived === '1'} className="self-end" />
      <FilterActions clearTo="/plan/workplan" filtered={filtered} />
    </Form>
  )
}

function WorkPlanTable({ rows }: { rows: Data['rows'] }) {
  const { t } = useTranslation('plan')
  return (
    <div className="overflow-x-auto">
      <table className="table">
        <caption className="sr-only">{t('workplan.title')}</caption>
        <thead>
          <tr>
            {(['due', 'what', 'partner', 'channel', 'group', 'state'] as const).map((k) => (
              <th key={k} scope="col">
                {t(`workplan.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <ActivityRow key={r.id} row={r} />
          ))}
        </tbody>
      </table>
    </div>
  )
}

function ActivityRow({ row: r }: { row: Data['rows'][number] }) {
  const { t } = useTranslation('plan')
  const f = useFormat()
  return (
    <tr>
      <td className="whitespace-nowrap">{f.date(r.dueDate)}</td>
      <td>
        <Link to={`/plan/workplan/${r.id}`}>{r.title}</Link>
        {r.eventId ? (
          <div className="text-xs text-ink-muted">
            <Link to={`/events/${r.eventId}`}>{r.eventTitle}</Link>
            {r.phase ? ` · ${t(`phases.${r.phase}`)}` : ''}
          </div>
        ) : null}
        {r.typeName ? (
          <div className="text-xs text-ink-muted">
            {r.typeKey ? t(`actionTypes.${r.typeKey}`, { defaultValue: r.typeName }) : r.typeName}
          </div>
        ) : null}
      </td>
      <td>{r.partnerName ?? '—'}</td>
      <td>
        {r.channelName
          ? r.channelKey
            ? t(`channels.${r.channelKey}`, { defaultValue: r.channelName })
            : r.channelName
          : '—'}
      </td>
      <td>{r.groupName ?? '—'}</td>
      <td>
        <StatusBadge tone={activityStateTone[r.state]}>{t(`states.${r.state}`)}</StatusBadge>
        {r.validated + r.submitted > 0 ? (
          <div className="text-xs text-ink-muted">
            {t('workplan.actionsCount', { count: r.validated + r.submitted })}
          </div>
        ) : null}
      </td>
    </tr>
  )
}
