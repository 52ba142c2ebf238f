import { serverT } from '~/i18n/resources.server'
import { dashboardCsv, type DashboardParams, parseDashboardParams } from '~/models/dashboards/index.server'
import type { TableModel } from '~/models/dashboards/table-model'
import { requirePermission } from '~/utils/auth.server'

/**
 * The loader of a dashboard's CSV route: `table=<id>` for one of its tables (400 when unknown),
 * none for all, in the reader's language, named `<name>-<month>[-<table>].csv`.
 */
export async function dashboardCsvLoader(
  request: Request,
  dashboard: {
    name: string
    tableIds: readonly string[]
    tables: (params: DashboardParams) => { month: string; tables: TableModel[] }
  },
) {
  const user = await requirePermission(request, 'dashboard:read')
  const url = new URL(request.url)
  const table = url.searchParams.get('table')
  if (table && !dashboard.tableIds.includes(table)) throw new Response('Unknown table', { status: 400 })
  const { month, tables } = dashboard.tables(parseDashboardParams(url.searchParams))
  return dashboardCsv(
    `${dashboard.name}-${month}${table ? `-${table}` : ''}.csv`,
    tables,
    serverT(user.locale),
    table,
  )
}
