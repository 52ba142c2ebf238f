import { json, type LoaderFunctionArgs, type SerializeFrom } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { auditActions } from '#db/schema/core'
import { EmptyState, FilterSelect, PageHeader, Pagination } from '~/components/list'
import { auditChanges, auditFilterFromUrl, auditFilters, userChoices } from '~/models/admin/index.server'
import { auditEntities, listAudit } from '~/models/audit/index.server'
import { requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { pageTitle } from '~/utils/meta'
import { pageFromUrl } from '~/utils/paging'

export const meta = pageTitle('admin:audit.title')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'admin:manage')
  const url = new URL(request.url)
  const filter = auditFilterFromUrl(url)
  const page = pageFromUrl(url)
  const { rows, total } = listAudit(auditFilters(filter), page)
  return json({
    filter,
    total,
    page: page.page,
    pageSize: page.pageSize,
    rows: rows.map((r) => ({ ...r, changes: auditChanges(r.before, r.after) })),
    entities: auditEntities(),
    users: userChoices(),
  })
}

/** Where a record lives, for the record types that have a page of their own. */
const recordHref: Record<string, (id: number) => string> = {
  partner: (id) => `/admin/partners/${id}`,
  user: (id) => `/admin/users/${id}`,
  theme: () => '/admin/project#themes',
  project: () => '/admin/project',
  stakeholder: (id) => `/stakeholders/${id}`,
  action: (id) => `/actions/${id}`,
}

type Data = SerializeFrom<typeof loader>
type Row = Data['rows'][number]

export default function AuditLog() {
  const { t } = useTranslation('admin')
  const data = useLoaderData<typeof loader>()
  const { filter } = data
  const filtered = Object.values(filter).some((v) => v !== undefined)
  return (
    <div>
      <PageHeader title={t('audit.title')} exportTo="/admin/audit.csv" />
      <AuditFilters data={data} filtered={filtered} />
      {data.rows.length === 0 ? (
        <EmptyState title={t('audit.empty')}>
          {filtered ? t('audit.emptyFiltered') : t('audit.emptyHint')}
        </EmptyState>
      ) : (
        <ol className="space-y-3" aria-label={t('audit.title')}>
          {data.rows.map((row) => (
            <AuditEntry key={row.id} row={row} filter={filter} />
          ))}
        </ol>
      )}
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
    </div>
  )
}

function useEntityLabel() {
  const { t } = useTranslation('admin')
  return (e: string) => t(`audit.entities.${e}`, { defaultValue: e })
}

function AuditFilters({ data, filtered }: { data: Data; filtered: boolean }) {
  const { t } = useTranslation('admin')
  const entityLabel = useEntityLabel()
  const { filter } = data
  return (
    <Form method="get" className="card mb-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-7 lg:items-end">
      <FilterSelect
        id="a-entity"
        name="entity"
        label={t('audit.entity')}
        value={filter.entity}
        options={data.entities.map((e) => ({ value: e, label: entityLabel(e) }))}
      />
      <div>
        <label htmlFor="a-entity-id" className="label">
          {t('audit.entityId')}
        </label>
        <input
          id="a-entity-id"
          name="entityId"
          type="number"
          min={1}
          inputMode="numeric"
          defaultValue={filter.entityId ?? ''}
          className="input"
        />
      </div>
      <FilterSelect
        id="a-user"
        name="user"
        label={t('audit.user')}
        value={filter.user}
        options={data.users.map((u) => ({ value: u.id, label: u.name }))}
      />
      <FilterSelect
        id="a-action"
        name="action"
        label={t('audit.action')}
        value={filter.action}
        options={auditActions.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))}
      />
      <DateFilter id="a-from" name="from" label={t('audit.from')} value={filter.from} />
      <DateFilter id="a-to" name="to" label={t('audit.to')} value={filter.to} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn-secondary">
          {t('common:list.filter')}
        </button>
        {filtered ? (
          <Link to="/admin/audit" className="btn-link self-center">
            {t('common:list.clearFilters')}
          </Link>
        ) : null}
      </div>
    </Form>
  )
}

function DateFilter({ id, name, label, value }: { id: string; name: string; label: string; value?: string }) {
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <input id={id} name={name} type="date" defaultValue={value ?? ''} className="input" />
    </div>
  )
}

function AuditEntry({ row, filter }: { row: Row; filter: Data['filter'] }) {
  const { t } = useTranslation('admin')
  const f = useFormat()
  const entityLabel = useEntityLabel()
  return (
    <li className="card">
      <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <time dateTime={row.at} className="text-ink-muted">
          {f.dateTime(row.at)}
        </time>
        <span className="font-semibold">{row.userName ?? t('audit.system')}</span>
        <span>{t(`audit.actions.${row.action}`)}</span>
        <span>
          {row.entityId && recordHref[row.entity] ? (
            <Link
              to={recordHref[row.entity](row.entityId)}
            >{`${entityLabel(row.entity)} #${row.entityId}`}</Link>
          ) : (
            `${entityLabel(row.entity)}${row.entityId ? ` #${row.entityId}` : ''}`
          )}
        </span>
        {row.summary ? <span className="break-all text-ink-muted">· {row.summary}</span> : null}
        {row.entityId && !(filter.entity === row.entity && filter.entityId === row.entityId) ? (
          <Link
            className="btn-link"
            to={`/admin/audit?entity=${encodeURIComponent(row.entity)}&entityId=${row.entityId}`}
          >
            {t('audit.recordHistory')}
          </Link>
        ) : null}
      </p>
      {row.changes.length ? <AuditChanges changes={row.changes} /> : null}
    </li>
  )
}

function AuditChanges({ changes }: { changes: Row['changes'] }) {
  const { t } = useTranslation('admin')
  return (
    <dl className="mt-2 grid gap-x-3 gap-y-1 text-sm sm:grid-cols-[minmax(8rem,auto)_1fr]">
      {changes.map((c) => (
        <div key={c.field} className="contents">
          <dt className="font-medium">{c.field}</dt>
          <dd className="break-words">
            {c.before !== null ? <del className="text-ink-muted">{c.before}</del> : null}
            {c.before !== null && c.after !== null ? <span aria-label={t('audit.becomes')}> → </span> : null}
            {c.after !== null ? <ins className="no-underline">{c.after}</ins> : null}
          </dd>
        </div>
      ))}
    </dl>
  )
}
