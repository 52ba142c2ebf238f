import type { LoaderFunctionArgs } from '@remix-run/node'

import { serverT } from '~/i18n/resources.server'
import { getProject } from '~/models/admin/index.server'
import { computeIndicators } from '~/models/plan/index.server'
import { invariantResponse, requirePermission } from '~/utils/auth.server'
import { csvResponse } from '~/utils/csv.server'

const isoDate = /^\d{4}-\d{2}-\d{2}$/

/** Every record behind each indicator figure, one row each, for the programme report. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const project = getProject()
  invariantResponse(project)
  const url = new URL(request.url)
  const fromParam = url.searchParams.get('from') ?? ''
  const toParam = url.searchParams.get('to') ?? ''
  const from = isoDate.test(fromParam) ? fromParam : project.startDate
  const to = isoDate.test(toParam) ? toParam : project.endDate
  const figures = computeIndicators({
    from,
    to,
    includeSubmitted: url.searchParams.get('includeSubmitted') === '1',
  })
  const t = serverT(user.locale)
  const header = ['indicator', 'indicatorValue', 'kind', 'id', 'record', 'date', 'contribution'].map((k) =>
    t(`plan:indicators.csv.${k}`),
  )
  const rows = figures.flatMap((fig) =>
    fig.items.map((i) => [
      fig.code,
      fig.value,
      t(`plan:indicators.kinds.${i.kind}`),
      i.id,
      i.title,
      i.date ?? '',
      i.contribution,
    ]),
  )
  return csvResponse(`indicators-${from}-${to}.csv`, header, rows)
}
