import { json, type LoaderFunctionArgs, type SerializeFrom } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { actionStatuses } from '#db/schema'
import { EmptyState, ExportLink, FilterSelect, PageHeader, Pagination, StatusBadge } from '~/components/list'
import { statusTone } from '~/models/actions/form'
import {
  actionFilterFromUrl,
  formOptions,
  labelledEntries,
  listActions,
  stakeholdersByIds,
} from '~/models/actions/index.server'
import { projectSummary } from '~/models/admin/index.server'
import { requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { pageTitle } from '~/utils/meta'
import { pageFromUrl, withParam } from '~/utils/paging'
import { can } from '~/utils/permissions'

export const meta = pageTitle('actions:meta.list')

const PAGE_SIZE = 50

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'action:read')
  const url = new URL(request.url)
  const filter = actionFilterFromUrl(url)
  const page = pageFromUrl(url, PAGE_SIZE)
  const { rows, total, totalIsCapped } = listActions(filter, page, user)
  const options = formOptions()
  const stakeholder = filter.stakeholder ? (stakeholdersByIds([filter.stakeholder])[0] ?? null) : null
  const languages = [
    ...new Set([
      ...(projectSummary()?.workingLanguages ?? []),
      ...(filter.language ? [filter.language] : []),
    ]),
  ]
  return json({
    filter,
    rows,
    total,
    totalIsCapped,
    page: page.page,
    pageSize: page.pageSize,
    // Filters beyond "my actions" and the order: they decide which empty state to show.
    activeFilters: Object.entries(filter).filter(([k, v]) => k !== 'sort' && k !== 'mine' && v !== undefined)
      .length,
    options: {
      partners: options.partners,
      themes: options.themes,
      events: options.events,
      types: labelledEntries('types'),
      channels: labelledEntries('channels'),
      languages,
    },
    stakeholder,
    canCreate: can(user, 'action:create'),
  })
}

type Data = SerializeFrom<typeof loader>
type Row = Data['rows'][number]
type Entry = { labelKey: string | null; name: string }

function useEntryLabel() {
  const { t } = useTranslation('actions')
  return (e: Entry) => (e.labelKey ? t(e.labelKey) : e.name)
}

/** "All actions" and "My actions". */
function ScopeTabs({ mine }: { mine: boolean }) {
  const { t } = useTranslation('actions')
  const { search } = useLocation()
  const tab = (active: boolean) =>
    `-mb-px border-b-2 px-3 py-2 text-sm no-underline ${active ? 'border-brand-500 font-semibold text-brand-900' : 'border-transparent text-ink'}`
  return (
    <nav aria-label={t('list.scopeLabel')} className="flex gap-1 border-b border-slate-200">
      <Link
        to={withParam(search, 'mine', null)}
        aria-current={!mine ? 'page' : undefined}
        className={tab(!mine)}
      >
        {t('list.allActions')}
      </Link>
      <Link
        to={withParam(search, 'mine', '1')}
        aria-current={mine ? 'page' : undefined}
        className={tab(mine)}
      >
        {t('list.myActions')}
      </Link>
    </nav>
  )
}

