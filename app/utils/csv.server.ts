import { stringify } from 'csv-stringify/sync'

/**
 * A CSV download: UTF-8 with a BOM so spreadsheet programs show accents, CRLF line ends,
 * and cells that start with = + - @ prefixed so they are never run as formulas.
 */
export function csvResponse(filename: string, header: string[], rows: unknown[][]) {
  const body =
    '\uFEFF' + stringify([header, ...rows.map((r) => r.map(safeCell))], { record_delimiter: 'windows' })
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
      'Cache-Control': 'no-store',
    },
  })
}

export function safeCell(value: unknown): unknown {
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(value)) return `'${value}`
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.join('; ')
  return value
}
