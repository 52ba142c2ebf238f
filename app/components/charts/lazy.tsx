/**
 * The dashboards' charts, loaded after the page: recharts and its dependencies are about 115 KB
 * of gzipped JavaScript, more than the rest of a dashboard page together. The server renders the
 * charts into the HTML as before (it waits for the chart module), so the page shows them at once
 * and prints them; in the browser the route's own code hydrates the tables, filters and links
 * first, and each chart's already-rendered markup is hydrated when the chart module has arrived.
 */
import { type ComponentType, lazy, Suspense } from 'react'

function lazyChart<P extends object>(name: string, load: () => Promise<ComponentType<P>>) {
  const Chart = lazy(async () => ({ default: await load() })) as unknown as ComponentType<P>
  function LazyChart(props: P) {
    return (
      <Suspense fallback={null}>
        <Chart {...props} />
      </Suspense>
    )
  }
  LazyChart.displayName = name
  return LazyChart
}

const charts = () => import('./charts')
export const StackedMonthsChart = lazyChart('StackedMonthsChart', () =>
  charts().then((m) => m.StackedMonthsChart),
)
export const CumulativeChart = lazyChart('CumulativeChart', () => charts().then((m) => m.CumulativeChart))
