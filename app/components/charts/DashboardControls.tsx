import { Link, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { addMonths } from '~/models/dashboards/months'
import {
  type FilterDescriptionInput,
  filterFacts,
  filterSentence,
} from '~/models/dashboards/reading/describe'
import type { DashboardOptions } from '~/models/dashboards/types'
import { withParam } from '~/utils/paging'

import { type DashboardFilterParams, DashboardFilters } from './DashboardFilters'

/** Previous / next month links that keep every other filter. */
export function MonthStepper({ month, previous, next }: { month: string; previous: string; next: string }) {
  const { t } = useTranslation('dashboard')
  const { search } = useLocation()
  return (
    <nav aria-label={t('filters.monthNav')} className="flex gap-2 no-print">
      <Link
        className="btn-secondary"
        to={withParam(search, 'month', previous)}
        rel="prev"
        data-month={previous}
      >
        ← {t('filters.previousMonth')}
      </Link>
      <Link
        className="btn-secondary"
        to={withParam(search, 'month', next)}
        rel="next"
        data-month={next}
        aria-label={t('filters.nextMonth')}
        title={month}
      >
        {t('filters.nextMonth')} →
      </Link>
    </nav>
  )
}

/**
 * "Print report": prints at once with JavaScript; without it the link opens the print layout
 * (?print=1), which the browser's own print command turns into the A4 report.
 */
export function PrintButton() {
  const { t } = useTranslation('dashboard')
  const { search } = useLocation()
  return (
    <a
      href={withParam(search, 'print', 1)}
      className="btn-secondary no-print"
      onClick={(e) => {
        e.preventDefault()
        window.print()
      }}
    >
      {t('print.button')}
    </a>
  )
}

/** In the ?print=1 layout: hides the app's header and skip link on screen too, and offers the way back. */
export function PrintLayoutBar() {
  const { t } = useTranslation('dashboard')
  const { search } = useLocation()
  return (
    <>
      {/* Set as raw CSS: React would escape the ">" of a text child. */}
      <style
        dangerouslySetInnerHTML={{
          __html:
            'body > header, body > a[href="#main"] { display: none !important; } main#main { max-width: 200mm; }',
        }}
      />
      <div className="mb-4 flex gap-3 no-print">
        <Link to={withParam(search, 'print', null)} className="btn-secondary">
          {t('print.back')}
        </Link>
        <button type="button" className="btn-primary" onClick={() => window.print()}>
          {t('print.now')}
        </button>
      </div>
    </>
  )
}

/**
 * The top of a dashboard: project, title, period and what counts, then (on screen) the month
 * navigation, "Print report" and the CSV of every table; the filter form unless printing.
 */
export function DashboardHeader({
  projectName,
  title,
  period,
  month,
  validatedOnly,
  csvAllHref,
  print,
  options,
  params,
  kind,
  view,
}: {
  /** What the view shows (filters and months), stated in words under the title, on screen and in print. */
  view: Omit<FilterDescriptionInput, 'options' | 'kind'>
  projectName: string
  title: string
  period: string
  month: string
  validatedOnly: boolean
  csvAllHref: string
  print: boolean
  options: DashboardOptions
  params: DashboardFilterParams
  kind: 'reach' | 'coverage'
}) {
  const { t } = useTranslation('dashboard')
  return (
    <>
      {print ? <PrintLayoutBar /> : null}
      <header className="page-title">
        <div>
          <p className="text-sm text-ink-muted">{projectName}</p>
          <h1>{title}</h1>
          <p className="mt-1 text-lg">{period}</p>
          <p className="text-sm text-ink-muted">
            {validatedOnly ? t('reach.countsValidated') : t('reach.countsSubmitted')}
          </p>
          <FilterLine view={{ ...view, kind, options }} />
        </div>
        <div className="flex flex-wrap items-center gap-2 no-print">
          <MonthStepper month={month} previous={addMonths(month, -1)} next={addMonths(month, 1)} />
          <PrintButton />
          <a className="btn-secondary" href={csvAllHref} download>
            {t('links.csvAll')}
          </a>
        </div>
      </header>
      {print ? null : <DashboardFilters options={options} params={params} month={month} kind={kind} />}
    </>
  )
}

/** "Showing: Partner: Barcelona · Channel: LinkedIn · Months: 2025-12 to 2026-11 · ...". */
export function FilterLine({ view }: { view: FilterDescriptionInput }) {
  const { t } = useTranslation('reading')
  return (
    <p className="mt-1 text-sm font-medium" data-filters="">
      {t('filters.shown')}: {filterSentence(filterFacts(view, t), t)}
    </p>
  )
}

/** The CSV link of a dashboard (`path` like /dashboard/reach.csv) for one table or all, same filters. */
export function useDashboardCsv(path: string) {
  const { search } = useLocation()
  return (table?: string) =>
    `${path}${withParam(withParam(search, 'print', null), 'table', table ?? null)}`.replace(/\?$/, '')
}
