import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ChartFigure } from '~/components/charts/ChartFigure'
import { DashboardHeader, useDashboardCsv } from '~/components/charts/DashboardControls'
import { HorizontalBarChart } from '~/components/charts/lazy'
import { StatusBadge } from '~/components/list'
import {
  coverage,
  coverageTables,
  dashboardOptions,
  filtersFrom,
  parseDashboardParams,
} from '~/models/dashboards/index.server'
import type { TableModel } from '~/models/dashboards/table-model'
import { requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('dashboard:coverage.title')

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

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>
type SectionProps = { data: Loaded['data']; tables: Loaded['tables']; csv: (table?: string) => string }

const tone = { on_track: 'ok', at_risk: 'warn', behind: 'bad' } as const

/** A language code's name in the reader's language. */
function useLanguageName() {
  const { t } = useTranslation('dashboard')
  return (code: string) => t(`common:languages.${code}`, { defaultValue: code })
}

export default function CoverageDashboard() {
  const { t } = useTranslation('dashboard')
  const f = useFormat()
  const { params, print, data, tables, options } = useLoaderData<typeof loader>()
  const csv = useDashboardCsv('/dashboard/coverage.csv')
  const sections = { data, tables, csv }
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
      <TargetsSection {...sections} />
      <UnreachedSection {...sections} />
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
      <LanguagesSection {...sections} />
      <MaterialsSection {...sections} />
      <ChartFigure
        id="events"
        title={t('people:coverage.eventsTitle')}
        description={t('people:coverage.eventsNote')}
        table={tables.events}
        csvHref={csv('events')}
      />
      <p className="hidden text-xs text-ink-muted print:block">
        {t('print.footer', { project: data.projectName, month: f.month(data.month) })}
      </p>
    </div>
  )
}

/** How many targets are on track, at risk and behind. */
function TargetStatusCounts({ targets }: { targets: SectionProps['data']['targets'] }) {
  const { t } = useTranslation('dashboard')
  const f = useFormat()
  const counts = { on_track: 0, at_risk: 0, behind: 0 }
  for (const target of targets) counts[target.status]++
  if (!targets.length) return <p className="text-sm">{t('coverage.noTargets')}</p>
  return (
    <ul className="flex flex-wrap gap-2" aria-label={t('columns.status')}>
      {(['on_track', 'at_risk', 'behind'] as const).map((s) => (
        <li key={s}>
          <StatusBadge tone={tone[s]}>
            {t(`status.${s}`)}: {f.number(counts[s])}
          </StatusBadge>
        </li>
      ))}
    </ul>
  )
}

function TargetsSection({ data, tables, csv }: SectionProps) {
  const { t } = useTranslation('dashboard')
  const f = useFormat()
  const language = useLanguageName()
  return (
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
      <TargetStatusCounts targets={data.targets} />
    </ChartFigure>
  )
}

function UnreachedSection({ data, tables, csv }: SectionProps) {
  const { t } = useTranslation('dashboard')
  const f = useFormat()
  const { priority } = data
  return (
    <ChartFigure
      id="unreached"
      title={
        priority.group
          ? t('coverage.unreachedGroupTitle', { group: priority.group.name })
          : t('coverage.unreachedTitle')
      }
      description={
        <>
          {t('coverage.unreachedSummary', {
            unreached: f.number(priority.unreached),
            total: f.number(priority.total),
            months: data.since,
          })}{' '}
          {priority.unreached > priority.rows.length
            ? t('coverage.unreachedMore', { shown: f.number(priority.rows.length) })
            : null}
        </>
      }
      table={tables.unreached}
      csvHref={csv('unreached')}
    />
  )
}

function LanguagesSection({ data, tables, csv }: SectionProps) {
  const { t } = useTranslation('dashboard')
  const f = useFormat()
  const language = useLanguageName()
  const { working, unused } = data.languages
  return (
    <ChartFigure
      split
      id="languages"
      title={t('coverage.languagesTitle')}
      description={
        <>
          {t('coverage.languagesSummary', {
            used: f.number(working.length - unused.length),
            total: f.number(working.length),
            months: data.since,
          })}{' '}
          {unused.length
            ? t('coverage.unusedList', { list: unused.map(language).join(', ') })
            : t('coverage.allUsed')}
        </>
      }
      table={tables.languages}
      csvHref={csv('languages')}
      chart={
        <HorizontalBarChart
          id="chart-languages"
          data={working.map((l) => ({ name: language(l.language), value: l.actions }))}
          valueName={t('figures.actions')}
          formatNumber={(v) => f.number(v)}
        />
      }
    />
  )
}

function MaterialsSection({ data, tables, csv }: SectionProps) {
  const { t } = useTranslation('dashboard')
  const f = useFormat()
  const language = useLanguageName()
  return (
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
  )
}
