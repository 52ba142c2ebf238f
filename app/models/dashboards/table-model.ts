/**
 * The one description of every dashboard table: the page renders it as an accessible <table>
 * (translated, numbers in the user's locale) and the CSV export writes the same cells with raw
 * numbers, so a download always holds exactly the figures shown.
 */
export type CellKind = 'text' | 'number' | 'percent' | 'month' | 'date'

export type Cell = {
  /** The value: raw number, ISO month/date, or text. null shows as a dash and exports empty. */
  v: string | number | null
  kind?: CellKind
  /** An i18n key to translate instead of showing `v` (v is the fallback and the CSV value when `raw`). */
  t?: string
  tParams?: Record<string, string | number>
  /** Parameters that are lists of filter dimensions ("partner", "channel"), put in words. */
  tDims?: Record<string, string[]>
  /** Link to the records behind the figure. */
  href?: string
}

export type Column = {
  key: string
  label: string
  labelParams?: Record<string, string | number>
  numeric?: boolean
}

export type TableModel = {
  id: string
  /** i18n key of the table's caption. */
  caption: string
  captionParams?: Record<string, string | number>
  columns: Column[]
  rows: Cell[][]
  /** Optional summary row (totals). */
  footer?: Cell[]
}

export const text = (v: string | null, extra: Partial<Cell> = {}): Cell => ({ v, kind: 'text', ...extra })
export const num = (v: number | null, extra: Partial<Cell> = {}): Cell => ({ v, kind: 'number', ...extra })
export const pct = (v: number | null, extra: Partial<Cell> = {}): Cell => ({ v, kind: 'percent', ...extra })
export const monthCell = (v: string, extra: Partial<Cell> = {}): Cell => ({ v, kind: 'month', ...extra })
export const dateCell = (v: string | null, extra: Partial<Cell> = {}): Cell => ({ v, kind: 'date', ...extra })

/** Change from `before` to `now` in percent, one decimal; null when there is nothing to compare with. */
export function percentChange(now: number, before: number): number | null {
  if (before === 0) return null
  return Math.round(((now - before) / before) * 1000) / 10
}
