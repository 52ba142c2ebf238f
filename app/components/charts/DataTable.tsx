import { Link } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'

import { roundForReading } from '~/models/dashboards/reading/rounding'
import { dimParams } from '~/models/dashboards/reading/scope'
import type { Cell, Column, TableModel } from '~/models/dashboards/table-model'
import { useFormat } from '~/utils/format'

/** Translates and formats one cell the way the page shows it. */
export function useCellText() {
  const { t } = useTranslation('dashboard')
  const f = useFormat()
  return (cell: Cell) => cellText(cell, t, f)
}

export function cellText(cell: Cell, t: TFunction, f: ReturnType<typeof useFormat>): string {
  if (cell.t)
    return t(cell.t, {
      defaultValue: cell.v === null ? '' : String(cell.v),
      ...cell.tParams,
      ...dimParams(cell, t),
    })
  if (cell.v === null || cell.v === undefined) return '–'
  switch (cell.kind) {
    case 'number':
      return f.number(roundForReading(Number(cell.v)))
    case 'percent':
      return `${f.number(roundForReading(Number(cell.v), 'percent'))} %`
    case 'month':
      return f.month(String(cell.v))
    case 'date':
      return f.date(String(cell.v))
    default:
      return String(cell.v)
  }
}

/** A cell rendered as the page shows it, linked to the records behind it when it has a link. */
function CellContent({ cell, show }: { cell: Cell; show: (cell: Cell) => string }) {
  const content = show(cell)
  return cell.href ? (
    <Link to={cell.href} className="print:no-underline">
      {content}
    </Link>
  ) : (
    <>{content}</>
  )
}

/** One row: its first cell is the row header, numeric columns right-aligned. */
function TableRow({
  row,
  columns,
  show,
  className,
}: {
  row: Cell[]
  columns: Column[]
  show: (cell: Cell) => string
  className?: string
}) {
  const { t } = useTranslation('dashboard')
  const labels = columns.map((c) => t(c.label, c.labelParams))
  return (
    <tr className={className}>
      {row.map((cell, j) =>
        j === 0 ? (
          <th key={j} scope="row" className={className ? undefined : 'font-normal'} data-value={cell.v ?? ''}>
            <CellContent cell={cell} show={show} />
          </th>
        ) : (
          <td
            key={j}
            className={columns[j]?.numeric ? 'text-right tabular-nums' : undefined}
            data-value={cell.v ?? ''}
            data-label={labels[j]}
          >
            <CellContent cell={cell} show={show} />
          </td>
        ),
      )}
    </tr>
  )
}

function TableBody({ model, show }: { model: TableModel; show: (cell: Cell) => string }) {
  const { t } = useTranslation('dashboard')
  return (
    <tbody>
      {model.rows.length === 0 ? (
        <tr>
          <td colSpan={model.columns.length} className="text-ink-muted">
            {t('table.empty')}
          </td>
        </tr>
      ) : (
        model.rows.map((row, i) => <TableRow key={i} row={row} columns={model.columns} show={show} />)
      )}
    </tbody>
  )
}

/**
 * An accessible table of a chart's numbers: a caption, column headers, the first cell of each
 * row as its row header, right-aligned numbers, links to the records behind a figure. On a phone
 * its first column stays put while the rest scrolls sideways inside a focusable region (so the
 * keyboard reaches every column); a table of more than four columns turns into one card per row
 * instead, each figure under its column's name (app/styles/tailwind.css), so none is off screen.
 */
export function DataTable({ model, hideCaption }: { model: TableModel; hideCaption?: boolean }) {
  const { t } = useTranslation('dashboard')
  const show = useCellText()
  const captionId = `${model.id}-caption`
  return (
    <div
      className="overflow-x-auto print:overflow-visible"
      role="region"
      aria-labelledby={captionId}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard
      tabIndex={0}
    >
      <table
        className={`table dashboard-table${model.columns.length > 4 ? ' dashboard-table--cards' : ''}`}
        id={`table-${model.id}`}
        data-table={model.id}
      >
        <caption id={captionId} className={hideCaption ? 'sr-only' : 'mb-2 text-left text-sm font-semibold'}>
          {t(model.caption, model.captionParams)}
        </caption>
        <thead>
          <tr>
            {model.columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'text-right' : undefined}>
                {t(c.label, c.labelParams)}
              </th>
            ))}
          </tr>
        </thead>
        <TableBody model={model} show={show} />
        {model.footer ? (
          <tfoot>
            <TableRow row={model.footer} columns={model.columns} show={show} className="font-semibold" />
          </tfoot>
        ) : null}
      </table>
    </div>
  )
}
