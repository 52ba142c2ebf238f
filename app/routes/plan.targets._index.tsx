import { json, type LoaderFunctionArgs, type SerializeFrom } from '@remix-run/node'
import { Form, Link, useLoaderData, useSubmit } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ArchivedFilter, EmptyState, FilterSelect, PageHeader, StatusBadge } from '~/components/list'
import { PlanNav } from '~/components/plan-nav'
import { actualAsOf } from '~/models/dashboards/reading/scope'
import {
  facetLabeller,
  listTargetsWithProgress,
  percentageMetrics,
  targetListOptions,
} from '~/models/plan/index.server'
import { canEditPlan } from '~/models/plan/policy'
import { requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('plan:targets.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const { includeSubmitted, archived, status } = targetListOptions(new URL(request.url).searchParams)
  const label = facetLabeller()
  // Every actual is counted to this day (a finished period: to its last day), and says so.
  const today = new Date().toISOString().slice(0, 10)
  const rows = listTargetsWithProgress({ includeSubmitted, archived, status, today }).map((t) => ({
    ...t,
    asOf: actualAsOf(t, today),
    facetLabel: label(t.breakdown, t.breakdownValue),
    isPercentage: percentageMetrics.includes(t.metric),
  }))
  return json({ rows, includeSubmitted, archived, status: status ?? '', canEdit: canEditPlan(user), today })
}

type Row = SerializeFrom<typeof loader>['rows'][number]

const tone = { on_track: 'ok', at_risk: 'warn', behind: 'bad' } as const
const statuses = Object.keys(tone) as (keyof typeof tone)[]

export default function TargetsPage() {
  const { t } = useTranslation('plan')
  const { rows, includeSubmitted, archived, status, canEdit, today } = useLoaderData<typeof loader>()
  const f = useFormat()
  const newTarget = canEdit ? (
    <Link to="/plan/targets/new" className="btn-primary">
      {t('targets.new')}
    </Link>
  ) : null
  return (
    <div className="space-y-6">
      <PageHeader title={t('targets.title')} exportTo="/plan/targets.csv">
        {newTarget}
      </PageHeader>
      <PlanNav current="targets" />
      <TargetsFilter includeSubmitted={includeSubmitted} archived={archived} status={status} />
      <p className="text-sm text-ink-muted">
        {includeSubmitted ? t('targets.countingSubmitted') : t('targets.countingValidated')}{' '}
        <span data-as-of={today}>{t('reading:targets.listAsOf', { date: f.date(today) })}</span>
      </p>
      {rows.length === 0 ? (
        <EmptyState title={t('targets.empty')} action={newTarget}>
          {t('targets.emptyHint')}
        </EmptyState>
      ) : (
        <TargetsTable rows={rows} canEdit={canEdit} />
      )}
      <p className="text-xs text-ink-muted">{t('targets.rule')}</p>
    </div>
  )
}

function TargetsFilter({
  includeSubmitted,
  archived,
  status,
}: {
  includeSubmitted: boolean
  archived: boolean
  status: string
}) {
  const { t } = useTranslation('plan')
  const submit = useSubmit()
  return (
    <Form
      method="get"
      className="card flex flex-wrap items-center gap-4 no-print"
      onChange={(e) => submit(e.currentTarget)}
    >
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="includeSubmitted"
          value="1"
          defaultChecked={includeSubmitted}
          className="h-5 w-5"
        />
        {t('targets.includeSubmitted')}
      </label>
      <FilterSelect
        name="status"
        label={t('targets.status')}
        value={status}
        options={statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      />
      <ArchivedFilter checked={archived} />
      <button type="submit" className="btn-secondary">
        {t('common:list.filter')}
      </button>
    </Form>
  )
}

function TargetsTable({ rows, canEdit }: { rows: Row[]; canEdit: boolean }) {
  const { t } = useTranslation('plan')
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling table must take keyboard focus to scroll
    <div className="overflow-x-auto" tabIndex={0}>
      <table className="table">
        <caption className="sr-only">{t('targets.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('targets.target')}</th>
            <th scope="col">{t('targets.period')}</th>
            {(['value', 'actual', 'percentage', 'projection'] as const).map((k) => (
              <th key={k} scope="col" className="text-right">
                {t(`targets.${k}`)}
              </th>
            ))}
            <th scope="col">{t('targets.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <TargetRow key={r.id} row={r} canEdit={canEdit} />
          ))}
        </tbody>
      </table>
    </div>
  )
}

function TargetRow({ row: r, canEdit }: { row: Row; canEdit: boolean }) {
  const { t } = useTranslation('plan')
  const f = useFormat()
  const n = (v: number) => (r.isPercentage ? `${f.number(v)} %` : f.number(v))
  const name = r.label || t(`metrics.${r.metric}`)
  const facet =
    r.breakdown === 'language'
      ? t(`common:languages.${r.breakdownValue}`, { defaultValue: r.facetLabel ?? '' })
      : (r.facetLabel ?? '')
  return (
    <tr data-target-id={r.id}>
      <td>
        {canEdit ? <Link to={`/plan/targets/${r.id}`}>{name}</Link> : name}
        <div className="text-xs text-ink-muted">
          {t(`metrics.${r.metric}`)}
          {r.breakdown ? ` · ${t(`breakdowns.${r.breakdown}`)}: ${facet}` : ''}
        </div>
      </td>
      <td>
        {t(`periodKinds.${r.periodKind}`)}
        <div className="text-xs text-ink-muted">
          {f.date(r.periodStart)} – {f.date(r.periodEnd)}
        </div>
      </td>
      <td className="text-right">{n(r.value)}</td>
      <td className="text-right">
        <span data-cell="actual">{n(r.progress.actual)}</span>
        <div className="text-xs text-ink-muted" data-as-of={r.asOf ?? ''}>
          {r.asOf ? t('reading:targets.asOf', { date: f.date(r.asOf) }) : t('reading:targets.notStarted')}
        </div>
      </td>
      <td className="text-right">{f.number(r.progress.percentage)} %</td>
      <td className="text-right">
        {r.progress.notStarted ? t('targets.notStarted') : n(r.progress.projection)}
      </td>
      <td>
        <StatusBadge tone={tone[r.progress.status]}>{t(`status.${r.progress.status}`)}</StatusBadge>
        {r.progress.finished ? <div className="text-xs text-ink-muted">{t('targets.finished')}</div> : null}
      </td>
    </tr>
  )
}
