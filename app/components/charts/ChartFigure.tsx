import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import type { TableModel } from '~/models/dashboards/table-model'

import { DataTable } from './DataTable'
import { CHART_WIDTH } from './palette'
import { useElementWidth } from './use-width'

/**
 * A dashboard section: heading, the chart (decorative for screen readers, which get the table),
 * the table of the same numbers, its CSV download and, where it makes sense, the actions behind it.
 */
export function ChartFigure({
  id,
  title,
  description,
  chart,
  table,
  csvHref,
  actionsHref,
  children,
  split,
}: {
  id: string
  title: string
  description?: ReactNode
  /** The chart, or a function drawing it at the measured width of its box. */
  chart?: ReactNode | ((width: number) => ReactNode)
  table: TableModel
  csvHref?: string
  actionsHref?: string
  children?: ReactNode
  /** Chart and table side by side on wide screens (for short tables). */
  split?: boolean
}) {
  const { t } = useTranslation('dashboard')
  return (
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      className="card dashboard-section space-y-3 print:break-inside-avoid-page print:border-0 print:p-0 print:shadow-none"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-title`}>{title}</h2>
        <div className="flex flex-wrap gap-3 text-sm no-print">
          {actionsHref ? <a href={actionsHref}>{t('links.actions')}</a> : null}
          {csvHref ? (
            <a href={csvHref} download data-csv={table.id}>
              {t('links.csv')}
            </a>
          ) : null}
        </div>
      </div>
      {description ? <p className="text-sm text-ink-muted">{description}</p> : null}
      {children}
      <div
        className={
          split
            ? 'gap-6 space-y-3 lg:grid lg:grid-cols-2 lg:space-y-0 print:block print:space-y-3'
            : 'space-y-3'
        }
      >
        {chart ? <ChartBox chart={chart} /> : null}
        <DataTable model={table} />
      </div>
    </section>
  )
}

/** The chart's box: decorative for screen readers (the table has the numbers), as wide as the card. */
function ChartBox({ chart }: { chart: ReactNode | ((width: number) => ReactNode) }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(CHART_WIDTH)
  return (
    <div ref={ref} className="chart-box min-w-0" aria-hidden="true">
      {typeof chart === 'function' ? chart(width) : chart}
    </div>
  )
}
