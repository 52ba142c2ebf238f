import type { LoaderFunctionArgs } from '@remix-run/node'

import { serverT } from '~/i18n/resources.server'
import { actionFilterFromUrl, exportActions, listLabelKey } from '~/models/actions/index.server'
import { requirePermission } from '~/utils/auth.server'
import { csvResponse } from '~/utils/csv.server'

/** /actions.csv: exactly the list /actions shows for the same URL parameters, every page of it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'action:read')
  const filter = actionFilterFromUrl(new URL(request.url))
  const t = serverT(user.locale)
  const rows = exportActions(filter, user)
  const label = (kind: 'types' | 'channels', key: string | null, name: string | null) => {
    if (name === null) return ''
    const k = listLabelKey(kind, { key, name })
    return k ? t(k) : name
  }
  const columns = [
    'id',
    'date',
    'partner',
    'type',
    'channel',
    'title',
    'status',
    'languages',
    'participants',
    'onlineReach',
    'engagements',
    'evidenceUrl',
    'stakeholders',
    'themes',
    'event',
    'returnComment',
    'description',
  ] as const
  return csvResponse(
    `actions-${new Date().toISOString().slice(0, 10)}.csv`,
    columns.map((c) => t(`actions:csv.${c}`)),
    rows.map((r) => [
      r.id,
      r.date,
      r.partner,
      label('types', r.typeKey, r.typeName),
      label('channels', r.channelKey, r.channelName),
      r.title,
      t(`actions:status.${r.status}`),
      r.languages,
      r.participants,
      r.onlineReach,
      r.engagements,
      r.evidenceUrl,
      r.stakeholders,
      r.themes,
      r.event,
      r.returnComment,
      r.description,
    ]),
  )
}
