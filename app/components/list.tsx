import { Link, useLocation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { useFormat } from '~/utils/format'
import { withParam } from '~/utils/paging'

/** "Showing 51-100 of 1,234" with previous/next links that keep every filter in the URL. */
export function Pagination({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const { t } = useTranslation()
  const { search } = useLocation()
  const f = useFormat()
  const pages = Math.max(1, Math.ceil(total / pageSize))
  if (total === 0) return null
  const from = (page - 1) * pageSize + 1
  const to = Math.min(total, page * pageSize)
  return (
    <nav
      aria-label={t('list.pagination')}
      className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm no-print"
    >
      <p>{t('list.showing', { from: f.number(from), to: f.number(to), total: f.number(total) })}</p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link className="btn-secondary" to={withParam(search, 'page', page - 1)} rel="prev">
            {t('list.previous')}
          </Link>
        ) : null}
        <span className="self-center">
          {t('list.page', { page: f.number(page), pages: f.number(pages) })}
        </span>
        {page < pages ? (
          <Link className="btn-secondary" to={withParam(search, 'page', page + 1)} rel="next">
            {t('list.next')}
          </Link>
        ) : null}
      </div>
    </nav>
  )
}

/** What an empty list says: why it is empty and what to do next. */
export function EmptyState({
  title,
  children,
  action,
}: {
  title: ReactNode
  children?: ReactNode
  action?: ReactNode
}) {
  return (
    <div className="card flex flex-col items-center gap-2 py-10 text-center">
      <p className="text-base font-semibold">{title}</p>
      {children ? <div className="max-w-prose text-sm text-ink-muted">{children}</div> : null}
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  )
}

/** The end of a list's GET filter form: apply, and clear when a filter is set. */
export function FilterActions({ clearTo, filtered }: { clearTo: string; filtered: boolean }) {
  const { t } = useTranslation()
  return (
    <div className="flex gap-2 sm:col-span-2 lg:col-span-4">
      <button type="submit" className="btn-secondary">
        {t('list.filter')}
      </button>
      {filtered ? (
        <Link to={clearTo} className="btn-secondary">
          {t('list.clearFilters')}
        </Link>
      ) : null}
    </div>
  )
}

/** The CSV export link for the current filtered list. */
export function ExportLink({ to }: { to: string }) {
  const { t } = useTranslation()
  const { search } = useLocation()
  return (
    <a className="btn-secondary" href={`${to}${search}`} download>
      {t('list.exportCsv')}
    </a>
  )
}

export function StatusBadge({
  tone,
  children,
}: {
  tone: 'ok' | 'warn' | 'bad' | 'neutral' | 'info'
  children: ReactNode
}) {
  const cls = {
    ok: 'bg-ok-bg text-ok',
    warn: 'bg-warn-bg text-warn',
    bad: 'bg-bad-bg text-bad',
    neutral: 'bg-slate-100 text-ink-muted',
    info: 'bg-brand-50 text-brand-700',
  }[tone]
  return <span className={`badge ${cls}`}>{children}</span>
}

/**
 * One labelled select of a list's filter form. `any` puts an empty "Any" choice first (true for
 * the usual words, a string for a specific one such as "Any category", false for none).
 */
export function FilterSelect({
  id,
  name,
  label,
  value,
  options,
  any = true,
}: {
  id?: string
  name: string
  label: string
  value: string | number | undefined | null
  options: { value: string | number; label: string }[]
  any?: boolean | string
}) {
  const { t } = useTranslation()
  const selectId = id ?? `f-${name}`
  return (
    <div>
      <label htmlFor={selectId} className="label">
        {label}
      </label>
      <select id={selectId} name={name} defaultValue={value ?? ''} className="input">
        {any ? <option value="">{typeof any === 'string' ? any : t('list.any')}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

/**
 * A page's heading row: the title, the CSV export of what the page lists, and the page's main
 * buttons (children). One header for every list page.
 */
export function PageHeader({
  title,
  exportTo,
  children,
}: {
  title: ReactNode
  exportTo?: string
  children?: ReactNode
}) {
  return (
    <div className="page-title">
      <h1>{title}</h1>
      {exportTo || children ? (
        <div className="flex flex-wrap gap-2">
          {exportTo ? <ExportLink to={exportTo} /> : null}
          {children}
        </div>
      ) : null}
    </div>
  )
}

/** A labelled text search or date field of a list's filter form. */
export function FilterInput({
  name,
  label,
  value,
  type = 'search',
}: {
  name: string
  label: string
  value: string | undefined | null
  type?: 'search' | 'date'
}) {
  return (
    <label className="text-sm">
      <span className="label">{label}</span>
      <input type={type} name={name} defaultValue={value ?? ''} className="input" />
    </label>
  )
}

/** The "show archived" box of a list's filter form (`archived=1` in the URL). */
export function ArchivedFilter({ checked, className = '' }: { checked: boolean; className?: string }) {
  const { t } = useTranslation()
  return (
    <label className={`flex items-center gap-2 text-sm ${className}`}>
      <input type="checkbox" name="archived" value="1" defaultChecked={checked} className="h-5 w-5" />
      {t('list.showArchived')}
    </label>
  )
}
