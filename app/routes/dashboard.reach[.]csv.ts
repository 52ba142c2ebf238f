import type { LoaderFunctionArgs } from '@remix-run/node'

import {
  addMonths,
  filtersFrom,
  monthlyReach,
  reachTableIds,
  reachTables,
} from '~/models/dashboards/index.server'

import { dashboardCsvLoader } from './_shared/dashboard-csv.server'

/** The reach dashboard's figures as CSV: `table=headline|monthly|...` for one table, none for all. */
export function loader({ request }: LoaderFunctionArgs) {
  return dashboardCsvLoader(request, {
    name: 'reach',
    tableIds: reachTableIds,
    tables: (params) => {
      const reach = monthlyReach({
        month: params.month,
        months: params.months,
        stack: params.stack,
        metric: params.metric,
        filters: filtersFrom(params),
      })
      return {
        month: reach.month,
        tables: reachTables(reach),
        title: 'dashboard:reach.title',
        view: {
          kind: 'reach',
          filters: reach.filters,
          from: addMonths(reach.month, -(reach.months - 1)),
          to: reach.month,
        },
      }
    },
  })
}
