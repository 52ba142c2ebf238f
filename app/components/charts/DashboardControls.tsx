import { Form, Link, useLocation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { withParam } from '~/utils/paging'

import { addMonths } from './dashboard-utils'

type Option = { id: number | null; name: string; key?: string | null }
export type DashboardOptions = {
  partners: Option[]
  channels: Option[]
  types: Option[]
  categories: Option[]
  groups: { id: number; name: string }[]
}

type Params = Partial<
  Record<
    | 'month'
    | 'months'
    | 'stack'
    | 'metric'
    | 'partner'
    | 'channel'
    | 'type'
    | 'category'
    | 'validated'
    | 'since'
    | 'group',
    string | number | undefined
  >
>

function Select({
  name,
  label,
  value,
  children,
}: {
  name: string
  label: string
  value: string | number | undefined
  children: ReactNode
}) {
  return (
    <div>
      <label className="label" htmlFor={`f-${name}`}>
        {label}
      </label>
      <select
        id={`f-${name}`}
        name={name}
        defaultValue={value === undefined ? '' : String(value)}
        className="input"
      >
        {children}
      </select>
    </div>
  )
}

/**
 * The dashboards' filters as a GET form: every choice lands in the URL, so a view can be shared
 * and the CSV link downloads the same figures.
 */
export function DashboardFilters({
  options,
  params,
  month,
  kind,
}: {
  options: DashboardOptions
  params: Params
  month: string
  kind: 'reach' | 'coverage'
}) {
  const { t } = useTranslation('dashboard')
  const named = (o: Option, ns: 'channels' | 'types' | 'categories') =>
    o.key
      ? t(`${ns === 'categories' ? 'stakeholders' : 'actions'}:${ns}.${o.key}`, { defaultValue: o.name })
      : o.name
  return (
    <Form method="get" className="card no-print" aria-label={t('filters.title')}>
      <fieldset>
        <legend className="mb-3 text-sm font-semibold">{t('filters.title')}</legend>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <label className="label" htmlFor="f-month">
              {t('filters.month')}
            </label>
            <input
              id="f-month"
              name="month"
              type="month"
              defaultValue={month}
              className="input"
              required
              pattern="\d{4}-\d{2}"
            />
          </div>
          {kind === 'reach' ? (
            <>
              <Select name="months" label={t('filters.months')} value={params.months ?? 12}>
                <option value="12">{t('filters.monthsN', { count: 12 })}</option>
                <option value="24">{t('filters.monthsN', { count: 24 })}</option>
              </Select>
              <Select name="stack" label={t('filters.stack')} value={params.stack ?? 'channel'}>
                <option value="channel">{t('filters.byChannel')}</option>
                <option value="type">{t('filters.byType')}</option>
              </Select>
              <Select name="metric" label={t('filters.metric')} value={params.metric ?? 'actions'}>
                {(['actions', 'participants', 'online_reach', 'engagements'] as const).map((m) => (
                  <option key={m} value={m}>
                    {t(`metrics.${m}`)}
                  </option>
                ))}
              </Select>
            </>
          ) : (
            <>
              <Select name="since" label={t('filters.since')} value={params.since ?? 6}>
                {[3, 6, 12, 24].map((n) => (
                  <option key={n} value={n}>
                    {t('filters.monthsN', { count: n })}
                  </option>
                ))}
              </Select>
              <Select name="group" label={t('filters.group')} value={params.group}>
                <option value="">{t('filters.tierA')}</option>
                {options.groups.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </Select>
            </>
          )}
          <Select name="partner" label={t('filters.partner')} value={params.partner}>
            <option value="">{t('filters.all')}</option>
            {options.partners.map((o) => (
              <option key={o.id} value={o.id ?? ''}>
                {o.name}
              </option>
            ))}
          </Select>
          <Select name="channel" label={t('filters.channel')} value={params.channel}>
            <option value="">{t('filters.all')}</option>
            {options.channels.map((o) => (
              <option key={o.id} value={o.id ?? ''}>
                {named(o, 'channels')}
              </option>
            ))}
          </Select>
          <Select name="type" label={t('filters.type')} value={params.type}>
            <option value="">{t('filters.all')}</option>
            {options.types.map((o) => (
              <option key={o.id} value={o.id ?? ''}>
                {named(o, 'types')}
              </option>
            ))}
          </Select>
          <Select name="category" label={t('filters.category')} value={params.category}>
            <option value="">{t('filters.all')}</option>
            {options.categories.map((o) => (
              <option key={o.id} value={o.id ?? ''}>
                {named(o, 'categories')}
              </option>
            ))}
          </Select>
          <Select name="validated" label={t('filters.validated')} value={params.validated ?? '1'}>
            <option value="1">{t('filters.validatedOnly')}</option>
            <option value="0">{t('filters.includeSubmitted')}</option>
          </Select>
        </div>
        <div className="mt-4 flex flex-wrap gap-3">
          <button type="submit" className="btn-primary">
            {t('filters.apply')}
          </button>
          <Link to={`?month=${month}`} className="btn-secondary">
            {t('filters.clear')}
          </Link>
        </div>
      </fieldset>
    </Form>
  )
}

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
}: {
  projectName: string
  title: string
  period: string
  month: string
  validatedOnly: boolean
  csvAllHref: string
  print: boolean
  options: DashboardOptions
  params: Params
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
