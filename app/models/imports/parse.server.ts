import { setImmediate as nextTurn } from 'node:timers/promises'

import { parse as parseCsvStream } from 'csv-parse'
import { parse as parseCsv } from 'csv-parse/sync'

import { decodeUpload, ImportRefusal } from './decode.server'
import { assertCaps } from './upload-limit.server'
import { looksLikeVCard, parseVCards } from './vcard.server'

/** A cell: text, or a list when a JSON value was an array (e.g. the universities' web_pages). */
export type Cell = string | string[]

/** One data row; `line` is the file line it starts on (CSV, vCard) or its position (JSON). */
export type SourceRow = { line: number; values: Cell[] }

export type FileFormat = {
  type: 'csv' | 'json' | 'vcard'
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

/** Decodes the bytes and reads vCard and JSON files whole; a CSV's text is left to the caller. */
function sniff(buffer: Uint8Array, fileName: string): Sniffed {
  const { text, encoding } = decodeUpload(buffer)
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.ldif') || /^\s*(version: 1\s+)?dn:/i.test(text.slice(0, 200)))
    throw new ImportRefusal('errors.unsupportedFormat')
  if (lower.endsWith('.vcf') || lower.endsWith('.vcard') || looksLikeVCard(text))
    return { text, encoding, file: parseVCardFile(text, encoding) }
  const trimmed = text.trimStart()
  if (lower.endsWith('.json') || trimmed.startsWith('[') || trimmed.startsWith('{')) {
    const json = tryJson(trimmed)
    if (json !== undefined) return { text, encoding, file: parseJsonFile(json, encoding) }
    if (lower.endsWith('.json')) throw new ImportRefusal('errors.badJson')
  }
  return { text, encoding }
}

/**
 * Decodes and parses an uploaded file: CSV (delimiter detected), JSON array of objects, or vCard.
 * Throws ImportRefusal for what cannot be imported at all (empty, binary, one column, mixed
 * delimiters, unknown format, beyond the column or row cap).
 */
export function parseUpload({ buffer, fileName }: { buffer: Uint8Array; fileName: string }): ParsedFile {
  const { text, encoding, file } = sniff(buffer, fileName)
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
export async function parseUploadInTurns({
  buffer,
  fileName,
}: {
  buffer: Uint8Array
  fileName: string
}): Promise<ParsedFile> {
  const { text, encoding, file } = sniff(buffer, fileName)
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

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function parseVCardFile(text: string, encoding: string): ParsedFile {
  const contacts = parseVCards(text)
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

function parseJsonFile(json: unknown, encoding: string): ParsedFile {
  if (!Array.isArray(json) || json.some((r) => !r || typeof r !== 'object' || Array.isArray(r)))
    throw new ImportRefusal('errors.jsonShape')
  if (!json.length) throw new ImportRefusal('errors.empty')
  const index = new Map<string, number>()
  for (const record of json as Record<string, unknown>[])
    for (const key of Object.keys(record)) if (!index.has(key)) index.set(key, index.size)
  const headers = [...index.keys()]
  if (headers.length < 2) throw new ImportRefusal('errors.oneColumn')
  assertCaps({ columns: headers.length, rows: json.length })
  const rows = (json as Record<string, unknown>[]).map((record, i) => {
    const values: Cell[] = new Array(headers.length).fill('')
    for (const [key, value] of Object.entries(record)) values[index.get(key)!] = cellOf(value)
    return { line: i + 1, values }
  })
  return { format: { type: 'json', encoding, hasHeader: true }, headers, rows }
}

function cellOf(value: unknown): Cell {
  if (value == null) return ''
  if (Array.isArray(value))
    return value.filter((v) => v != null).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)))
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
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
