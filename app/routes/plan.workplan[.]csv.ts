import type { LoaderFunctionArgs } from '@remix-run/node'

import { serverT } from '~/i18n/resources.server'
import { listActivities } from '~/models/plan/index.server'
import { activityFilterSchema } from '~/models/plan/schemas'
import { requirePermission } from '~/utils/auth.server'
import { csvResponse } from '~/utils/csv.server'

/** The work plan as CSV: exactly the filtered list, all pages. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const url = new URL(request.url)
  const filter = activityFilterSchema.parse(Object.fromEntries(url.searchParams))
  const { rows } = listActivities(filter, { limit: 100_000, offset: 0 })
  const t = serverT(user.locale)
  const header = [
    'id',
    'due',
    'what',
    'partner',
    'type',
    'channel',
    'group',
    'event',
    'phase',
    'state',
    'validatedActions',
    'submittedActions',
  ].map((k) => t(`plan:workplan.csv.${k}`))
  return csvResponse(
    'work-plan.csv',
    header,
    rows.map((r) => [
      r.id,
      r.dueDate,
      r.title,
      r.partnerName,
      r.typeName,
      r.channelName,
      r.groupName,
      r.eventTitle,
      r.phase ? t(`plan:phases.${r.phase}`) : '',
      t(`plan:states.${r.state}`),
      r.validated,
      r.submitted,
    ]),
  )
}
