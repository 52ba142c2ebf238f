import { Link, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { categoryLabel, StageBadge, TierBadge, useCountryName } from '~/components/stakeholders'
import type { RegisterRow } from '~/models/stakeholders/index.server'
import { useFormat } from '~/utils/format'

/*
 * The register's rows: one card per stakeholder on a phone, a table on wider screens, both with
 * the last contact (the latest live action with the stakeholder).
 */

type Category = { id: number; key: string | null; name: string }

function ArchivedBadge({ row, className }: { row: RegisterRow; className: string }) {
  const { t } = useTranslation('stakeholders')
  if (!row.archivedAt) return null
  return <span className={className}>{row.mergedIntoId ? t('mergedBadge') : t('archivedBadge')}</span>
}

/** "12 Mar 2026", or "Never" when no action was ever logged with the stakeholder. */
function LastContact({ on }: { on: string | null }) {
  const { t } = useTranslation('crm')
  const f = useFormat()
  return on ? <>{f.date(on)}</> : <span className="text-ink-muted">{t('lastContact.never')}</span>
}

export function RegisterCards({ rows }: { rows: RegisterRow[] }) {
  const { t } = useTranslation('stakeholders')
  const { t: tc } = useTranslation('crm')
  const country = useCountryName()
  return (
    <ul className="space-y-2 md:hidden">
      {rows.map((s) => (
        <li key={s.id} className="card p-3">
          <Link to={`/stakeholders/${s.id}`} className="font-semibold">
            {s.name}
          </Link>
          {s.acronym ? <span className="text-ink-muted"> ({s.acronym})</span> : null}
          <p className="mt-1 text-sm text-ink-muted">
            {categoryLabel(t, { key: s.categoryKey, name: s.categoryName })}
            {s.city || s.country ? ` · ${[s.city, country(s.country)].filter(Boolean).join(', ')}` : ''}
          </p>
          <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
            <StageBadge stage={s.stage} />
            {s.tier ? <TierBadge tier={s.tier} /> : null}
            <ArchivedBadge row={s} className="badge bg-slate-200" />
            <span className="text-ink-muted">
              {s.ownerName ? `${t('fields.owner')}: ${s.ownerName}` : t('noOwner')}
            </span>
          </p>
          <p className="mt-1 text-sm">
            {tc('lastContact.label')}: <LastContact on={s.lastContactOn} />
          </p>
        </li>
      ))}
    </ul>
  )
}

/**
 * The "Last contact" heading: a link that sorts by it, most recent first, then (clicked again)
 * the never contacted and longest ago first. Other filters stay in the URL; paging restarts.
 */
function LastContactHeader({ sort }: { sort: string | undefined }) {
  const { t } = useTranslation('crm')
  const { search } = useLocation()
  const params = new URLSearchParams(search)
  params.delete('page')
  params.set('sort', sort === '-lastContact' ? 'lastContact' : '-lastContact')
  const current = sort === 'lastContact' ? 'ascending' : sort === '-lastContact' ? 'descending' : undefined
  return (
    <th scope="col" aria-sort={current}>
      <Link to={`?${params}`} className="whitespace-nowrap">
        {t('lastContact.label')}
        {current ? <span aria-hidden="true">{current === 'ascending' ? ' ↑' : ' ↓'}</span> : null}
        <span className="sr-only">
          {' '}
          ({t(sort === '-lastContact' ? 'lastContact.sortOldest' : 'lastContact.sortNewest')})
        </span>
      </Link>
    </th>
  )
}

export function RegisterTable({
  rows,
  categories,
  sort,
}: {
  rows: RegisterRow[]
  categories: Category[]
  sort: string | undefined
}) {
  const { t } = useTranslation('stakeholders')
  const columns = ['name', 'category', 'country', 'city', 'stage', 'tier', 'owner'] as const
  return (
    <div className="hidden overflow-x-auto md:block">
      <table className="table">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {t(`fields.${c}`)}
              </th>
            ))}
            <LastContactHeader sort={sort} />
            <th scope="col">{t('fields.webDomain')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <RegisterTableRow key={s.id} row={s} categories={categories} />
          ))}
        </tbody>
      </table>
    </div>
  )
}

function RegisterTableRow({ row: s, categories }: { row: RegisterRow; categories: Category[] }) {
  const { t } = useTranslation('stakeholders')
  const f = useFormat()
  const country = useCountryName()
  const category = categories.find((c) => c.id === s.categoryId)
  return (
    <tr>
      <td>
        <Link to={`/stakeholders/${s.id}`}>{s.name}</Link>
        {s.acronym ? <span className="text-ink-muted"> ({s.acronym})</span> : null}
        <ArchivedBadge row={s} className="badge ml-2 bg-slate-200" />
      </td>
      <td>{categoryLabel(t, category ?? { key: s.categoryKey, name: s.categoryName })}</td>
      <td>{country(s.country)}</td>
      <td>{s.city}</td>
      <td>
        <StageBadge stage={s.stage} />
      </td>
      <td>
        <TierBadge tier={s.tier} />
        {s.score !== null ? (
          <span className="ml-1 text-xs text-ink-muted">
            {f.number(s.score, { maximumFractionDigits: 0 })}
          </span>
        ) : null}
      </td>
      <td>{s.ownerName ?? <span className="text-ink-muted">{t('noOwner')}</span>}</td>
      <td className="whitespace-nowrap">
        <LastContact on={s.lastContactOn} />
      </td>
      <td className="break-all">{s.webDomain}</td>
    </tr>
  )
}
