import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSubmit } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { EmptyState, ExportLink, StatusBadge } from '~/components/list'
import { PlanNav } from '~/components/plan-nav'
import { percentageMetrics } from '~/models/metrics.server'
import { facetLabeller, listTargetsWithProgress, targetListOptions } from '~/models/targets.server'
import { requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { can } from '~/utils/permissions'

export const meta: MetaFunction = () => [{ title: 'Targets · Ripple' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const { includeSubmitted, archived } = targetListOptions(new URL(request.url).searchParams)
  const label = facetLabeller()
  const rows = listTargetsWithProgress({ includeSubmitted, archived }).map((t) => ({
    ...t,
    facetLabel: label(t.breakdown, t.breakdownValue),
    isPercentage: percentageMetrics.includes(t.metric),
  }))
  return json({ rows, includeSubmitted, archived, canEdit: can(user, 'plan:edit') })
}

const tone = { on_track: 'ok', at_risk: 'warn', behind: 'bad' } as const

export default function TargetsPage() {
  const { t } = useTranslation('plan')
  const f = useFormat()
  const submit = useSubmit()
  const { rows, includeSubmitted, archived, canEdit } = useLoaderData<typeof loader>()
  const n = (v: number, pct: boolean) => (pct ? `${f.number(v)} %` : f.number(v))
  return (
    <div className="space-y-6">
      <div className="page-title">
        <h1>{t('targets.title')}</h1>
        <div className="flex gap-2">
          <ExportLink to="/plan/targets.csv" />
          {canEdit ? (
            <Link to="/plan/targets/new" className="btn-primary">
              {t('targets.new')}
            </Link>
          ) : null}
        </div>
      </div>
      <PlanNav current="targets" />
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
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="archived" value="1" defaultChecked={archived} className="h-5 w-5" />
          {t('common:list.showArchived')}
        </label>
        <button type="submit" className="btn-secondary">
          {t('common:list.filter')}
        </button>
      </Form>
      <p className="text-sm text-ink-muted">
        {includeSubmitted ? t('targets.countingSubmitted') : t('targets.countingValidated')}
      </p>
      {rows.length === 0 ? (
        <EmptyState
          title={t('targets.empty')}
          action={
            canEdit ? (
              <Link to="/plan/targets/new" className="btn-primary">
                {t('targets.new')}
              </Link>
            ) : null
          }
        >
          {t('targets.emptyHint')}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto" tabIndex={0}>
          <table className="table">
            <caption className="sr-only">{t('targets.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('targets.target')}</th>
                <th scope="col">{t('targets.period')}</th>
                <th scope="col" className="text-right">
                  {t('targets.value')}
                </th>
                <th scope="col" className="text-right">
                  {t('targets.actual')}
                </th>
                <th scope="col" className="text-right">
                  {t('targets.percentage')}
                </th>
                <th scope="col" className="text-right">
                  {t('targets.projection')}
                </th>
                <th scope="col">{t('targets.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-target-id={r.id}>
                  <td>
                    {canEdit ? (
                      <Link to={`/plan/targets/${r.id}`}>{r.label || t(`metrics.${r.metric}`)}</Link>
                    ) : (
                      r.label || t(`metrics.${r.metric}`)
                    )}
                    <div className="text-xs text-ink-muted">
                      {t(`metrics.${r.metric}`)}
                      {r.breakdown
                        ? ` · ${t(`breakdowns.${r.breakdown}`)}: ${r.breakdown === 'language' ? t(`common:languages.${r.breakdownValue}`, { defaultValue: r.facetLabel ?? '' }) : (r.facetLabel ?? '')}`
                        : ''}
                    </div>
                  </td>
                  <td>
                    {t(`periodKinds.${r.periodKind}`)}
                    <div className="text-xs text-ink-muted">
                      {f.date(r.periodStart)} – {f.date(r.periodEnd)}
                    </div>
                  </td>
                  <td className="text-right">{n(r.value, r.isPercentage)}</td>
                  <td className="text-right" data-cell="actual">
                    {n(r.progress.actual, r.isPercentage)}
                  </td>
                  <td className="text-right">{f.number(r.progress.percentage)} %</td>
                  <td className="text-right">
                    {r.progress.notStarted
                      ? t('targets.notStarted')
                      : n(r.progress.projection, r.isPercentage)}
                  </td>
                  <td>
                    <StatusBadge tone={tone[r.progress.status]}>
                      {t(`status.${r.progress.status}`)}
                    </StatusBadge>
                    {r.progress.finished ? (
                      <div className="text-xs text-ink-muted">{t('targets.finished')}</div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="text-xs text-ink-muted">{t('targets.rule')}</p>
    </div>
  )
}
