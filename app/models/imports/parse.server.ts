import { parse as parseCsv } from 'csv-parse/sync'

import { decodeUpload, ImportRefusal } from './decode.server'
import { looksLikeWrappedJson, parseJsonValue, readJsonText } from './parse-json.server'
import { looksLikeVCard, parseVCardBytes } from './vcard.server'

/** A cell: text, or a list when a JSON value was an array (e.g. the universities' web_pages). */
export type Cell = string | string[]

/** One data row; `line` is the file line it starts on (CSV, vCard) or its position (JSON). */
export type SourceRow = { line: number; values: Cell[] }

export type FileFormat = {
  type: 'csv' | 'json' | 'geojson' | 'vcard'
  encoding: string
  delimiter?: ',' | ';' | '\t'
  hasHeader: boolean
}

export type ParsedFile = { format: FileFormat; headers: string[]; rows: SourceRow[] }

const delimiters = [',', ';', '\t'] as const

/** The headers vCards are read into; mapping guesses them like any CSV header. */
export const vcardHeaders = [
  'Full name',
  'E-mail',
  'Phone',
  'Organisation',
  'Job title',
  'Website',
  'Note',
] as const

/**
 * Decodes and parses an uploaded file: CSV (delimiter detected), JSON array of objects, GeoJSON
 * (also inside a JavaScript assignment), or vCard. Throws ImportRefusal for what cannot be
 * imported at all (empty, binary, workbooks, PDF, HTML, one column, mixed delimiters).
 */
export function parseUpload({
  buffer,
  fileName,
  encoding: chosen,
}: {
  buffer: Uint8Array
  fileName: string
  /** The encoding the user chose (see encodingChoices); detected when absent. */
  encoding?: string | null
}): ParsedFile {
  refuseDocuments(buffer)
  const { text, encoding } = decodeUpload(buffer, { encoding: chosen })
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.ldif') || /^\s*(version: 1\s+)?dn:/i.test(text.slice(0, 200)))
    throw new ImportRefusal('errors.unsupportedFormat')
  if (lower.endsWith('.vcf') || lower.endsWith('.vcard') || looksLikeVCard(text))
    return parseVCardFile(buffer, chosen)
  const trimmed = text.trimStart()
  if (/^<(!doctype\s+html|html|\?xml|svg|!--)/i.test(trimmed)) throw new ImportRefusal('errors.markup')
  if (trimmed.startsWith('{\\rtf')) throw new ImportRefusal('errors.document')
  const jsonName = /\.(json|geojson|js)$/.test(lower)
  if (jsonName || trimmed.startsWith('[') || trimmed.startsWith('{') || looksLikeWrappedJson(trimmed)) {
    const json = readJsonText(trimmed)
    if (json !== undefined) return parseJsonValue(json, encoding)
    if (jsonName) throw new ImportRefusal('errors.badJson')
  }
  return parseCsvFile(text, encoding)
}

function parseVCardFile(buffer: Uint8Array, chosen: string | null | undefined): ParsedFile {
  const { contacts, encoding } = parseVCardBytes(buffer, chosen)
  if (!contacts.length) throw new ImportRefusal('errors.empty')
  return {
    format: { type: 'vcard', encoding, hasHeader: true },
    headers: [...vcardHeaders],
    rows: contacts.map((c) => ({
      line: c.line,
      values: [c.name, c.email, c.phone, c.organisation, c.position, c.website, c.note],
    })),
  }
}

/** Workbooks, PDFs and other documents, known by their first bytes: refused, never read as CSV. */
function refuseDocuments(buffer: Uint8Array) {
  const head = Buffer.from(buffer.buffer, buffer.byteOffset, Math.min(buffer.byteLength, 8)).toString(
    'latin1',
  )
  if (head.startsWith('PK\x03\x04') || head.startsWith('\xD0\xCF\x11\xE0'))
    throw new ImportRefusal('errors.workbook')
  if (head.startsWith('%PDF-')) throw new ImportRefusal('errors.document')
}

