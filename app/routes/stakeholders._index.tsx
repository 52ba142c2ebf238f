import { json, type LoaderFunctionArgs, type SerializeFrom } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { EmptyState, FilterSelect, PageHeader, Pagination } from '~/components/list'
import { PeopleResults } from '~/components/people'
import { RegisterCards, RegisterTable } from '~/components/stakeholder-register'
import { categoryLabel, useCountryName } from '~/components/stakeholders'
import { searchContacts } from '~/models/contacts/index.server'
import {
  canCreateStakeholder,
  canImportStakeholders,
  canMergeStakeholders,
  listCategories,
  listStakeholders,
  parseStakeholderFilter,
  stakeholderEditPolicy,
  stakeholderFormOptions,
  stakeholderSorts,
  unreadableFilterParams,
  usedCountries,
} from '~/models/stakeholders/index.server'
import { scales, stages, tiers } from '~/models/stakeholders/schemas'
import { requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { pageTitle } from '~/utils/meta'
import { pageFromUrl } from '~/utils/paging'

export const meta = pageTitle('stakeholders:title')

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
    // People (contacts) found by name or e-mail, on the first page of a search.
    people: filter.q && page.page === 1 ? searchContacts(filter.q) : { rows: [], more: false },
    page: page.page,
    pageSize: page.pageSize,
    filter,
    // A mistyped "not contacted since" day is left out of the filter and said beside its field.
    unreadable: unreadableFilterParams(url.searchParams, filter),
    options: {
      categories: listCategories({ includeArchived: true }),
      partners: options.partners,
      themes: options.themes,
      countries: usedCountries(),
    },
    sorts: stakeholderSorts,
    canCreate: canCreateStakeholder(user, stakeholderEditPolicy()),
    canImport: canImportStakeholders(user),
    canMerge: canMergeStakeholders(user),
  })
}

type Data = SerializeFrom<typeof loader>

const isFiltered = (filter: Data['filter']) =>
  Object.entries(filter).some(([k, v]) => k !== 'sort' && v !== undefined)

export default function StakeholderRegister() {
  const { t } = useTranslation('stakeholders')
  const data = useLoaderData<typeof loader>()
  const f = useFormat()
  const navigation = useNavigation()
  return (
    <div>
      <RegisterHeader data={data} />
      <RegisterFilters data={data} />
      <PeopleResults rows={data.people.rows} more={data.people.more} />
      <p className="mb-2 text-sm text-ink-muted" aria-live="polite">
        {navigation.state === 'loading' ? '…' : t('count', { count: data.total, n: f.number(data.total) })}
      </p>
      {data.rows.length === 0 && data.people.rows.length ? null : data.rows.length === 0 ? (
        <NoStakeholders filtered={isFiltered(data.filter)} canCreate={data.canCreate} />
      ) : (
        <>
          {/* Phones: one card per stakeholder; wider screens: a table. */}
          <RegisterCards rows={data.rows} />
          <RegisterTable rows={data.rows} categories={data.options.categories} sort={data.filter.sort} />
        </>
      )}
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
    </div>
  )
}

function RegisterHeader({ data }: { data: Data }) {
  const { t } = useTranslation('stakeholders')
  return (
    <>
      <PageHeader title={t('title')} exportTo="/stakeholders.csv">
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
        <Link to="/actors" className="btn-secondary">
          {t('actors:stakeholdersLink')}
        </Link>
      </PageHeader>
      <p className="mb-4 text-sm text-ink-muted">{t('intro')}</p>
    </>
  )
}

function RegisterFilters({ data }: { data: Data }) {
  const { t } = useTranslation('stakeholders')
  const { t: tc } = useTranslation()
  const { search } = useLocation()
  const { filter } = data
  const filtered = isFiltered(filter)
  return (
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
      <details open={(filtered && !filter.q) || data.unreadable.length ? true : undefined}>
        <summary className="cursor-pointer text-sm font-medium">{t('filters.title')}</summary>
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <RecordFilters data={data} />
          <RankFilters data={data} />
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
  )
}

/** What the organisation is, where, and whose. */
function RecordFilters({ data }: { data: Data }) {
  const { t } = useTranslation('stakeholders')
  const country = useCountryName()
  const { filter, options } = data
  return (
    <>
      <FilterSelect
        name="category"
        label={t('fields.category')}
        value={filter.category}
        any={t('filters.anyCategory')}
        options={options.categories.map((c) => ({ value: c.id, label: categoryLabel(t, c) }))}
      />
      <FilterSelect
        name="country"
        label={t('fields.country')}
        value={filter.country}
        any={t('filters.anyCountry')}
        options={options.countries
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
          ...options.partners.map((p) => ({ value: p.id, label: p.name })),
          { value: 'none', label: t('filters.noOwner') },
        ]}
      />
      <FilterSelect
        name="theme"
        label={t('fields.themes')}
        value={filter.theme}
        any={t('filters.anyTheme')}
        options={options.themes.map((th) => ({ value: th.id, label: th.name }))}
      />
    </>
  )
}

/** Priority tier, scale, archived records and the order. */
function RankFilters({ data }: { data: Data }) {
  const { t } = useTranslation('stakeholders')
  const { t: tc } = useTranslation()
  const { filter } = data
  return (
    <>
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
      <NotContactedSince data={data} />
      <FilterSelect
        name="sort"
        label={tc('list.sort')}
        value={filter.sort}
        any={t('sorts.name')}
        options={data.sorts
          .filter((s) => s !== 'name')
          .map((s) => ({
            value: s,
            label: s.endsWith('lastContact') ? t(`crm:lastContact.sorts.${s}`) : t(`sorts.${s}`),
          }))}
      />
    </>
  )
}

/** "Not contacted since": a day; a mistyped one is ignored, with a message next to the field. */
function NotContactedSince({ data }: { data: Data }) {
  const { t } = useTranslation('crm')
  const { search } = useLocation()
  const invalid = data.unreadable.includes('notContactedSince')
  const typed = invalid ? new URLSearchParams(search).get('notContactedSince') : null
  return (
    <div>
      <label htmlFor="f-notContactedSince" className="label">
        {t('lastContact.notContactedSince')}
      </label>
      <input
        id="f-notContactedSince"
        name="notContactedSince"
        type="date"
        defaultValue={typed ?? data.filter.notContactedSince ?? ''}
        className="input"
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? 'f-notContactedSince-error' : 'f-notContactedSince-hint'}
      />
      {invalid ? (
        <p id="f-notContactedSince-error" className="field-error">
          {t('lastContact.invalidDate')}
        </p>
      ) : (
        <p id="f-notContactedSince-hint" className="text-xs text-ink-muted">
          {t('lastContact.notContactedSinceHint')}
        </p>
      )}
    </div>
  )
}

function NoStakeholders({ filtered, canCreate }: { filtered: boolean; canCreate: boolean }) {
  const { t } = useTranslation('stakeholders')
  const { t: tc } = useTranslation()
  return filtered ? (
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
        canCreate ? (
          <Link to="/stakeholders/new" className="btn-primary">
            {t('new')}
          </Link>
        ) : null
      }
    >
      {t('empty.noneBody')}
    </EmptyState>
  )
}
