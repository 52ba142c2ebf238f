import type { LoaderFunctionArgs } from '@remix-run/node'

import { serverT } from '~/i18n/resources.server'
import {
  dashboardCsv,
  filtersFrom,
  monthlyReach,
  parseDashboardParams,
  reachTableIds,
  reachTables,
} from '~/models/dashboards/index.server'
import { requirePermission } from '~/utils/auth.server'

/** The reach dashboard's figures as CSV: `table=headline|monthly|...` for one table, none for all. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'dashboard:read')
  const url = new URL(request.url)
  const params = parseDashboardParams(url.searchParams)
  const table = url.searchParams.get('table')
  if (table && !(reachTableIds as readonly string[]).includes(table))
    throw new Response('Unknown table', { status: 400 })
  const reach = monthlyReach({
    month: params.month,
    months: params.months,
    stack: params.stack,
    metric: params.metric,
    filters: filtersFrom(params),
  })
  return dashboardCsv(
    `reach-${reach.month}${table ? `-${table}` : ''}.csv`,
    reachTables(reach),
    serverT(user.locale),
    table,
  )
}
