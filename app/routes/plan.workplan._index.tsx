import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import {
  EmptyState,
  ExportLink,
  FilterActions,
  FilterSelect,
  Pagination,
  StatusBadge,
} from '~/components/list'
import { activityStateTone, PlanNav } from '~/components/plan-nav'
import { activityFilterSchema, listActivities, planFormOptions } from '~/models/plan.server'
import { activityStateList } from '~/models/plan-forms'
import { requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { pageFromUrl } from '~/utils/paging'
import { can } from '~/utils/permissions'

export const meta: MetaFunction = () => [{ title: 'Work plan · Ripple' }]

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
    canEdit: can(user, 'plan:edit'),
  })
}

export default function WorkPlanPage() {
  const { t } = useTranslation('plan')
  const { t: tc } = useTranslation()
  const f = useFormat()
  const { rows, total, page, pageSize, filter, options, canEdit } = useLoaderData<typeof loader>()
  const filtered = Object.values(filter).some((v) => v !== undefined)
  return (
    <div className="space-y-6">
      <div className="page-title">
        <h1>{t('workplan.title')}</h1>
        <div className="flex gap-2">
          <ExportLink to="/plan/workplan.csv" />
          {canEdit ? (
            <Link to="/plan/workplan/new" className="btn-primary">
              {t('workplan.new')}
            </Link>
          ) : null}
        </div>
      </div>
      <PlanNav current="workplan" />
      <Form method="get" className="card grid gap-3 sm:grid-cols-2 lg:grid-cols-4 no-print">
        <label className="text-sm">
          <span className="label">{tc('list.search')}</span>
          <input name="q" defaultValue={filter.q ?? ''} className="input" type="search" />
        </label>
        <FilterSelect
          name="partner"
          label={t('workplan.partner')}
          value={filter.partner}
          options={options.partners}
        />
        <FilterSelect
          name="group"
          label={t('workplan.group')}
          value={filter.group}
          options={options.groups}
        />
        <FilterSelect
          name="event"
          label={t('workplan.event')}
          value={filter.event}
          options={options.events}
        />
        <FilterSelect
          name="state"
          label={t('workplan.state')}
          value={filter.state}
          options={activityStateList.map((s) => ({ value: s, label: t(`states.${s}`) }))}
        />
        <label className="text-sm">
          <span className="label">{t('workplan.dueFrom')}</span>
          <input type="date" name="from" defaultValue={filter.from ?? ''} className="input" />
        </label>
        <label className="text-sm">
          <span className="label">{t('workplan.dueTo')}</span>
          <input type="date" name="to" defaultValue={filter.to ?? ''} className="input" />
        </label>
        <label className="flex items-center gap-2 self-end text-sm">
          <input
            type="checkbox"
            name="archived"
            value="1"
            defaultChecked={filter.archived === '1'}
            className="h-5 w-5"
          />
          {tc('list.showArchived')}
        </label>
        <FilterActions clearTo="/plan/workplan" filtered={filtered} />
      </Form>
      {rows.length === 0 ? (
        <EmptyState title={filtered ? t('workplan.emptyFiltered') : t('workplan.empty')}>
          {t('workplan.emptyHint')}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="table">
            <caption className="sr-only">{t('workplan.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('workplan.due')}</th>
                <th scope="col">{t('workplan.what')}</th>
                <th scope="col">{t('workplan.partner')}</th>
                <th scope="col">{t('workplan.channel')}</th>
                <th scope="col">{t('workplan.group')}</th>
                <th scope="col">{t('workplan.state')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
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
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  )
}
