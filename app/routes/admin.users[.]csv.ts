import type { LoaderFunctionArgs } from '@remix-run/node'

import { serverT } from '~/i18n/resources.server'
import { listUsers, userFilterFromUrl } from '~/models/admin/index.server'
import { requirePermission } from '~/utils/auth.server'
import { csvResponse } from '~/utils/csv.server'

/** The user list as CSV: exactly the accounts the filters in the URL select, all pages. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'admin:manage')
  const t = serverT(user.locale)
  const { rows } = listUsers(userFilterFromUrl(new URL(request.url)), { limit: -1, offset: 0 })
  const header = [
    t('admin:users.name'),
    t('admin:users.email'),
    t('admin:users.role'),
    t('admin:users.partner'),
    t('admin:users.locale'),
    t('admin:users.csv.deactivatedAt'),
    t('admin:users.csv.createdAt'),
  ]
  const data = rows.map((u) => [
    u.name,
    u.email,
    t(`common:roles.${u.role}`),
    u.partnerName ?? '',
    u.locale,
    u.deactivatedAt ?? '',
    u.createdAt,
  ])
  return csvResponse(`ripple-users-${new Date().toISOString().slice(0, 10)}.csv`, header, data)
}
