import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { EmptyState, PageHeader, Pagination } from '~/components/list'
import { listOutbox } from '~/models/mail/index.server'
import { orForbidden, requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { pageTitle } from '~/utils/meta'
import { pageFromUrl } from '~/utils/paging'

export const meta = pageTitle('mail:outbox.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'admin:manage')
  const page = pageFromUrl(new URL(request.url))
  const { rows, total } = orForbidden(() => listOutbox(user, page))
  return json({ rows, total, page: page.page, pageSize: page.pageSize })
}

export default function Outbox() {
  const { t } = useTranslation('mail')
  const f = useFormat()
  const data = useLoaderData<typeof loader>()
  return (
    <div>
      <PageHeader title={t('outbox.title')} />
      <p className="mb-4 max-w-prose text-ink-muted">{t('outbox.intro')}</p>
      {data.rows.length === 0 ? (
        <EmptyState title={t('outbox.empty')}>{t('outbox.emptyHint')}</EmptyState>
      ) : (
        <ol className="space-y-2" aria-label={t('outbox.title')}>
          {data.rows.map((row) => (
            <li key={row.file} className="card">
              <Link to={`/admin/outbox/${encodeURIComponent(row.file)}`} className="font-semibold">
                {row.subject ?? row.file}
              </Link>
              <p className="text-sm text-ink-muted">
                {t('outbox.to', { to: row.to ?? '—' })} · {f.dateTime(row.writtenAt)}
                {row.kind ? ` · ${t(`kinds.${row.kind}`)}` : ''}
              </p>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
    </div>
  )
}
