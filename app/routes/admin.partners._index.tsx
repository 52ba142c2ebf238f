import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { EmptyState, PageHeader, StatusBadge } from '~/components/list'
import { listPartners } from '~/models/admin/index.server'
import { countryName } from '~/models/admin/schemas'
import { requirePermission } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('admin:meta.partners')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'admin:manage')
  const includeArchived = new URL(request.url).searchParams.get('archived') === '1'
  return json({ partners: listPartners({ includeArchived }), includeArchived })
}

export default function PartnersList() {
  const { t, i18n } = useTranslation('admin')
  const { partners, includeArchived } = useLoaderData<typeof loader>()
  return (
    <div>
      <PageHeader title={t('partners.title')} exportTo="/admin/partners.csv">
        <Link to="/admin/partners/new" className="btn-primary">
          {t('partners.new')}
        </Link>
      </PageHeader>
      <Form method="get" className="mb-4 flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="archived"
            value="1"
            defaultChecked={includeArchived}
            className="h-4 w-4"
          />
          {t('common:list.showArchived')}
        </label>
        <button type="submit" className="btn-secondary">
          {t('common:list.filter')}
        </button>
      </Form>
      {partners.length === 0 ? (
        <EmptyState
          title={t('partners.empty')}
          action={
            <Link to="/admin/partners/new" className="btn-primary">
              {t('partners.new')}
            </Link>
          }
        >
          {t('partners.emptyHint')}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="table">
            <caption className="sr-only">{t('partners.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('partners.name')}</th>
                <th scope="col">{t('partners.country')}</th>
                <th scope="col" className="hidden sm:table-cell">
                  {t('partners.city')}
                </th>
                <th scope="col">{t('partners.role')}</th>
                <th scope="col" className="hidden sm:table-cell">
                  {t('partners.activeUsers')}
                </th>
              </tr>
            </thead>
            <tbody>
              {partners.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/admin/partners/${p.id}`}>{p.name}</Link>{' '}
                    {p.archivedAt ? <StatusBadge tone="neutral">{t('status.archived')}</StatusBadge> : null}
                  </td>
                  <td>{countryName(p.country, i18n.language)}</td>
                  <td className="hidden sm:table-cell">{p.city}</td>
                  <td>{t(`partners.roles.${p.role}`)}</td>
                  <td className="hidden sm:table-cell">{p.users}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
