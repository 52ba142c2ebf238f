import type { LoaderFunctionArgs } from '@remix-run/node'

import { serverT } from '~/i18n/resources.server'
import {
  coverage,
  coverageTableIds,
  coverageTables,
  dashboardCsv,
  filtersFrom,
  parseDashboardParams,
} from '~/models/dashboards/index.server'
import { requirePermission } from '~/utils/auth.server'

/** The coverage dashboard's tables as CSV: `table=targets|unreached|...` for one, none for all. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'dashboard:read')
  const url = new URL(request.url)
  const params = parseDashboardParams(url.searchParams)
  const table = url.searchParams.get('table')
  if (table && !(coverageTableIds as readonly string[]).includes(table))
    throw new Response('Unknown table', { status: 400 })
  const data = coverage({
    month: params.month,
    since: params.since,
    group: params.group,
    filters: filtersFrom(params),
  })
  return dashboardCsv(
    `coverage-${data.month}${table ? `-${table}` : ''}.csv`,
    coverageTables(data),
    serverT(user.locale),
    table,
  )
}
