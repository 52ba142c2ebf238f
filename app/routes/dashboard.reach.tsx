import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { BarList } from '~/components/charts/bars'
import { ChartFigure } from '~/components/charts/ChartFigure'
import { DashboardHeader, useDashboardCsv } from '~/components/charts/DashboardControls'
import { DataTable } from '~/components/charts/DataTable'
import { CumulativeChart, StackedMonthsChart } from '~/components/charts/lazy'
import {
  dashboardOptions,
  filtersFrom,
  monthlyReach,
  parseDashboardParams,
  reachTables,
} from '~/models/dashboards/index.server'
import { actionsLink } from '~/models/dashboards/links'
import { addMonths } from '~/models/dashboards/months'
import { roundForReading } from '~/models/dashboards/reading/rounding'
import { dimsInWords } from '~/models/dashboards/reading/scope'
import { percentChange, type TableModel } from '~/models/dashboards/table-model'
import { figureKey, type Named } from '~/models/dashboards/types'
import { requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { pageTitle } from '~/utils/meta'
import { withParam } from '~/utils/paging'

export const meta = pageTitle('dashboard:reach.title')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'dashboard:read')
  const url = new URL(request.url)
  const params = parseDashboardParams(url.searchParams)
  const reach = monthlyReach({
    month: params.month,
    months: params.months,
    stack: params.stack,
    metric: params.metric,
    filters: filtersFrom(params),
  })
  const tables = reachTables(reach)
  // Only aggregates go to the browser: the figures, the tables built from them, and the filter options.
  return json({
    params,
    print: url.searchParams.get('print') === '1',
    reach,
    tables: Object.fromEntries(tables.map((t) => [t.id, t])) as Record<string, TableModel>,
    options: dashboardOptions(),
    actionsHref: actionsLink(reach.filters, reach.month, reach.month),
  })
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>
type Reach = Data['reach']
type SectionProps = { reach: Reach; tables: Data['tables']; csv: (table?: string) => string }

/** What every chart of the page shares: the chosen figure and the number and month formats. */
function useChartText(reach: Reach) {
  const { t } = useTranslation('dashboard')
  const f = useFormat()
  return {
    t,
    f,
    fk: figureKey[reach.metric],
    metricName: t(`metrics.${reach.metric}`),
    monthLabel: (m: string) => f.month(m, 'short'),
    formatNumber: (v: number) => f.number(roundForReading(v)),
  }
}

export default function ReachDashboard() {
  const { t } = useTranslation('dashboard')
  const f = useFormat()
  const { params, print, reach, tables, options, actionsHref } = useLoaderData<typeof loader>()
  const csv = useDashboardCsv('/dashboard/reach.csv')
  const sections = { reach, tables, csv }
  return (
    <div className="dashboard space-y-6">
      <DashboardHeader
        projectName={reach.projectName}
        title={t('reach.title')}
        period={t('reach.period', { month: f.month(reach.month) })}
        month={reach.month}
        validatedOnly={reach.filters.validatedOnly !== false}
        csvAllHref={csv()}
        print={print}
        options={options}
        params={params}
        kind="reach"
        view={{ filters: reach.filters, from: addMonths(reach.month, -(reach.months - 1)), to: reach.month }}
      />
      <HeadlineSection {...sections} actionsHref={actionsHref} />
      <MonthlySection {...sections} />
      <PartnersSection {...sections} actionsHref={actionsHref} />
      <CategoriesSection {...sections} />
      <LanguagesSection {...sections} actionsHref={actionsHref} />
      <CumulativeSection {...sections} />
      <ChartFigure
        id="top"
        title={t('reach.topTitle')}
        description={t('reach.topNote')}
        table={tables.top}
        csvHref={csv('top')}
        actionsHref={actionsHref}
      />
      <p className="hidden text-xs text-ink-muted print:block">
        {t('print.footer', { project: reach.projectName, month: f.month(reach.month) })}
      </p>
    </div>
  )
}