// More columns than any register export has: the "CSV" is something else read as text.
const MAX_COLUMNS = 500

function parseCsvFile(text: string, encoding: string): ParsedFile {
  const delimiter = detectDelimiter(text)
  const records = parseCsv(text, {
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
  }) as { record: string[]; info: { lines: number } }[]
  // Spreadsheets pad with rows of empty cells; they are not data.
  const withData = records.filter((r) => r.record.some((v) => v.trim() !== ''))
  if (!withData.length) throw new ImportRefusal('errors.empty')
  const lineOf = (r: { record: string[]; info: { lines: number } }) =>
    r.info.lines - r.record.reduce((n, v) => n + (v.match(/\r\n|\n|\r/g)?.length ?? 0), 0)

  const first = withData[0].record
  const hasHeader = !first.some(looksLikeData)
  const width = Math.max(...withData.slice(0, 50).map((r) => r.record.length))
  const headers = hasHeader
    ? uniqueHeaders(first, width)
    : Array.from({ length: width }, (_, i) => `Column ${i + 1}`)
  if (headers.length < 2) throw new ImportRefusal('errors.oneColumn')
  if (headers.length > MAX_COLUMNS) throw new ImportRefusal('errors.notTable')
  const body = hasHeader ? withData.slice(1) : withData
  return {
    format: { type: 'csv', encoding, delimiter, hasHeader },
    headers,
    rows: body.map((r) => ({ line: lineOf(r), values: r.record })),
  }
}

/** A first row holding an e-mail, a web address or a number is data, not headers. */
function looksLikeData(value: string) {
  const v = value.trim()
  return /^[^\s@]+@[^\s@]+$/.test(v) || /^https?:\/\//i.test(v) || /^-?\d+([.,]\d+)?$/.test(v)
}

function uniqueHeaders(row: string[], width: number) {
  const seen = new Map<string, number>()
  return Array.from({ length: Math.max(width, row.length) }, (_, i) => {
    const base = (row[i] ?? '').trim() || `Column ${i + 1}`
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    return n === 1 ? base : `${base} (${n})`
  })
}

/**
 * Picks the delimiter that splits the first rows into the most consistent number of columns
 * (more than one). Refuses files whose rows disagree (e.g. a comma line followed by tab lines).
 */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const sampleEnd = text.length > 65536 ? text.lastIndexOf('\n', 65536) : text.length
  const sample = text.slice(0, sampleEnd > 0 ? sampleEnd : text.length)
  let best: { delimiter: ',' | ';' | '\t'; score: number; consistency: number; width: number } | undefined
  for (const delimiter of delimiters) {
    let rows: string[][]
    try {
      rows = parseCsv(sample, {
        delimiter,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        to_line: 60,
        skip_records_with_error: true,
      })
    } catch {
      continue
    }
    rows = rows.filter((r) => r.some((v) => v.trim() !== ''))
    if (!rows.length) continue
    const counts = new Map<number, number>()
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1)
    const [width, times] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]
    const consistency = times / rows.length
    const score = width > 1 ? consistency * Math.min(width, 20) : 0
    if (!best || score > best.score) best = { delimiter, score, consistency, width }
  }
  if (!best || best.score === 0) throw new ImportRefusal('errors.oneColumn')
  if (best.consistency < 0.5) throw new ImportRefusal('errors.mixedDelimiters')
  return best.delimiter
}

/** The first text of a cell (for single-value fields). */
export function firstOf(cell: Cell | undefined): string {
  if (cell == null) return ''
  return (Array.isArray(cell) ? (cell[0] ?? '') : cell).trim()
}

/** All values of a cell: a JSON list, or text split on ; , | or new lines. */
export function listOf(cell: Cell | undefined, separators = /[;,|\n]+/): string[] {
  if (cell == null) return []
  const parts = Array.isArray(cell) ? cell : cell.split(separators)
  return parts.map((p) => p.trim()).filter(Boolean)
}
