import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { roles } from '#db/schema/core'
import { FilterSelect } from '~/components/list'
import { EmptyState, ExportLink, Pagination, StatusBadge } from '~/components/list'
import { listUsers, partnerChoices, userFilterFromUrl } from '~/models/admin.server'
import { requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { pageFromUrl } from '~/utils/paging'

export const meta: MetaFunction = () => [{ title: 'Users · Ripple' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'admin:manage')
  const url = new URL(request.url)
  const filter = userFilterFromUrl(url)
  const page = pageFromUrl(url)
  const { rows, total } = listUsers(filter, page)
  return json({ rows, total, filter, page: page.page, pageSize: page.pageSize, partners: partnerChoices() })
}

export default function UsersList() {
  const { t } = useTranslation('admin')
  const f = useFormat()
  const { rows, total, filter, page, pageSize, partners } = useLoaderData<typeof loader>()
  const filtered = !!(filter.q || filter.role || filter.partner || filter.status !== 'active')
  return (
    <div>
      <div className="page-title">
        <h1>{t('users.title')}</h1>
        <div className="flex flex-wrap gap-2">
          <ExportLink to="/admin/users.csv" />
          <Link to="/admin/users/new" className="btn-primary">
            {t('users.new')}
          </Link>
        </div>
      </div>
      <Form method="get" className="card mb-4 grid gap-3 sm:grid-cols-2 sm:items-end lg:grid-cols-5">
        <div>
          <label htmlFor="f-q" className="label">
            {t('common:list.search')}
          </label>
          <input
            id="f-q"
            name="q"
            type="search"
            defaultValue={filter.q ?? ''}
            placeholder={t('users.searchHint')}
            className="input"
          />
        </div>
        <FilterSelect
          id="f-role"
          name="role"
          label={t('users.role')}
          value={filter.role}
          options={roles.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
        />
        <FilterSelect
          id="f-partner"
          name="partner"
          label={t('users.partner')}
          value={filter.partner}
          options={partners.map((p) => ({ value: p.id, label: p.name }))}
        />
        <FilterSelect
          id="f-status"
          name="status"
          label={t('users.status')}
          value={filter.status}
          any={false}
          options={(['active', 'inactive', 'all'] as const).map((v) => ({
            value: v,
            label: t(`users.statuses.${v}`),
          }))}
        />
        <div className="flex flex-wrap gap-2">
          <button type="submit" className="btn-secondary">
            {t('common:list.filter')}
          </button>
          {filtered ? (
            <Link to="/admin/users" className="btn-link self-center">
              {t('common:list.clearFilters')}
            </Link>
          ) : null}
        </div>
      </Form>
      {rows.length === 0 ? (
        <EmptyState
          title={t('users.empty')}
          action={
            filtered ? (
              <Link to="/admin/users" className="btn-secondary">
                {t('common:list.clearFilters')}
              </Link>
            ) : undefined
          }
        >
          {t('users.emptyHint')}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="table">
            <caption className="sr-only">{t('users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col" className="hidden md:table-cell">
                  {t('users.email')}
                </th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col" className="hidden sm:table-cell">
                  {t('users.partner')}
                </th>
                <th scope="col">{t('users.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((u) => (
                <tr key={u.id}>
                  <td>
                    <Link to={`/admin/users/${u.id}`}>{u.name}</Link>
                    <span className="block break-all text-xs text-ink-muted md:hidden">{u.email}</span>
                  </td>
                  <td className="hidden break-all md:table-cell">{u.email}</td>
                  <td>{t(`common:roles.${u.role}`)}</td>
                  <td className="hidden sm:table-cell">{u.partnerName ?? '—'}</td>
                  <td>
                    {u.deactivatedAt ? (
                      <StatusBadge tone="neutral">
                        {t('users.deactivatedOn', { date: f.date(u.deactivatedAt) })}
                      </StatusBadge>
                    ) : (
                      <StatusBadge tone="ok">{t('users.statuses.active')}</StatusBadge>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  )
}