function HeadlineSection({ reach, tables, csv, actionsHref }: SectionProps & { actionsHref: string }) {
  const { t } = useTranslation('dashboard')
  const f = useFormat()
  return (
    <section aria-labelledby="headline-title" className="space-y-3">
      <h2 id="headline-title">{t('reach.headline')}</h2>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 print:grid-cols-3">
        {reach.headline.map((h) => (
          <li key={h.key} className="card print:break-inside-avoid">
            <p className="text-sm text-ink-muted">{t(`figures.${h.key}`)}</p>
            <p className="text-3xl font-semibold tabular-nums">{f.number(h.value)}</p>
            <p className="mt-1 text-sm">
              <Change now={h.value} before={h.previous} label={t('reach.vsPrevious')} />
            </p>
            <p className="text-sm">
              <Change now={h.value} before={h.yearAgo} label={t('reach.vsYearAgo')} />
            </p>
          </li>
        ))}
      </ul>
      <div className="card">
        <div className="mb-2 flex justify-end gap-3 text-sm no-print">
          <a href={actionsHref}>{t('links.actions')}</a>
          <a href={csv('headline')} download data-csv="headline">
            {t('links.csv')}
          </a>
        </div>
        <DataTable model={tables.headline} />
      </div>
    </section>
  )
}

function MonthlySection({ reach, tables, csv }: SectionProps) {
  const { t, fk, metricName, monthLabel, formatNumber } = useChartText(reach)
  const { search } = useLocation()
  const stackName = (k: Named) =>
    k.key
      ? t(`actions:${reach.stack === 'channel' ? 'channels' : 'types'}.${k.key}`, { defaultValue: k.name })
      : k.name || t(`stack.none.${reach.stack}`)
  return (
    <ChartFigure
      id="monthly"
      title={t('reach.monthlyTitle', { metric: metricName, months: reach.months })}
      description={t(reach.stack === 'channel' ? 'reach.stackedByChannel' : 'reach.stackedByType')}
      table={tables.monthly}
      csvHref={csv('monthly')}
      actionsHref={actionsLink(reach.filters, addMonths(reach.month, -(reach.months - 1)), reach.month)}
      chart={(width) => (
        <StackedMonthsChart
          id="chart-monthly"
          width={width}
          data={reach.series.map((s) => ({
            month: s.month,
            ...Object.fromEntries(reach.stackKeys.map((k) => [`k${k.id}`, s.byKey[String(k.id)]?.[fk] ?? 0])),
          }))}
          keys={reach.stackKeys.map((k) => ({ dataKey: `k${k.id}`, name: stackName(k) }))}
          otherName={t('reading:chart.other')}
          monthLabel={monthLabel}
          formatNumber={formatNumber}
        />
      )}
    >
      <p className="text-sm text-ink-muted">
        {t('reading:chart.topNote', { count: reach.stackKeys.length })}
      </p>
      <p className="text-sm no-print">
        <a href={withParam(search, 'stack', reach.stack === 'channel' ? 'type' : 'channel')}>
          {t(reach.stack === 'channel' ? 'reach.switchToType' : 'reach.switchToChannel')}
        </a>
        {' · '}
        <a href={withParam(search, 'months', reach.months === 12 ? 24 : 12)}>
          {t('reach.switchMonths', { count: reach.months === 12 ? 24 : 12 })}
        </a>
      </p>
    </ChartFigure>
  )
}

function PartnersSection({ reach, tables, csv, actionsHref }: SectionProps & { actionsHref: string }) {
  const { t, fk, metricName, formatNumber } = useChartText(reach)
  return (
    <ChartFigure
      id="partners"
      title={t('reach.partnersTitle', { metric: metricName })}
      description={t('reach.partnersNote')}
      table={tables.partners}
      csvHref={csv('partners')}
      actionsHref={actionsHref}
      chart={
        <BarList
          data={reach.byPartner.map((p) => ({ name: p.name, value: p[fk], target: p.target }))}
          valueName={metricName}
          targetName={t('reach.targetForMonth')}
          formatNumber={formatNumber}
        />
      }
    >
      {reach.partnerTargetsNotComparedBy.length ? (
        <p className="text-sm" data-scope-note="">
          {t('reading:scope.partnerTargets', { by: dimsInWords(reach.partnerTargetsNotComparedBy, t) })}
        </p>
      ) : null}
    </ChartFigure>
  )
}

