import type { LoaderFunctionArgs } from '@remix-run/node'

import { serverT } from '~/i18n/resources.server'
import { listRanked, priorityFilterFromUrl } from '~/models/priorities/index.server'
import { roundScore } from '~/models/priorities/scoring'
import { requirePermission } from '~/utils/auth.server'
import { csvResponse } from '~/utils/csv.server'

/** The ranked list as CSV, with exactly the filters of /priorities (every page). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'priority:read')
  const t = serverT(user.locale)
  const filter = priorityFilterFromUrl(new URL(request.url))
  const { rows } = listRanked(filter, { limit: 200_000, offset: 0 })
  const header = [
    'rank',
    'id',
    'name',
    'category',
    'score',
    'tier',
    'previousScore',
    'change',
    'influence',
    'interest',
    'quadrant',
    'owner',
    'stage',
    'scoredAt',
  ].map((k) => t(`priorities:csv.${k}`))
  const body = rows.map((r) => {
    const quadrant = r.quadrant
    return [
      r.rank,
      r.id,
      r.name,
      r.categoryName,
      roundScore(r.score),
      r.tier,
      r.previousScore === null ? '' : roundScore(r.previousScore),
      r.previousScore === null ? '' : roundScore(r.score - r.previousScore),
      r.influence === null ? '' : roundScore(r.influence),
      r.interest === null ? '' : roundScore(r.interest),
      quadrant ? t(`priorities:quadrants.${quadrant}`) : '',
      r.ownerName,
      t(`priorities:stages.${r.stage}`),
      r.scoredAt,
    ]
  })
  return csvResponse('priorities.csv', header, body)
}
