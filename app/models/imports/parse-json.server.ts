import { ImportRefusal } from './decode.server'
import type { Cell, ParsedFile } from './parse.server'
import { assertCaps } from './upload-limit.server'

/**
 * JSON the import reads: a list of objects (one per row), a GeoJSON FeatureCollection (the
 * properties of each feature are its columns, a point's coordinates become latitude and
 * longitude), and either of them wrapped in a JavaScript assignment as map sites publish them
 * (`var members = {...};`, `window.data = [...]`, `export default {...}`) or a JSONP call.
 */
export function readJsonText(text: string): unknown {
  const plain = tryJson(text)
  if (plain !== undefined) return plain
  const assigned =
    /^(?:(?:var|let|const)\s+[\w$]+\s*=|[\w$.[\]'"]+\s*=|export\s+default|module\.exports\s*=)\s*([[{][\s\S]*[\]}])\s*;?\s*$/.exec(
      text.trim(),
    ) ?? /^[\w$.]+\s*\(\s*([[{][\s\S]*[\]}])\s*\)\s*;?\s*$/.exec(text.trim())
  return assigned ? tryJson(assigned[1]) : undefined
}

/** Whether the text starts like a JavaScript assignment or JSONP call holding JSON. */
export function looksLikeWrappedJson(text: string) {
  return /^\s*((var|let|const)\s+[\w$]+\s*=|[\w$.]+\s*=|export\s+default|[\w$.]+\s*\()\s*[[{]/.test(
    text.slice(0, 200),
  )
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

type Feature = {
  type?: unknown
  properties?: unknown
  geometry?: { type?: unknown; coordinates?: unknown } | null
}

function isGeoJson(json: unknown): json is { type: string; features?: Feature[] } {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return false
  const type = (json as { type?: unknown }).type
  return type === 'FeatureCollection' || type === 'Feature'
}

/** A point's [longitude, latitude], or the first point of a MultiPoint; nothing for lines and areas. */
function pointOf(geometry: Feature['geometry']): [string, string] {
  if (!geometry || !Array.isArray(geometry.coordinates)) return ['', '']
  const c =
    geometry.type === 'Point'
      ? geometry.coordinates
      : geometry.type === 'MultiPoint'
        ? (geometry.coordinates[0] as unknown)
        : null
  if (!Array.isArray(c) || typeof c[0] !== 'number' || typeof c[1] !== 'number') return ['', '']
  return [String(c[1]), String(c[0])]
}

/** A parsed JSON value as rows, or a refusal saying which shape was expected. */
export function parseJsonValue(json: unknown, encoding: string): ParsedFile {
  if (isGeoJson(json)) return parseGeoJson(json, encoding)
  if (!Array.isArray(json) || json.some((r) => !r || typeof r !== 'object' || Array.isArray(r)))
    throw new ImportRefusal('errors.jsonShape')
  return table(json as Record<string, unknown>[], [], { type: 'json', encoding })
}

function parseGeoJson(json: { type: string; features?: Feature[] }, encoding: string): ParsedFile {
  const features = json.type === 'Feature' ? [json as Feature] : json.features
  if (!Array.isArray(features)) throw new ImportRefusal('errors.geojsonShape')
  const records = features.map((f) =>
    f && typeof f.properties === 'object' && f.properties && !Array.isArray(f.properties)
      ? (f.properties as Record<string, unknown>)
      : {},
  )
  const points = features.map((f) => pointOf(f?.geometry))
  return table(records, points, { type: 'geojson', encoding })
}

function table(
  records: Record<string, unknown>[],
  points: [string, string][],
  format: { type: 'json' | 'geojson'; encoding: string },
): ParsedFile {
  if (!records.length) throw new ImportRefusal('errors.empty')
  const index = new Map<string, number>()
  for (const record of records)
    for (const key of Object.keys(record)) if (!index.has(key)) index.set(key, index.size)
  const headers = [...index.keys()]
  const withPoints = points.some(([lat]) => lat !== '')
  const geo = withPoints ? ['latitude', 'longitude'].map((h) => (index.has(h) ? `${h} (geometry)` : h)) : []
  if (headers.length + geo.length < 2) throw new ImportRefusal('errors.oneColumn')
  assertCaps({ columns: headers.length + geo.length, rows: records.length })
  const rows = records.map((record, i) => {
    const values: Cell[] = new Array(headers.length).fill('')
    for (const [key, value] of Object.entries(record)) values[index.get(key)!] = cellOf(value)
    if (withPoints) values.push(...points[i])
    return { line: i + 1, values }
  })
  return { format: { ...format, hasHeader: true }, headers: [...headers, ...geo], rows }
}

function cellOf(value: unknown): Cell {
  if (value == null) return ''
  if (Array.isArray(value))
    return value.filter((v) => v != null).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)))
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}
