import type { LoaderFunctionArgs } from '@remix-run/node'

import { serverT } from '~/i18n/resources.server'
import { listIdeas } from '~/models/ideas/index.server'
import { canModerateIdeas } from '~/models/ideas/policy'
import { ideaFilterSchema } from '~/models/ideas/schemas'
import { forbidden, requirePermission } from '~/utils/auth.server'
import { csvResponse } from '~/utils/csv.server'

/** The board as CSV for the communications lead: exactly the filtered proposals, all pages. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'idea:read')
  if (!canModerateIdeas(user)) throw forbidden()
  const filter = ideaFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const { rows } = listIdeas(filter, { limit: 100_000, offset: 0 }, user.id)
  const t = serverT(user.locale)
  const header = [
    'id',
    'column',
    'status',
    'title',
    'body',
    'author',
    'partner',
    'supports',
    'comments',
    'involved',
    'created',
    'activity',
    'reason',
  ].map((k) => t(`ideas:csv.${k}`))
  return csvResponse(
    'ideas.csv',
    header,
    rows.map((r) => [
      r.id,
      t(`ideas:columns.${r.column}`),
      t(`ideas:statuses.${r.status}`),
      r.title,
      r.body,
      r.authorName,
      r.partnerName,
      r.supports,
      r.comments,
      r.members,
      r.createdAt,
      r.activityId,
      r.closeReason,
    ]),
  )
}