/** The search box and the choices among the lists (status, partner, type, channel, ...). */
function FilterChoices({ filter, options }: Pick<Data, 'filter' | 'options'>) {
  const { t } = useTranslation('actions')
  const entryLabel = useEntryLabel()
  const mine = filter.mine === '1'
  return (
    <>
      {mine ? <input type="hidden" name="mine" value="1" /> : null}
      <div className="sm:col-span-2">
        <label className="label" htmlFor="f-q">
          {t('list.q')}
        </label>
        <input id="f-q" name="q" type="search" defaultValue={filter.q ?? ''} className="input" />
      </div>
      <FilterSelect
        name="status"
        label={t('list.status')}
        value={filter.status}
        options={actionStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      />
      <FilterSelect
        name="partner"
        label={t('list.partner')}
        value={filter.partner}
        options={options.partners.map((p) => ({ value: p.id, label: p.name }))}
      />
      <FilterSelect
        name="type"
        label={t('list.type')}
        value={filter.type}
        options={options.types.map((e) => ({ value: e.id, label: entryLabel(e) }))}
      />
      <FilterSelect
        name="channel"
        label={t('list.channel')}
        value={filter.channel}
        options={options.channels.map((e) => ({ value: e.id, label: entryLabel(e) }))}
      />
      <FilterSelect
        name="language"
        label={t('list.language')}
        value={filter.language}
        options={options.languages.map((l) => ({
          value: l,
          label: t(`common:languages.${l}`, { defaultValue: l }),
        }))}
      />
      <FilterSelect
        name="theme"
        label={t('list.theme')}
        value={filter.theme}
        options={options.themes.map((th) => ({ value: th.id, label: th.name }))}
      />
      {options.events.length ? (
        <FilterSelect
          name="event"
          label={t('list.event')}
          value={filter.event}
          options={options.events.map((e) => ({ value: e.id, label: e.title }))}
        />
      ) : null}
    </>
  )
}

/** Dates, order, the chosen stakeholder, and the buttons. */
function FilterEnd({ data }: { data: Data }) {
  const { t } = useTranslation('actions')
  const { filter } = data
  const mine = filter.mine === '1'
  return (
    <>
      <div>
        <label className="label" htmlFor="f-from">
          {t('list.from')}
        </label>
        <input id="f-from" name="from" type="date" defaultValue={filter.from ?? ''} className="input" />
      </div>
      <div>
        <label className="label" htmlFor="f-to">
          {t('list.to')}
        </label>
        <input id="f-to" name="to" type="date" defaultValue={filter.to ?? ''} className="input" />
      </div>
      <div>
        <label className="label" htmlFor="f-sort">
          {t('list.sort')}
        </label>
        <select id="f-sort" name="sort" defaultValue={filter.sort ?? 'date_desc'} className="input">
          <option value="date_desc">{t('list.sortNewest')}</option>
          <option value="date_asc">{t('list.sortOldest')}</option>
        </select>
      </div>
      {filter.stakeholder ? (
        <div>
          <span className="label">{t('list.stakeholder')}</span>
          <label className="flex min-h-[2.5rem] items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="stakeholder"
              value={filter.stakeholder}
              defaultChecked
              className="h-5 w-5"
            />
            {data.stakeholder?.name ?? `#${filter.stakeholder}`}
          </label>
        </div>
      ) : null}
      <div className="flex flex-wrap items-end gap-2 sm:col-span-2 lg:col-span-4">
        <button type="submit" className="btn-primary">
          {t('list.apply')}
        </button>
        {data.activeFilters > 0 ? (
          <Link to={mine ? '/actions?mine=1' : '/actions'} className="btn-secondary">
            {t('common:list.clearFilters')}
          </Link>
        ) : null}
      </div>
    </>
  )
}

function ActionRow({
  a,
  typeLabel,
  channelLabel,
}: {
  a: Row
  typeLabel: Map<number, string>
  channelLabel: Map<number, string>
}) {
  const { t } = useTranslation('actions')
  const f = useFormat()
  return (
    <li className="flex flex-col gap-1 p-3 sm:flex-row sm:items-start sm:gap-4">
      <div className="flex shrink-0 items-center gap-2 sm:w-40 sm:flex-col sm:items-start">
        <span className="text-sm tabular-nums">{f.date(a.date)}</span>
        <StatusBadge tone={statusTone[a.status]}>{t(`status.${a.status}`)}</StatusBadge>
      </div>
      <div className="min-w-0 flex-1">
        <Link to={`/actions/${a.id}`} className="block break-words font-medium">
          {a.title}
        </Link>
        <p className="text-sm text-ink-muted">
          {a.partnerName} · {typeLabel.get(a.typeId) ?? a.typeName}
          {a.channelId ? ` · ${channelLabel.get(a.channelId) ?? a.channelName}` : ''}
          {a.languages.length ? ` · ${a.languages.join(', ').toUpperCase()}` : ''}
        </p>
      </div>
      <ul className="flex shrink-0 flex-wrap gap-x-3 text-sm text-ink-muted sm:w-56 sm:flex-col sm:text-right">
        {a.participants !== null ? (
          <li>{t('list.participantsShort', { n: f.number(a.participants) })}</li>
        ) : null}
        {a.onlineReach !== null ? <li>{t('list.reachShort', { n: f.number(a.onlineReach) })}</li> : null}
        {a.engagements !== null ? (
          <li>{t('list.engagementsShort', { n: f.number(a.engagements) })}</li>
        ) : null}
      </ul>
    </li>
  )
}

function NoActions({ data }: { data: Data }) {
  const { t } = useTranslation('actions')
  const mine = data.filter.mine === '1'
  if (data.activeFilters > 0)
    return (
      <EmptyState
        title={t('list.emptyTitle')}
        action={
          <Link to={mine ? '/actions?mine=1' : '/actions'} className="btn-secondary">
            {t('common:list.clearFilters')}
          </Link>
        }
      >
        {t('list.emptyBody')}
      </EmptyState>
    )
  if (mine)
    return (
      <EmptyState
        title={t('list.emptyMineTitle')}
        action={
          data.canCreate ? (
            <Link to="/actions/new" className="btn-primary">
              {t('list.logAction')}
            </Link>
          ) : null
        }
      >
        {t('list.emptyMineBody')}
      </EmptyState>
    )
  return <EmptyState title={t('list.emptyAllTitle')}>{t('list.emptyAllBody')}</EmptyState>
}

/** Past the count cap: "more than 1,000", with previous and next only. */
function CappedPagination({ data }: { data: Data }) {
  const { t } = useTranslation('actions')
  const f = useFormat()
  const { search } = useLocation()
  const from = (data.page - 1) * data.pageSize + 1
  const to = from + data.rows.length - 1
  return (
    <nav
      aria-label={t('common:list.pagination')}
      className="flex flex-wrap items-center justify-between gap-3 text-sm"
    >
      <p>{t('list.moreThan', { from: f.number(from), to: f.number(to), total: f.number(data.total) })}</p>
      <div className="flex gap-2">
        {data.page > 1 ? (
          <Link className="btn-secondary" to={withParam(search, 'page', data.page - 1)} rel="prev">
            {t('common:list.previous')}
          </Link>
        ) : null}
        {data.rows.length === data.pageSize ? (
          <Link className="btn-secondary" to={withParam(search, 'page', data.page + 1)} rel="next">
            {t('common:list.next')}
          </Link>
        ) : null}
      </div>
    </nav>
  )
}

export default function ActionsList() {
  const { t } = useTranslation('actions')
  const data = useLoaderData<typeof loader>()
  const entryLabel = useEntryLabel()
  const { filter, options } = data
  const mine = filter.mine === '1'
  const typeLabel = new Map(options.types.map((e) => [e.id, entryLabel(e)]))
  const channelLabel = new Map(options.channels.map((e) => [e.id, entryLabel(e)]))

  return (
    <div className="space-y-4">
      <PageHeader title={mine ? t('list.myActions') : t('list.title')}>
        {data.canCreate ? (
          <Link to="/actions/new" className="btn-primary">
            {t('list.logAction')}
          </Link>
        ) : null}
        <ExportLink to="/actions.csv" />
      </PageHeader>

      {/* "My actions" means something only to someone who logs actions (a viewer never does). */}
      {data.canCreate || mine ? <ScopeTabs mine={mine} /> : null}

      <details className="card" open={data.activeFilters > 0}>
        <summary className="cursor-pointer font-semibold">{t('list.filters')}</summary>
        <Form method="get" className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <FilterChoices filter={filter} options={options} />
          <FilterEnd data={data} />
        </Form>
      </details>

      {data.rows.length ? (
        <ul
          className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
          aria-label={t('list.title')}
        >
          {data.rows.map((a) => (
            <ActionRow key={a.id} a={a} typeLabel={typeLabel} channelLabel={channelLabel} />
          ))}
        </ul>
      ) : (
        <NoActions data={data} />
      )}

      {data.totalIsCapped ? (
        <CappedPagination data={data} />
      ) : (
        <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
      )}
    </div>
  )
}
