import { serverT } from '~/i18n/resources.server'
import {
  dashboardCsv,
  dashboardOptions,
  type DashboardParams,
  type FilterDescriptionInput,
  filterFacts,
  parseDashboardParams,
} from '~/models/dashboards/index.server'
import type { TableModel } from '~/models/dashboards/table-model'
import { requirePermission } from '~/utils/auth.server'

/**
 * The loader of a dashboard's CSV route: `table=<id>` for one of its tables (400 when unknown),
 * none for all, in the reader's language, named `<name>-<month>[-filtered][-<table>].csv`, its first rows stating the filters.
 */
export async function dashboardCsvLoader(
  request: Request,
  dashboard: {
    name: string
    tableIds: readonly string[]
    tables: (params: DashboardParams) => {
      month: string
      tables: TableModel[]
      /** What the view shows, stated in the file's first rows. */
      view: Omit<FilterDescriptionInput, 'options'>
      title: string
    }
  },
) {
  const user = await requirePermission(request, 'dashboard:read')
  const url = new URL(request.url)
  const table = url.searchParams.get('table')
  if (table && !dashboard.tableIds.includes(table)) throw new Response('Unknown table', { status: 400 })
  const { month, tables, view, title } = dashboard.tables(parseDashboardParams(url.searchParams))
  const t = serverT(user.locale)
  const facts = filterFacts({ ...view, options: dashboardOptions() }, t)
  const filtered = facts.some((f) => f.active)
  return dashboardCsv(
    `${dashboard.name}-${month}${filtered ? '-filtered' : ''}${table ? `-${table}` : ''}.csv`,
    tables,
    t,
    table,
    [[t(title), month], ...facts.map((f) => [f.label, f.value])],
  )
}
