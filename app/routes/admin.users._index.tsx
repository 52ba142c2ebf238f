import { json, type LoaderFunctionArgs, type SerializeFrom } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { roles } from '#db/schema/core'
import { EmptyState, FilterSelect, PageHeader, Pagination, StatusBadge } from '~/components/list'
import { pendingInvitations } from '~/models/accounts/index.server'
import { listUsers, partnerChoices, userFilterFromUrl } from '~/models/admin/index.server'
import { requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { pageTitle } from '~/utils/meta'
import { pageFromUrl } from '~/utils/paging'

export const meta = pageTitle('admin:meta.users')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'admin:manage')
  const url = new URL(request.url)
  const filter = userFilterFromUrl(url)
  const page = pageFromUrl(url)
  const listed = listUsers(filter, page)
  const invitations = pendingInvitations(listed.rows.map((u) => u.id))
  const rows = listed.rows.map((u) => ({ ...u, invitationExpiresAt: invitations.get(u.id) ?? null }))
  const total = listed.total
  return json({ rows, total, filter, page: page.page, pageSize: page.pageSize, partners: partnerChoices() })
}

type Data = SerializeFrom<typeof loader>

function UserFilters({
  filter,
  partners,
  filtered,
}: {
  filter: Data['filter']
  partners: Data['partners']
  filtered: boolean
}) {
  const { t } = useTranslation('admin')
  return (
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
  )
}

function UsersTable({ rows }: { rows: Data['rows'] }) {
  const { t } = useTranslation('admin')
  const f = useFormat()
  return (
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
                ) : u.invitationExpiresAt ? (
                  <StatusBadge tone="warn">{t('accounts:admin.pending')}</StatusBadge>
                ) : (
                  <StatusBadge tone="ok">{t('users.statuses.active')}</StatusBadge>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export default function UsersList() {
  const { t } = useTranslation('admin')
  const { rows, total, filter, page, pageSize, partners } = useLoaderData<typeof loader>()
  const filtered = !!(filter.q || filter.role || filter.partner || filter.status !== 'active')
  return (
    <div>
      <PageHeader title={t('users.title')} exportTo="/admin/users.csv">
        <Link to="/admin/users/new" className="btn-primary">
          {t('users.new')}
        </Link>
      </PageHeader>
      <UserFilters filter={filter} partners={partners} filtered={filtered} />
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
        <UsersTable rows={rows} />
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  )
}
