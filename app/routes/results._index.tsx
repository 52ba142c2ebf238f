import { json, type LoaderFunctionArgs, type SerializeFrom } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

// Values the page renders with come from modules the browser also gets (a .server module is empty there).
import { outcomeStatuses, outcomeTypes } from '#db/schema'
import {
  EmptyState,
  FilterActions,
  FilterInput,
  FilterSelect,
  PageHeader,
  Pagination,
  StatusBadge,
} from '~/components/list'
import { MonthInput } from '~/components/month-input'
import {
  canProposeOutcomes,
  listOutcomes,
  outcomeFilterSchema,
  outcomeFormOptions,
} from '~/models/outcomes/index.server'
import { outcomeStatusTone } from '~/models/outcomes/schemas'
import { canReadValueReport } from '~/models/reports/policy'
import { requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { pageTitle } from '~/utils/meta'
import { pageFromUrl } from '~/utils/paging'

export const meta = pageTitle('results:meta.list')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'outcome:read')
  const url = new URL(request.url)
  const filter = outcomeFilterSchema.parse(Object.fromEntries(url.searchParams))
  const page = pageFromUrl(url)
  const { rows, total } = listOutcomes(filter, page)
  return json({
    rows,
    total,
    page: page.page,
    pageSize: page.pageSize,
    filter,
    partners: outcomeFormOptions(null, { actionIds: [], eventIds: [] }).partners,
    canCreate: canProposeOutcomes(user),
    canReadReport: canReadValueReport(user),
  })
}

type Data = SerializeFrom<typeof loader>

export default function OutcomesPage() {
  const { t } = useTranslation('results')
  const { rows, total, page, pageSize, filter, partners, canCreate, canReadReport } =
    useLoaderData<typeof loader>()
  const filtered = Object.values(filter).some((v) => v !== undefined)
  const newOutcome = (
    <Link to="/results/new" className="btn-primary">
      {t('new')}
    </Link>
  )
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} exportTo="/results.csv">
        <Link to="/plan/indicators" className="btn-secondary">
          {t('indicatorsLink')}
        </Link>
        {canReadReport ? (
          <Link to="/reports/value" className="btn-secondary">
            {t('reportLink')}
          </Link>
        ) : null}
        {canCreate ? newOutcome : null}
      </PageHeader>
      <p className="text-sm text-ink-muted">{t('intro')}</p>
      <OutcomesFilter filter={filter} partners={partners} filtered={filtered} />
      {rows.length === 0 ? (
        <EmptyState
          title={filtered ? t('emptyFiltered') : t('empty')}
          action={canCreate && !filtered ? newOutcome : null}
        >
          {t('emptyHint')}
        </EmptyState>
      ) : (
        <OutcomesTable rows={rows} />
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  )
}

function OutcomesFilter({
  filter,
  partners,
  filtered,
}: {
  filter: Data['filter']
  partners: Data['partners']
  filtered: boolean
}) {
  const { t } = useTranslation('results')
  const { t: tc } = useTranslation()
  return (
    <Form method="get" className="card grid gap-3 sm:grid-cols-2 lg:grid-cols-3 no-print">
      <FilterInput name="q" label={tc('list.search')} value={filter.q} />
      <FilterSelect
        name="type"
        label={t('fields.type')}
        value={filter.type}
        options={outcomeTypes.map((k) => ({ value: k, label: t(`types.${k}`) }))}
      />
      <FilterSelect
        name="status"
        label={t('fields.status')}
        value={filter.status}
        options={outcomeStatuses.map((k) => ({ value: k, label: t(`status.${k}`) }))}
      />
      <FilterSelect name="partner" label={t('fields.partner')} value={filter.partner} options={partners} />
      <MonthInput name="from" label={t('filters.from')} value={filter.from} />
      <MonthInput name="to" label={t('filters.to')} value={filter.to} />
      <FilterActions clearTo="/results" filtered={filtered} />
    </Form>
  )
}

function OutcomesTable({ rows }: { rows: Data['rows'] }) {
  const { t } = useTranslation('results')
  const f = useFormat()
  return (
    <div className="overflow-x-auto">
      <table className="table">
        <caption className="sr-only">{t('title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('fields.date')}</th>
            <th scope="col">{t('fields.title')}</th>
            <th scope="col">{t('fields.partner')}</th>
            <th scope="col">{t('fields.status')}</th>
            <th scope="col">{t('list.fedBy')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="whitespace-nowrap">{f.date(r.date)}</td>
              <td>
                <Link to={`/results/${r.id}`}>{r.title}</Link>
                <div className="text-xs text-ink-muted">{t(`types.${r.type}`)}</div>
              </td>
              <td>{r.partnerName}</td>
              <td>
                <StatusBadge tone={outcomeStatusTone[r.status]}>{t(`status.${r.status}`)}</StatusBadge>
              </td>
              <td className="text-sm">
                {t('list.fedByValue', {
                  actions: r.actionCount,
                  events: r.eventCount,
                  stakeholders: r.stakeholderCount,
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