function CategoriesSection({ reach, tables, csv }: SectionProps) {
  const { t, fk, metricName, formatNumber } = useChartText(reach)
  return (
    <ChartFigure
      split
      id="categories"
      title={t('reach.categoriesTitle', { metric: metricName })}
      description={t('reach.categoriesNote')}
      table={tables.categories}
      csvHref={csv('categories')}
      chart={
        <BarList
          data={reach.byCategory.map((c) => ({
            name: c.key ? t(`stakeholders:categories.${c.key}`, { defaultValue: c.name }) : c.name,
            value: c[fk],
          }))}
          valueName={metricName}
          formatNumber={formatNumber}
        />
      }
    />
  )
}

function LanguagesSection({ reach, tables, csv, actionsHref }: SectionProps & { actionsHref: string }) {
  const { t, fk, metricName, formatNumber } = useChartText(reach)
  return (
    <ChartFigure
      split
      id="languages"
      title={t('reach.languagesTitle', { metric: metricName })}
      description={t('reach.languagesNote')}
      table={tables.languages}
      csvHref={csv('languages')}
      actionsHref={actionsHref}
      chart={
        <BarList
          data={reach.byLanguage.map((l) => ({
            name: t(`common:languages.${l.language}`, { defaultValue: l.language }),
            value: l[fk],
          }))}
          valueName={metricName}
          formatNumber={formatNumber}
        />
      }
    />
  )
}

function CumulativeSection({ reach, tables, csv }: SectionProps) {
  const { t, f, metricName, monthLabel, formatNumber } = useChartText(reach)
  const c = reach.cumulative
  const figures = {
    actual: formatNumber(c.actualToDate),
    projected: c.projectedAtEnd === null ? '–' : formatNumber(c.projectedAtEnd),
  }
  return (
    <ChartFigure
      split
      id="cumulative"
      title={t('reach.cumulativeTitle', { metric: metricName })}
      description={
        <>
          {t('reach.cumulativePeriod', { from: f.date(c.period.start), to: f.date(c.period.end) })}{' '}
          {c.target
            ? t('reach.cumulativeTarget', { target: f.number(c.target.value), ...figures })
            : reach.cumulativeNotCompared
              ? t('reading:scope.cumulativeNotCompared', {
                  target: f.number(reach.cumulativeNotCompared.value),
                  by: dimsInWords(reach.cumulativeNotCompared.by, t),
                  actual: figures.actual,
                })
              : t('reach.cumulativeNoTarget', figures)}
        </>
      }
      table={tables.cumulative}
      csvHref={csv('cumulative')}
      chart={(width) => (
        <CumulativeChart
          id="chart-cumulative"
          width={width}
          data={c.rows}
          names={{
            actual: t('columns.cumulativeActual'),
            target: t('columns.targetPace'),
            projection: t('columns.projection'),
          }}
          monthLabel={monthLabel}
          formatNumber={formatNumber}
        />
      )}
    />
  )
}

function Change({ now, before, label }: { now: number; before: number; label: string }) {
  const { t } = useTranslation('dashboard')
  const f = useFormat()
  const diff = now - before
  const pct = percentChange(now, before)
  const word = diff > 0 ? t('change.up') : diff < 0 ? t('change.down') : t('change.same')
  return (
    <span className={diff > 0 ? 'text-ok' : diff < 0 ? 'text-bad' : 'text-ink-muted'}>
      {word} {diff !== 0 ? `${diff > 0 ? '+' : '−'}${f.number(Math.abs(diff))}` : ''}
      {pct !== null && diff !== 0 ? ` (${pct > 0 ? '+' : '−'}${f.number(Math.abs(pct))} %)` : ''}{' '}
      <span className="text-ink-muted">{label}</span>
    </span>
  )
}
