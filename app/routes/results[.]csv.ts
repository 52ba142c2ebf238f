import type { LoaderFunctionArgs } from '@remix-run/node'

import { serverT } from '~/i18n/resources.server'
import { listOutcomes, outcomeFilterSchema } from '~/models/outcomes/index.server'
import { requirePermission } from '~/utils/auth.server'
import { csvResponse } from '~/utils/csv.server'

/** The outcomes register as CSV: exactly the filtered list, all pages. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'outcome:read')
  const filter = outcomeFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const { rows } = listOutcomes(filter, { limit: 100_000, offset: 0 })
  const t = serverT(user.locale)
  const header = [
    'id',
    'date',
    'type',
    'title',
    'partner',
    'status',
    'evidence',
    'stakeholders',
    'actions',
    'events',
  ].map((k) => t(`results:csv.${k}`))
  return csvResponse(
    'outcomes.csv',
    header,
    rows.map((r) => [
      r.id,
      r.date,
      t(`results:types.${r.type}`),
      r.title,
      r.partnerName,
      t(`results:status.${r.status}`),
      r.evidenceUrl,
      r.stakeholderCount,
      r.actionCount,
      r.eventCount,
    ]),
  )
}
