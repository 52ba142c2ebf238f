import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { EmptyState, ExportLink, FilterSelect, Pagination } from '~/components/list'
import {
  categoryLabel,
  scaleList as scales,
  StageBadge,
  stageList as stages,
  TierBadge,
  tierList as tiers,
  useCountryName,
} from '~/components/stakeholders'
import {
  canCreateStakeholder,
  listCategories,
  listStakeholders,
  parseStakeholderFilter,
  stakeholderFormOptions,
  stakeholderSorts,
  usedCountries,
} from '~/models/stakeholders.server'
import { requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { pageFromUrl } from '~/utils/paging'
import { can } from '~/utils/permissions'

export const meta: MetaFunction = () => [{ title: 'Stakeholders · Ripple' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'stakeholder:read')
  const url = new URL(request.url)
  const filter = parseStakeholderFilter(url.searchParams)
  const page = pageFromUrl(url, 50)
  const { rows, total } = listStakeholders(filter, page)
  const options = stakeholderFormOptions()
  return json({
    rows,
    total,
    page: page.page,
    pageSize: page.pageSize,
    filter,
    options: {
      categories: listCategories({ includeArchived: true }),
      partners: options.partners,
      themes: options.themes,
      countries: usedCountries(),
    },
    sorts: stakeholderSorts,
    canCreate: canCreateStakeholder(user),
    canImport: can(user, 'stakeholder:import'),
    canMerge: can(user, 'stakeholder:merge'),
  })
}

export default function StakeholderRegister() {
  const { t } = useTranslation('stakeholders')
  const { t: tc } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const f = useFormat()
  const country = useCountryName()
  const { search } = useLocation()
  const navigation = useNavigation()
  const { filter } = data
  const filtered = Object.entries(filter).some(([k, v]) => k !== 'sort' && v !== undefined)
  const categoryOf = new Map(data.options.categories.map((c) => [c.id, c]))

  return (
    <div>
      <div className="page-title">
        <div>
          <h1>{t('title')}</h1>
          <p className="mt-1 text-sm text-ink-muted">{t('intro')}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          {data.canCreate ? (
            <Link to="/stakeholders/new" className="btn-primary">
              {t('new')}
            </Link>
          ) : null}
          {data.canImport ? (
            <Link to="/stakeholders/import" className="btn-secondary">
              {t('import')}
            </Link>
          ) : null}
          {data.canMerge ? (
            <Link to="/stakeholders/duplicates" className="btn-secondary">
              {t('duplicates')}
            </Link>
          ) : null}
          <ExportLink to="/stakeholders.csv" />
        </div>
      </div>

      <Form method="get" role="search" className="card mb-4 space-y-3" key={search}>
        <div>
          <label htmlFor="q" className="label">
            {t('searchLabel')}
          </label>
          <div className="flex gap-2">
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={filter.q ?? ''}
              placeholder={t('searchPlaceholder')}
              className="input"
            />
            <button type="submit" className="btn-primary">
              {tc('list.search')}
            </button>
          </div>
        </div>
        <details open={filtered && !filter.q ? true : undefined}>
          <summary className="cursor-pointer text-sm font-medium">{t('filters.title')}</summary>
          <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <FilterSelect
              name="category"
              label={t('fields.category')}
              value={filter.category}
              any={t('filters.anyCategory')}
              options={data.options.categories.map((c) => ({ value: c.id, label: categoryLabel(t, c) }))}
            />
            <FilterSelect
              name="country"
              label={t('fields.country')}
              value={filter.country}
              any={t('filters.anyCountry')}
              options={data.options.countries
                .map((c) => ({ value: c, label: country(c) }))
                .sort((a, b) => a.label.localeCompare(b.label))}
            />
            <FilterSelect
              name="stage"
              label={t('fields.stage')}
              value={filter.stage}
              any={t('filters.anyStage')}
              options={stages.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
            />
            <FilterSelect
              name="owner"
              label={t('fields.owner')}
              value={filter.owner}
              any={t('filters.anyOwner')}
              options={[
                ...data.options.partners.map((p) => ({ value: p.id, label: p.name })),
                { value: 'none', label: t('filters.noOwner') },
              ]}
            />
            <FilterSelect
              name="theme"
              label={t('fields.themes')}
              value={filter.theme}
              any={t('filters.anyTheme')}
              options={data.options.themes.map((th) => ({ value: th.id, label: th.name }))}
            />
            <FilterSelect
              name="tier"
              label={t('fields.tier')}
              value={filter.tier}
              any={t('filters.anyTier')}
              options={[
                ...tiers.map((tier) => ({ value: tier, label: t('tierLabel', { tier }) })),
                { value: 'none', label: t('filters.unscored') },
              ]}
            />
            <FilterSelect
              name="scale"
              label={t('fields.scale')}
              value={filter.scale}
              any={t('filters.anyScale')}
              options={scales.map((s) => ({ value: s, label: t(`scales.${s}`) }))}
            />
            <FilterSelect
              name="archived"
              label={t('filters.archived')}
              value={filter.archived}
              any={t('filters.archivedHide')}
              options={[
                { value: '1', label: t('filters.archivedInclude') },
                { value: 'only', label: t('filters.archivedOnly') },
              ]}
            />
            <FilterSelect
              name="sort"
              label={tc('list.sort')}
              value={filter.sort}
              any={t('sorts.name')}
              options={data.sorts
                .filter((s) => s !== 'name')
                .map((s) => ({ value: s, label: t(`sorts.${s}`) }))}
            />
          </div>
          <div className="mt-3 flex gap-2">
            <button type="submit" className="btn-primary">
              {t('filters.apply')}
            </button>
            {filtered ? (
              <Link to="/stakeholders" className="btn-secondary">
                {tc('list.clearFilters')}
              </Link>
            ) : null}
          </div>
        </details>
      </Form>

      <p className="mb-2 text-sm text-ink-muted" aria-live="polite">
        {navigation.state === 'loading' ? '…' : t('count', { count: data.total, n: f.number(data.total) })}
      </p>

      {data.rows.length === 0 ? (
        filtered ? (
          <EmptyState
            title={t('empty.filteredTitle')}
            action={
              <Link to="/stakeholders" className="btn-secondary">
                {tc('list.clearFilters')}
              </Link>
            }
          >
            {t('empty.filteredBody')}
          </EmptyState>
        ) : (
          <EmptyState
            title={t('empty.noneTitle')}
            action={
              data.canCreate ? (
                <Link to="/stakeholders/new" className="btn-primary">
                  {t('new')}
                </Link>
              ) : null
            }
          >
            {t('empty.noneBody')}
          </EmptyState>
        )
      ) : (
        <>
          {/* Phones: one card per stakeholder; wider screens: a table. */}
          <ul className="space-y-2 md:hidden">
            {data.rows.map((s) => (
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
                  {s.archivedAt ? (
                    <span className="badge bg-slate-200">
                      {s.mergedIntoId ? t('mergedBadge') : t('archivedBadge')}
                    </span>
                  ) : null}
                  <span className="text-ink-muted">
                    {s.ownerName ? `${t('fields.owner')}: ${s.ownerName}` : t('noOwner')}
                  </span>
                </p>
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto md:block">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('fields.name')}</th>
                  <th scope="col">{t('fields.category')}</th>
                  <th scope="col">{t('fields.country')}</th>
                  <th scope="col">{t('fields.city')}</th>
                  <th scope="col">{t('fields.stage')}</th>
                  <th scope="col">{t('fields.tier')}</th>
                  <th scope="col">{t('fields.owner')}</th>
                  <th scope="col">{t('fields.webDomain')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <Link to={`/stakeholders/${s.id}`}>{s.name}</Link>
                      {s.acronym ? <span className="text-ink-muted"> ({s.acronym})</span> : null}
                      {s.archivedAt ? (
                        <span className="badge ml-2 bg-slate-200">
                          {s.mergedIntoId ? t('mergedBadge') : t('archivedBadge')}
                        </span>
                      ) : null}
                    </td>
                    <td>
                      {categoryLabel(
                        t,
                        categoryOf.get(s.categoryId) ?? { key: s.categoryKey, name: s.categoryName },
                      )}
                    </td>
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
                    <td className="break-all">{s.webDomain}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
    </div>
  )
}
