import { nameKey } from '~/utils/text'

import { type ColumnMapping, fieldsOf, importFields, type ImportKind } from './fields'
import { moreHeaderWords } from './header-words'
import type { Cell, ParsedFile } from './parse.server'

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * Guesses which column fills each field from the header names; for files without a header row,
 * from the content (a column of e-mail addresses is the e-mail). Each column is used once.
 */
export function guessMapping(
  kind: ImportKind,
  file: Pick<ParsedFile, 'headers' | 'rows' | 'format'>,
): ColumnMapping {
  const mapping: ColumnMapping = {}
  const used = new Set<string>()
  const keys = file.headers.map((h) => ({ header: h, keys: headerKeys(h) }))
  for (const { field } of importFields[kind]) mapping[field] = null
  if (file.format.hasHeader) {
    // Exact names first for every field, then names that start with a synonym ("web page 1").
    for (const pass of ['exact', 'prefix'] as const) {
      for (const { field, synonyms } of synonymsOf(kind)) {
        if (mapping[field]) continue
        for (const synonym of synonyms) {
          const hit = keys.find(
            (k) =>
              !used.has(k.header) &&
              k.keys.some((key) => (pass === 'exact' ? key === synonym : key.startsWith(`${synonym} `))),
          )
          if (hit) {
            mapping[field] = hit.header
            used.add(hit.header)
            break
          }
        }
      }
    }
    // "Nombre" beside "Apellidos" (or "Name" beside "Surname") is the first name, not the full name.
    if (
      kind === 'contacts' &&
      mapping.lastName &&
      !mapping.firstName &&
      mapping.name &&
      ['name', 'nombre', 'nom', 'nome'].includes(nameKey(mapping.name))
    ) {
      mapping.firstName = mapping.name
      mapping.name = null
    }
    return mapping
  }
  const sample = file.rows.slice(0, 20)
  const column = (i: number) => sample.map((r) => firstText(r.values[i]))
  const emailColumn = file.headers.findIndex(
    (_, i) =>
      column(i)
        .filter(Boolean)
        .every((v) => emailPattern.test(v)) && column(i).some(Boolean),
  )
  // Contacts and registrations have an e-mail field; actions have none.
  const emailField = kind === 'stakeholders' ? 'contactEmail' : kind === 'actions' ? null : 'email'
  if (emailColumn >= 0 && emailField) {
    mapping[emailField] = file.headers[emailColumn]
    used.add(file.headers[emailColumn])
  }
  const textColumn = file.headers.findIndex((h, i) => !used.has(h) && column(i).some((v) => /\p{L}/u.test(v)))
  const nameField = kind === 'actions' ? 'title' : 'name'
  if (textColumn >= 0) mapping[nameField] = file.headers[textColumn]
  return mapping
}

const synonymCache = new Map<ImportKind, { field: string; synonyms: string[] }[]>()

/** Each field's header words: fields.ts's first, then the other EU languages' (header-words.ts). */
function synonymsOf(kind: ImportKind) {
  let list = synonymCache.get(kind)
  if (!list) {
    list = importFields[kind].map(({ field, synonyms }) => ({
      field,
      synonyms: [...new Set([...synonyms, ...(moreHeaderWords[kind][field] ?? [])].map(headerKey))],
    }))
    synonymCache.set(kind, list)
  }
  return list
}

const headerKey = (h: string) => nameKey(h.replace(/[_-]+/g, ' '))

/**
 * The keys a header is known by: the whole header, and each part of a bilingual one
 * ("ΟΝΟΜΑΣΙΑ ΔΙΚΑΙΟΥΧΟΥ / BENEFICIARY NAME", "Nazwa\nName"), line breaks and spaces tidied.
 */
function headerKeys(header: string): string[] {
  const parts = header.split(/\s*(?:\/|\||\r?\n|\s\(|\)\s*$)\s*/).filter((p) => p.trim())
  return [...new Set([header, ...parts].map(headerKey).filter(Boolean))]
}

function firstText(cell: Cell | undefined) {
  return (Array.isArray(cell) ? (cell[0] ?? '') : (cell ?? '')).trim()
}

/** Keeps only fields of this kind and headers of this file; everything else is dropped. */
export function cleanMapping(
  kind: ImportKind,
  headers: string[],
  mapping: Record<string, unknown>,
): ColumnMapping {
  const out: ColumnMapping = {}
  for (const field of fieldsOf(kind)) {
    const header = mapping[field]
    out[field] = typeof header === 'string' && headers.includes(header) ? header : null
  }
  return out
}

/** Reads a row through the mapping: `get('city')` is the cell of the column mapped to city. */
export function rowReader(headers: string[], mapping: ColumnMapping) {
  const index: Record<string, number> = {}
  for (const [field, header] of Object.entries(mapping)) if (header) index[field] = headers.indexOf(header)
  return (values: Cell[]) =>
    (field: string): Cell => {
      const i = index[field]
      return i === undefined || i < 0 ? '' : (values[i] ?? '')
    }
}
