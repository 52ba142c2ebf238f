/** The dashboards' CSV export: the same table models the pages show, written with raw numbers. */
import type { TFunction } from 'i18next'

import { csvResponse, safeCell } from '~/utils/csv.server'

import { roundForReading } from './reading/rounding'
import { dimParams } from './reading/scope'
import type { Cell, TableModel } from './table-model'

/** A cell as the CSV holds it: raw numbers and ISO months/dates, translated words. */
function csvCell(cell: Cell, t: TFunction): unknown {
  if (cell.t)
    return t(cell.t, {
      ns: 'dashboard',
      defaultValue: cell.v === null ? '' : String(cell.v),
      ...cell.tParams,
      ...dimParams(cell, t),
    })
  if (typeof cell.v === 'number' && (cell.kind === 'number' || cell.kind === 'percent'))
    return roundForReading(cell.v, cell.kind === 'percent' ? 'percent' : 'count')
  return cell.v
}

function tableRows(model: TableModel, t: TFunction): unknown[][] {
  const header = model.columns.map((c) => t(c.label, { ns: 'dashboard', ...c.labelParams }))
  const rows = model.rows.map((r) => r.map((c) => csvCell(c, t)))
  if (model.footer) rows.push(model.footer.map((c) => csvCell(c, t)))
  return [header, ...rows]
}

/**
 * One table (`table=<id>`) as a plain CSV, or every table one after the other, each under its
 * caption and separated by an empty line. UTF-8 with BOM, formula-safe, like every export.
 *
 * The file opens with what the view shows (docs/decisions/027-dashboard-csv-filters.md): the
 * dashboard and its month, then one "label, value" row per filter, always the same rows for a
 * dashboard (7 for reach, 8 for coverage), then an empty row, then the table.
 */
export function dashboardCsv(
  filename: string,
  tables: TableModel[],
  t: TFunction,
  only?: string | null,
  preamble: unknown[][] = [],
) {
  const chosen = only ? tables.filter((m) => m.id === only) : tables
  const records: unknown[][] = preamble.length ? [...preamble, []] : []
  chosen.forEach((model, i) => {
    if (!only) {
      if (i > 0) records.push([])
      records.push([t(model.caption, { ns: 'dashboard', ...model.captionParams })])
    }
    records.push(...tableRows(model, t))
  })
  // The shared writer makes the rows formula-safe; the first record (a caption or the column
  // labels) gets the same treatment here.
  const [first = [], ...rest] = records
  return csvResponse(filename, first.map(safeCell) as string[], rest)
}
