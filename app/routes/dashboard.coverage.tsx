import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ChartFigure } from '~/components/charts/ChartFigure'
import { HorizontalBarChart } from '~/components/charts/charts'
import { DashboardHeader } from '~/components/charts/DashboardControls'
import type { TableModel } from '~/components/charts/table-model'
import { StatusBadge } from '~/components/list'
import {
  coverage,
  coverageTables,
  dashboardOptions,
  filtersFrom,
  parseDashboardParams,
} from '~/models/dashboard.server'
import { requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { withParam } from '~/utils/paging'

export const meta: MetaFunction = () => [{ title: 'Coverage · Ripple' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'dashboard:read')
  const url = new URL(request.url)
  const params = parseDashboardParams(url.searchParams)
  const data = coverage({
    month: params.month,
    since: params.since,
    group: params.group,
    filters: filtersFrom(params),
  })
  const tables = coverageTables(data)
  return json({
    params,
    print: url.searchParams.get('print') === '1',
    data,
    tables: Object.fromEntries(tables.map((t) => [t.id, t])) as Record<string, TableModel>,
    options: dashboardOptions(),
  })
}

const tone = { on_track: 'ok', at_risk: 'warn', behind: 'bad' } as const

export default function CoverageDashboard() {
  const { t } = useTranslation('dashboard')
  const f = useFormat()
  const { search } = useLocation()
  const { params, print, data, tables, options } = useLoaderData<typeof loader>()
  const csv = (table?: string) =>
    `/dashboard/coverage.csv${withParam(withParam(search, 'print', null), 'table', table ?? null)}`.replace(
      /\?$/,
      '',
    )
  const language = (code: string) => t(`common:languages.${code}`, { defaultValue: code })
  const counts = { on_track: 0, at_risk: 0, behind: 0 }
  for (const target of data.targets) counts[target.status]++

  return (
    <div className="dashboard space-y-6">
      <DashboardHeader
        projectName={data.projectName}
        title={t('coverage.title')}
        period={t('coverage.period', { month: f.month(data.month) })}
        month={data.month}
        validatedOnly={data.filters.validatedOnly !== false}
        csvAllHref={csv()}
        print={print}
        options={options}
        params={params}
        kind="coverage"
      />

      <ChartFigure
        id="targets"
        title={t('coverage.targetsTitle')}
        description={t('coverage.targetsNote')}
        table={tables.targets}
        csvHref={csv('targets')}
        chart={
          data.targets.length ? (
            <HorizontalBarChart
              id="chart-targets"
              data={data.targets.map((target) => ({
                name: `${target.label ?? t(`metrics.${target.metric}`)}${target.breakdownLabel ? ` · ${target.breakdown === 'language' ? language(target.breakdownValue ?? '') : target.breakdownLabel}` : ''}`,
                value: target.percentage,
                target: Math.min(target.projectedPercentage, 200),
              }))}
              valueName={t('columns.percentage')}
              targetName={`${t('columns.projection')} (%)`}
              formatNumber={(v) => f.number(v)}
            />
          ) : null
        }
      >
        {data.targets.length ? (
          <ul className="flex flex-wrap gap-2" aria-label={t('columns.status')}>
            {(['on_track', 'at_risk', 'behind'] as const).map((s) => (
              <li key={s}>
                <StatusBadge tone={tone[s]}>
                  {t(`status.${s}`)}: {f.number(counts[s])}
                </StatusBadge>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm">{t('coverage.noTargets')}</p>
        )}
      </ChartFigure>

      <ChartFigure
        id="unreached"
        title={
          data.priority.group
            ? t('coverage.unreachedGroupTitle', { group: data.priority.group.name })
            : t('coverage.unreachedTitle')
        }
        description={
          <>
            {t('coverage.unreachedSummary', {
              unreached: f.number(data.priority.unreached),
              total: f.number(data.priority.total),
              months: data.since,
            })}{' '}
            {data.priority.unreached > data.priority.rows.length
              ? t('coverage.unreachedMore', { shown: f.number(data.priority.rows.length) })
              : null}
          </>
        }
        table={tables.unreached}
        csvHref={csv('unreached')}
      />

      <ChartFigure
        id="partners"
        title={t('coverage.partnersTitle')}
        description={t('coverage.partnersSummary', {
          active: f.number(data.partners.active),
          total: f.number(data.partners.total),
          month: f.month(data.month),
        })}
        table={tables.partners}
        csvHref={csv('partners')}
      />

      <ChartFigure
        split
        id="languages"
        title={t('coverage.languagesTitle')}
        description={
          <>
            {t('coverage.languagesSummary', {
              used: f.number(data.languages.working.length - data.languages.unused.length),
              total: f.number(data.languages.working.length),
              months: data.since,
            })}{' '}
            {data.languages.unused.length
              ? t('coverage.unusedList', { list: data.languages.unused.map(language).join(', ') })
              : t('coverage.allUsed')}
          </>
        }
        table={tables.languages}
        csvHref={csv('languages')}
        chart={
          <HorizontalBarChart
            id="chart-languages"
            data={data.languages.working.map((l) => ({ name: language(l.language), value: l.actions }))}
            valueName={t('figures.actions')}
            formatNumber={(v) => f.number(v)}
          />
        }
      />

      <ChartFigure
        split
        id="materials"
        title={t('coverage.materialsTitle')}
        description={t('coverage.materialsNote')}
        table={tables.materials}
        csvHref={csv('materials')}
        chart={
          <HorizontalBarChart
            id="chart-materials"
            data={data.materials.map((m) => ({ name: language(m.language), value: m.materials }))}
            valueName={t('columns.materials')}
            formatNumber={(v) => f.number(v)}
          />
        }
      />
      <p className="hidden text-xs text-ink-muted print:block">
        {t('print.footer', { project: data.projectName, month: f.month(data.month) })}
      </p>
    </div>
  )
}
