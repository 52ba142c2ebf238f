import type { LoaderFunctionArgs } from '@remix-run/node'

import { coverage, coverageTableIds, coverageTables, filtersFrom } from '~/models/dashboards/index.server'

import { dashboardCsvLoader } from './_shared/dashboard-csv.server'

/** The coverage dashboard's tables as CSV: `table=targets|unreached|...` for one, none for all. */
export function loader({ request }: LoaderFunctionArgs) {
  return dashboardCsvLoader(request, {
    name: 'coverage',
    tableIds: coverageTableIds,
    tables: (params) => {
      const data = coverage({
        month: params.month,
        since: params.since,
        group: params.group,
        filters: filtersFrom(params),
      })
      return {
        month: data.month,
        tables: coverageTables(data),
        title: 'dashboard:coverage.title',
        view: {
          kind: 'coverage',
          filters: data.filters,
          group: params.group,
          from: data.windowStart,
          to: data.month,
        },
      }
    },
  })
}
