import type { LoaderFunctionArgs } from '@remix-run/node'

import { serverT } from '~/i18n/resources.server'
import { auditChanges, auditFilterFromUrl, auditFilters } from '~/models/admin/index.server'
import { listAudit } from '~/models/audit/index.server'
import { requirePermission } from '~/utils/auth.server'
import { csvResponse } from '~/utils/csv.server'

/** The audit log as CSV: exactly the rows the filters in the URL select, all pages. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'admin:manage')
  const t = serverT(user.locale)
  const filter = auditFilterFromUrl(new URL(request.url))
  // LIMIT -1 is SQLite for "no limit".
  const { rows } = listAudit(auditFilters(filter), { limit: -1, offset: 0 })
  const header = ['at', 'user', 'entity', 'entityId', 'action', 'summary', 'changes'].map((k) =>
    t(`admin:audit.csv.${k}`),
  )
  const data = rows.map((r) => [
    r.at,
    r.userName ?? '',
    r.entity,
    r.entityId ?? '',
    r.action,
    r.summary ?? '',
    auditChanges(r.before, r.after)
      .map(
        (c) =>
          `${c.field}: ${c.before ?? ''}${c.before !== null && c.after !== null ? ' -> ' : ''}${c.after ?? ''}`,
      )
      .join('\n'),
  ])
  return csvResponse(`ripple-audit-${new Date().toISOString().slice(0, 10)}.csv`, header, data)
}
