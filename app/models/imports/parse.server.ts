import { setImmediate as nextTurn } from 'node:timers/promises'

import { parse as parseCsvStream } from 'csv-parse'
import { parse as parseCsv } from 'csv-parse/sync'

import { decodeUpload, ImportRefusal } from './decode.server'
import { looksLikeWrappedJson, parseJsonValue, readJsonText } from './parse-json.server'
import { assertCaps } from './upload-limit.server'
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

type Sniffed = { text: string; encoding: string; file?: ParsedFile }

type Upload = {
  buffer: Uint8Array
  fileName: string
  /** The encoding the user chose (see encodingChoices); detected when absent. */
  encoding?: string | null
}

/**
 * Decodes the bytes and reads vCard, JSON and GeoJSON files whole; a CSV's text is left to the
 * caller. Throws ImportRefusal for what cannot be imported at all (empty, binary, workbooks, PDF,
 * HTML, unknown formats).
 */
function sniff({ buffer, fileName, encoding: chosen }: Upload): Sniffed {
  refuseDocuments(buffer)
  const { text, encoding } = decodeUpload(buffer, { encoding: chosen })
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.ldif') || /^\s*(version: 1\s+)?dn:/i.test(text.slice(0, 200)))
    throw new ImportRefusal('errors.unsupportedFormat')
  if (lower.endsWith('.vcf') || lower.endsWith('.vcard') || looksLikeVCard(text))
    return { text, encoding, file: parseVCardFile(buffer, chosen) }
  const trimmed = text.trimStart()
  if (/^<(!doctype\s+html|html|\?xml|svg|!--)/i.test(trimmed)) throw new ImportRefusal('errors.markup')
  if (trimmed.startsWith('{\\rtf')) throw new ImportRefusal('errors.document')
  const jsonName = /\.(json|geojson|js)$/.test(lower)
  if (jsonName || trimmed.startsWith('[') || trimmed.startsWith('{') || looksLikeWrappedJson(trimmed)) {
    const json = readJsonText(trimmed)
    if (json !== undefined) return { text, encoding, file: parseJsonValue(json, encoding) }
    if (jsonName) throw new ImportRefusal('errors.badJson')
  }
  return { text, encoding }
}

/**
 * Decodes and parses an uploaded file: CSV (delimiter detected), JSON array of objects, GeoJSON
 * (also inside a JavaScript assignment), or vCard. Throws ImportRefusal for what cannot be
 * imported (see sniff; also one column, mixed delimiters, beyond the column or row cap).
 */
export function parseUpload(upload: Upload): ParsedFile {
  const { text, encoding, file } = sniff(upload)
  if (file) return file
  const delimiter = detectDelimiter(text)
  const records = parseCsv(text, { delimiter, ...csvOptions }) as CsvRecord[]
  return csvFile(records, encoding, delimiter)
}

/**
 * parseUpload for the upload page: a CSV is parsed in slices with a turn of the event loop
 * between them, so other requests are answered meanwhile, and the parse stops as soon as the
 * file is wider or longer than the caps.
 */
export async function parseUploadInTurns(upload: Upload): Promise<ParsedFile> {
  const { text, encoding, file } = sniff(upload)
  if (file) return file
  const delimiter = detectDelimiter(text)
  const records: CsvRecord[] = []
  const seen = { rows: 0, columns: 0, error: null as Error | null }
  const parser = parseCsvStream({ delimiter, ...csvOptions })
  parser.on('data', (r: CsvRecord) => {
    records.push(r)
    seen.columns = Math.max(seen.columns, r.record.length)
    if (r.record.some((v) => v.trim() !== '')) seen.rows++
  })
  const ended = new Promise<void>((resolve) => {
    parser.on('end', resolve)
    parser.on('error', (error: Error) => {
      seen.error = error
      resolve()
    })
  })
  const slice = 256 * 1024
  try {
    for (let at = 0; at < text.length; at += slice) {
      parser.write(text.slice(at, at + slice))
      await nextTurn()
      if (seen.error) throw seen.error
      // One more row than the cap: the first may be the headers.
      assertCaps({ columns: seen.columns, rows: seen.rows - 1 })
    }
    parser.end()
    await ended
    if (seen.error) throw seen.error
  } finally {
    if (!parser.writableEnded) parser.destroy()
  }
  return csvFile(records, encoding, delimiter)
}

type CsvRecord = { record: string[]; info: { lines: number } }

const csvOptions = {
  bom: true,
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
  info: true,
} as const

function widest(records: CsvRecord[]) {
  let width = 0
  for (const r of records) width = Math.max(width, r.record.length)
  return width
}

function parseVCardFile(buffer: Uint8Array, chosen: string | null | undefined): ParsedFile {
  const { contacts, encoding } = parseVCardBytes(buffer, chosen)
  if (!contacts.length) throw new ImportRefusal('errors.empty')
  assertCaps({ columns: vcardHeaders.length, rows: contacts.length })
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

function csvFile(records: CsvRecord[], encoding: string, delimiter: ',' | ';' | '\t'): ParsedFile {
  // Spreadsheets pad with rows of empty cells; they are not data.
  const withData = records.filter((r) => r.record.some((v) => v.trim() !== ''))
  if (!withData.length) throw new ImportRefusal('errors.empty')
  assertCaps({ columns: widest(withData), rows: 0 })
  const lineOf = (r: CsvRecord) =>
    r.info.lines - r.record.reduce((n, v) => n + (v.match(/\r\n|\n|\r/g)?.length ?? 0), 0)

  const first = withData[0].record
  const hasHeader = !first.some(looksLikeData)
  const width = Math.max(...withData.slice(0, 50).map((r) => r.record.length))
  const headers = hasHeader
    ? uniqueHeaders(first, width)
    : Array.from({ length: width }, (_, i) => `Column ${i + 1}`)
  if (headers.length < 2) throw new ImportRefusal('errors.oneColumn')
  const body = hasHeader ? withData.slice(1) : withData
  assertCaps({ columns: headers.length, rows: body.length })
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
  // The first 64 kB, cut at a line end (or not at all when the first line is longer: a file that
  // wide is refused by the column cap, and must not be read whole three times here).
  const sampleEnd = text.length > 65536 ? text.lastIndexOf('\n', 65536) : text.length
  const sample = text.slice(0, sampleEnd > 0 ? sampleEnd : 65536)
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
