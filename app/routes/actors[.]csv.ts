import type { LoaderFunctionArgs } from '@remix-run/node'

import { categoryLabel } from '~/components/stakeholders'
import { serverT } from '~/i18n/resources.server'
import { actorMapFilterSchema, actorNetwork } from '~/models/actors/index.server'
import { orForbidden, requirePermission } from '~/utils/auth.server'
import { csvResponse } from '~/utils/csv.server'

/** The actor map's table as CSV: every actor of the same filters, most linked first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'actor:read')
  const filter = actorMapFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const { nodes } = orForbidden(() => actorNetwork(filter, user))
  const t = serverT(user.locale)
  const header = ['id', 'actor', 'category', 'links', 'actions', 'events', 'outcomes'].map((k) =>
    t(`actors:csv.${k}`),
  )
  return csvResponse(
    'actors.csv',
    header,
    nodes.map((n) => [
      n.id,
      n.name,
      categoryLabel(t, { key: n.categoryKey, name: n.categoryName }),
      n.links,
      n.actions,
      n.events,
      n.outcomes,
    ]),
  )
}
