import type { LoaderFunctionArgs } from '@remix-run/node'

import { serverT } from '~/i18n/resources.server'
import { eventFilterSchema, listEvents } from '~/models/events/index.server'
import { requirePermission } from '~/utils/auth.server'
import { csvResponse } from '~/utils/csv.server'

/** The events list as CSV: exactly the filtered list, all pages. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const filter = eventFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const { rows } = listEvents(filter, { limit: 100_000, offset: 0 })
  const t = serverT(user.locale)
  const header = [
    'id',
    'kind',
    'title',
    'theme',
    'startDate',
    'endDate',
    'place',
    'online',
    'host',
    'registrations',
    'attendance',
    'planned',
    'actions',
  ].map((k) => t(`plan:events.csv.${k}`))
  return csvResponse(
    'events.csv',
    header,
    rows.map((r) => [
      r.id,
      t(`plan:eventKinds.${r.kind}`),
      r.title,
      r.themeName,
      r.startDate,
      r.endDate,
      r.place,
      r.online ? t('common:yes') : t('common:no'),
      r.hostName,
      r.registrations,
      r.attendance,
      r.plannedCount,
      r.actionCount,
    ]),
  )
}
