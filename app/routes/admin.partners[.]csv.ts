import type { LoaderFunctionArgs } from '@remix-run/node'

import { serverT } from '~/i18n/resources.server'
import { listPartners } from '~/models/admin/index.server'
import { socialKinds } from '~/models/admin/schemas'
import { requirePermission } from '~/utils/auth.server'
import { csvResponse } from '~/utils/csv.server'

/** The partner list as CSV, with the same "show archived" choice as the page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'admin:manage')
  const t = serverT(user.locale)
  const includeArchived = new URL(request.url).searchParams.get('archived') === '1'
  const rows = listPartners({ includeArchived })
  const header = [
    t('admin:partners.name'),
    t('admin:partners.country'),
    t('admin:partners.city'),
    t('admin:partners.role'),
    t('admin:partners.website'),
    ...socialKinds.map((k) => t(`admin:partners.socialKinds.${k}`)),
    t('admin:partners.activeUsers'),
    t('admin:partners.csv.archivedAt'),
  ]
  const data = rows.map((p) => [
    p.name,
    p.country,
    p.city ?? '',
    t(`admin:partners.roles.${p.role}`),
    p.website ?? '',
    ...socialKinds.map((k) => p.socialAccounts[k] ?? ''),
    p.users,
    p.archivedAt ?? '',
  ])
  return csvResponse(`ripple-partners-${new Date().toISOString().slice(0, 10)}.csv`, header, data)
}
