import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'

import { BarList, type TargetBar, TargetBars } from '~/components/charts/bars'
import { ChartFigure } from '~/components/charts/ChartFigure'
import { DashboardHeader, useDashboardCsv } from '~/components/charts/DashboardControls'
import { StatusBadge } from '~/components/list'
import {
  coverage,
  dashboardOptions,
  filtersFrom,
  parseDashboardParams,
} from '~/models/dashboards/index.server'
import { roundForReading } from '~/models/dashboards/reading/rounding'
import { actualAsOf, dimsInWords } from '~/models/dashboards/reading/scope'
import type { TableModel } from '~/models/dashboards/table-model'
import { coverageTables } from '~/models/dashboards/tables/coverage'
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
  // The tables beside the charts are built from `data` on the page (the same cells as the CSV),
  // so the figures cross the wire once.
  return json({ params, print: url.searchParams.get('print') === '1', data, options: dashboardOptions() })
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>
type SectionProps = {
  data: Loaded['data']
  tables: Record<string, TableModel>
  csv: (table?: string) => string
}

const tone = { on_track: 'ok', at_risk: 'warn', behind: 'bad' } as const

/** A language code's name in the reader's language. */
function useLanguageName() {
  const { t } = useTranslation('dashboard')
  return (code: string) => t(`common:languages.${code}`, { defaultValue: code })
}

export default function CoverageDashboard() {
  const { t } = useTranslation('dashboard')
  const f = useFormat()
  const { params, print, data, options } = useLoaderData<typeof loader>()
  const tables = useMemo(
    () => Object.fromEntries(coverageTables(data).map((table) => [table.id, table])),
    [data],
  )
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
        view={{ filters: data.filters, group: params.group, from: data.windowStart, to: data.month }}
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
  for (const target of targets) if (target.scope.kind === 'compared') counts[target.status]++
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

/** Each target as a labelled progress bar: its name, scope, actual of target as of a date, status in words. */
function useTargetBars(data: SectionProps['data']): TargetBar[] {
  const { t } = useTranslation('dashboard')
  const f = useFormat()
  const language = useLanguageName()
  return data.targets.map((target) => {
    const scopeName = target.breakdown
      ? target.breakdown === 'language'
        ? language(target.breakdownValue ?? '')
        : (target.breakdownLabel ?? '')
      : t('coverage.wholeProject')
    const base = { id: target.id, name: target.label ?? t(`metrics.${target.metric}`), scopeName }
    if (target.scope.kind !== 'compared') {
      const by = dimsInWords(target.scope.kind === 'not_compared' ? target.scope.by : [], t)
      const why = t(target.breakdown ? 'reading:scope.notCompared' : 'reading:scope.projectWide', { by })
      return { ...base, progress: why, percentage: null, status: null }
    }
    const day = actualAsOf(target, data.asOf)
    const progress = t('reading:targets.progress', {
      actual: f.number(roundForReading(target.actual)),
      target: f.number(roundForReading(target.value)),
      percent: f.number(roundForReading(target.percentage, 'percent')),
    })
    return {
      ...base,
      progress: `${progress} · ${day ? t('reading:targets.asOf', { date: f.date(day) }) : t('reading:targets.notStarted')}`,
      percentage: target.percentage,
      status: <StatusBadge tone={tone[target.status]}>{t(`status.${target.status}`)}</StatusBadge>,
    }
  })
}

function TargetsSection({ data, tables, csv }: SectionProps) {
  const { t } = useTranslation('dashboard')
  const bars = useTargetBars(data)
  return (
    <ChartFigure
      id="targets"
      title={t('coverage.targetsTitle')}
      description={t('coverage.targetsNote')}
      table={tables.targets}
      csvHref={csv('targets')}
      chart={data.targets.length ? <TargetBars items={bars} /> : null}
    >
      <TargetStatusCounts targets={data.targets} />
      {data.targetsOtherScope ? (
        <p className="text-sm" data-scope-note="">
          {t('reading:scope.otherScope', { count: data.targetsOtherScope })}
        </p>
      ) : null}
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
  const { working, unused, other } = data.languages
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
            : t('coverage.allUsed')}{' '}
          <span data-other-languages="">
            {other.length
              ? t('reading:languages.other', {
                  list: other.map((l) => `${language(l.language)} (${f.number(l.actions)})`).join(', '),
                })
              : t('reading:languages.noOther')}
          </span>
        </>
      }
      table={tables.languages}
      csvHref={csv('languages')}
      chart={
        <BarList
          data={working.map((l) => ({ name: language(l.language), value: l.actions }))}
          valueName={t('figures.actions')}
          formatNumber={(v) => f.number(roundForReading(v))}
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
        <BarList
          data={data.materials.map((m) => ({ name: language(m.language), value: m.materials }))}
          valueName={t('columns.materials')}
          formatNumber={(v) => f.number(roundForReading(v))}
        />
      }
    />
  )
}
