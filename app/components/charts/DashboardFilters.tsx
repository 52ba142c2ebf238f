import { Form, Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { type DashboardOption, type DashboardOptions, reachMetrics } from '~/models/dashboards/types'

export type DashboardFilterParams = Partial<
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

function MonthInput({ month }: { month: string }) {
  const { t } = useTranslation('dashboard')
  return (
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
  )
}

/** Reach: the window, how the monthly chart is stacked, and the figure charted. */
function ReachChoices({ params }: { params: DashboardFilterParams }) {
  const { t } = useTranslation('dashboard')
  return (
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
        {reachMetrics.map((m) => (
          <option key={m} value={m}>
            {t(`metrics.${m}`)}
          </option>
        ))}
      </Select>
    </>
  )
}

/** Coverage: the "not reached in the last N months" window and the priority group. */
function CoverageChoices({
  params,
  groups,
}: {
  params: DashboardFilterParams
  groups: DashboardOptions['groups']
}) {
  const { t } = useTranslation('dashboard')
  return (
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
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </Select>
    </>
  )
}

/** The filters both dashboards share: partner, channel, type, stakeholder category, what counts. */
function ActionFilterSelects({
  options,
  params,
}: {
  options: DashboardOptions
  params: DashboardFilterParams
}) {
  const { t } = useTranslation('dashboard')
  const named = (o: DashboardOption, ns: 'channels' | 'types' | 'categories') =>
    o.key
      ? t(`${ns === 'categories' ? 'stakeholders' : 'actions'}:${ns}.${o.key}`, { defaultValue: o.name })
      : o.name
  const choices = (list: DashboardOption[], ns?: 'channels' | 'types' | 'categories') => [
    <option key="" value="">
      {t('filters.all')}
    </option>,
    ...list.map((o) => (
      <option key={o.id} value={o.id ?? ''}>
        {ns ? named(o, ns) : o.name}
      </option>
    )),
  ]
  return (
    <>
      <Select name="partner" label={t('filters.partner')} value={params.partner}>
        {choices(options.partners)}
      </Select>
      <Select name="channel" label={t('filters.channel')} value={params.channel}>
        {choices(options.channels, 'channels')}
      </Select>
      <Select name="type" label={t('filters.type')} value={params.type}>
        {choices(options.types, 'types')}
      </Select>
      <Select name="category" label={t('filters.category')} value={params.category}>
        {choices(options.categories, 'categories')}
      </Select>
      <Select name="validated" label={t('filters.validated')} value={params.validated ?? '1'}>
        <option value="1">{t('filters.validatedOnly')}</option>
        <option value="0">{t('filters.includeSubmitted')}</option>
      </Select>
    </>
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
  params: DashboardFilterParams
  month: string
  kind: 'reach' | 'coverage'
}) {
  const { t } = useTranslation('dashboard')
  return (
    <Form method="get" className="card no-print" aria-label={t('filters.title')}>
      <fieldset>
        <legend className="mb-3 text-sm font-semibold">{t('filters.title')}</legend>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <MonthInput month={month} />
          {kind === 'reach' ? (
            <ReachChoices params={params} />
          ) : (
            <CoverageChoices params={params} groups={options.groups} />
          )}
          <ActionFilterSelects options={options} params={params} />
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
