import type { Tx } from '#db/client'
import { sqlite } from '#db/client'
import { supportedLocales } from '~/i18n/i18n'
import { resourcesFor } from '~/i18n/resources.server'
import { nameKey } from '~/utils/text'

import { duplicateOf, type Seen, sharedInFile } from './duplicates.server'
import type { ColumnMapping, ImportKind } from './fields'
import { rowReader } from './mapping.server'
import type { Cell, ParsedFile, SourceRow } from './parse.server'

/** What to do with a row that duplicates a record in the register or an earlier row of the file. */
export const decisions = ['skip', 'update', 'create'] as const
export type Decision = (typeof decisions)[number]

/** "Write all valid rows and report the rejected ones" or "write nothing if any row is rejected". */
export const writeModes = ['valid', 'all'] as const
export type WriteMode = (typeof writeModes)[number]

/** A problem with one row; `reason` is a key in the import namespace (problems.*). */
export type Problem = {
  line: number
  label: string
  reason: string
  params?: Record<string, string | number>
}

export type DuplicateMatch = {
  line: number
  label: string
  /** Which key matched: same normalised name, same web domain, same e-mail, same action. */
  match: 'name' | 'domain' | 'email' | 'action'
  value: string
  /** The record in the register it matches, or null when it repeats an earlier row of the file. */
  existingId: number | null
  existingLabel: string | null
  /** The earlier row of the same file it repeats. */
  firstLine: number | null
  choices: Decision[]
  decision: Decision
  /** A shared web domain (webmail, a portal, several organisations): a hint only, "create" by default. */
  weak?: boolean
}

export type ReportRow = {
  line: number
  label: string
  id?: number | null
  reason?: string
  params?: Record<string, string | number>
}

export type ImportReport = {
  kind: ImportKind
  fileName: string
  mode: WriteMode
  /** True when "write nothing if any row is rejected" was chosen and rows were rejected. */
  aborted: boolean
  total: number
  created: ReportRow[]
  updated: ReportRow[]
  skipped: ReportRow[]
  rejected: ReportRow[]
  warnings: ReportRow[]
  duplicates: number
  ms: number
}

export type DedupeKey = {
  match: DuplicateMatch['match']
  value: string
  /** Only a hint (a shared web domain): shown, but the row is created unless the user says otherwise. */
  weak?: boolean
  /**
   * Who the row is (its name key): a key that rows of several owners carry in the same file is
   * shared, so only a hint.
   */
  owner?: string
}

export type ReadRow<C> = {
  label: string
  candidate: C | null
  problems: Omit<Problem, 'line' | 'label'>[]
  warnings: Omit<Problem, 'line' | 'label'>[]
}

/**
 * What one kind of import (stakeholders, contacts, actions) plugs into the shared machinery:
 * reading a mapped row into a candidate with its problems, the keys that make two rows the
 * same, the register look-up, and the writes (through the area's own domain functions).
 */
export type ImportAdapter<C> = {
  kind: ImportKind
  readRow(get: (field: string) => Cell, line: number): ReadRow<C>
  keys(candidate: C): DedupeKey[]
  findExisting(key: DedupeKey): { id: number; label: string } | null
  create(tx: Tx, candidate: C): number
  /** Absent when matched records cannot be updated (actions): duplicates may then be skipped or created. */
  update?: (tx: Tx, id: number, candidate: C) => void
}

export type PlannedRow<C> = {
  line: number
  label: string
  candidate: C | null
  problems: Problem[]
  warnings: Problem[]
  duplicate: DuplicateMatch | null
}

export type ImportOptions = {
  decisions?: Record<string, string>
  defaultDecision?: Decision
  fileDecision?: Decision
}

/** A CSV line with one cell where the header has several: a broken line, rejected whole. */
function fieldCountRow<C>(line: number, value: unknown, expected: number): PlannedRow<C> {
  const label = String(value).slice(0, 80)
  return {
    line,
    label,
    candidate: null,
    problems: [{ line, label, reason: 'problems.fieldCount', params: { found: 1, expected } }],
    warnings: [],
    duplicate: null,
  }
}

type PlanArgs<C> = [
  adapter: ImportAdapter<C>,
  file: Pick<ParsedFile, 'headers' | 'format'>,
  mapping: ColumnMapping,
  options?: ImportOptions,
]

/**
 * Reads every row through the mapping, finds its problems and its duplicates (register, then
 * earlier rows). A duplicate names the first row that is written (or the record) it repeats:
 * rows that are skipped are never named.
 */
export function planRows<C>(
  adapter: ImportAdapter<C>,
  file: ParsedFile,
  mapping: ColumnMapping,
  options: ImportOptions = {},
): PlannedRow<C>[] {
  const planner = rowPlanner(adapter, file, mapping, options)
  const planned = file.rows.map(planner.read)
  const findDuplicate = planner.duplicates(planned)
  planned.forEach(findDuplicate)
  return planned
}

/**
 * planRows in two passes a caller can slice: `read` reads one row (its problems), then
 * `duplicates` takes every row read, since a key that several rows of the file share is only a
 * hint, and returns the step that finds one row's duplicate, in file order.
 */
export function rowPlanner<C>(...[adapter, file, mapping, options = {}]: PlanArgs<C>) {
  const read = rowReader(file.headers, mapping)
  const expectedWidth = file.headers.length
  return {
    read(row: SourceRow): PlannedRow<C> {
      if (expectedWidth > 1 && row.values.length === 1 && file.format.type === 'csv')
        return fieldCountRow<C>(row.line, row.values[0], expectedWidth)
      const result = adapter.readRow(read(row.values), row.line)
      return {
        line: row.line,
        label: result.label,
        candidate: result.problems.length ? null : result.candidate,
        problems: result.problems.map((p) => ({ ...p, line: row.line, label: result.label })),
        warnings: result.warnings.map((p) => ({ ...p, line: row.line, label: result.label })),
        duplicate: null,
      }
    },
    duplicates(planned: PlannedRow<C>[]) {
      const seen: Seen = new Map()
      const chosen = options.decisions ?? {}
      const keysOf = planned.map((p) => (p.candidate ? adapter.keys(p.candidate) : null))
      const shared = sharedInFile(keysOf)
      return (row: PlannedRow<C>, i: number) => {
        if (!row.candidate) return
        const keys = (keysOf[i] ?? []).map((k) =>
          shared.has(`${k.match}:${k.value}`) ? { ...k, weak: true } : k,
        )
        const duplicate = duplicateOf(adapter, keys, seen, { line: row.line, label: row.label }, options)
        if (duplicate) {
          const own = chosen[String(row.line)] as Decision | undefined
          if (own && duplicate.choices.includes(own)) duplicate.decision = own
        }
        row.duplicate = duplicate
        if (duplicate?.decision === 'skip') return
        for (const key of keys)
          if (!seen.has(`${key.match}:${key.value}`))
            seen.set(`${key.match}:${key.value}`, { line: row.line, label: row.label })
      }
    },
  }
}

export type PreviewSummary = {
  total: number
  valid: number
  rejected: Problem[]
  /** Rows rejected (a row may have several problems, each listed in `rejected`). */
  rejectedRows: number
  warnings: Problem[]
  duplicates: DuplicateMatch[]
  toCreate: number
  toUpdate: number
  toSkip: number
}

/** How many rows a list of per-problem entries covers. */
export function distinctLines(rows: { line: number }[]) {
  return new Set(rows.map((r) => r.line)).size
}

export function summarize<C>(rows: PlannedRow<C>[]): PreviewSummary {
  const summary: PreviewSummary = {
    total: rows.length,
    valid: 0,
    rejected: [],
    rejectedRows: 0,
    warnings: [],
    duplicates: [],
    toCreate: 0,
    toUpdate: 0,
    toSkip: 0,
  }
  for (const row of rows) {
    summary.warnings.push(...row.warnings)
    if (!row.candidate) {
      summary.rejected.push(...row.problems)
      summary.rejectedRows++
      continue
    }
    summary.valid++
    if (row.duplicate) summary.duplicates.push(row.duplicate)
    const decision = row.duplicate?.decision ?? 'create'
    if (decision === 'create') summary.toCreate++
    else if (decision === 'update') summary.toUpdate++
    else summary.toSkip++
  }
  return summary
}

/**
 * Writes the planned rows in ONE transaction through the adapter (the areas' domain functions,
 * which audit each record). In mode "all", a single rejected row means nothing is written.
 */
export function writeRows<C>(
  adapter: ImportAdapter<C>,
  rows: PlannedRow<C>[],
  {
    tx,
    mode,
    fileName,
    started,
    onAfterWrite,
  }: {
    tx: (fn: (tx: Tx) => void) => void
    mode: WriteMode
    fileName: string
    started: number
    onAfterWrite?: (tx: Tx, report: ImportReport) => void
  },
): ImportReport {
  const report: ImportReport = {
    kind: adapter.kind,
    fileName,
    mode,
    aborted: false,
    total: rows.length,
    created: [],
    updated: [],
    skipped: [],
    rejected: [],
    warnings: [],
    duplicates: 0,
    ms: 0,
  }
  for (const row of rows) {
    for (const w of row.warnings)
      report.warnings.push({ line: w.line, label: w.label, reason: w.reason, params: w.params })
    if (!row.candidate)
      for (const p of row.problems)
        report.rejected.push({ line: p.line, label: p.label, reason: p.reason, params: p.params })
    if (row.duplicate) report.duplicates++
  }
  if (mode === 'all' && report.rejected.length) {
    report.aborted = true
    for (const row of rows)
      if (row.candidate)
        report.skipped.push({ line: row.line, label: row.label, reason: 'problems.abortedByRejects' })
    report.ms = Math.round(performance.now() - started)
    return report
  }
  tx((t) => {
    for (const row of rows) {
      if (!row.candidate) continue
      const dup = row.duplicate
      const decision = dup?.decision ?? 'create'
      if (decision === 'skip') {
        report.skipped.push({
          line: row.line,
          label: row.label,
          id: dup?.existingId ?? null,
          reason: dup?.existingId
            ? `problems.duplicateOf.${dup.match}`
            : `problems.duplicateInFile.${dup?.match}`,
          params: {
            value: dup?.value ?? '',
            existing: dup?.existingLabel ?? '',
            firstLine: dup?.firstLine ?? '',
          },
        })
      } else if (decision === 'update' && dup?.existingId && adapter.update) {
        adapter.update(t, dup.existingId, row.candidate)
        report.updated.push({ line: row.line, label: row.label, id: dup.existingId })
      } else {
        const id = adapter.create(t, row.candidate)
        report.created.push({ line: row.line, label: row.label, id })
      }
    }
    report.ms = Math.round(performance.now() - started)
    onAfterWrite?.(t, report)
  })
  return report
}

/**
 * The names a built-in list entry has in every interface language (e.g. category "university"
 * is also "Universidad"), so a spreadsheet written in either language matches.
 */
export function translatedNames(namespace: string, path: string, key: string): string[] {
  const names: string[] = []
  for (const locale of supportedLocales) {
    const ns = resourcesFor(locale)[namespace] as Record<string, unknown> | undefined
    const group = ns?.[path] as Record<string, unknown> | undefined
    const value = group?.[key]
    if (typeof value === 'string') names.push(value)
  }
  return names
}

/** A look-up from any accent- and case-free spelling to an id. */
export function keyedLookup(entries: { id: number; names: (string | null | undefined)[] }[]) {
  const map = new Map<string, number>()
  for (const e of entries) for (const n of e.names) if (n && !map.has(nameKey(n))) map.set(nameKey(n), e.id)
  return (value: string) => map.get(nameKey(value)) ?? null
}

/** Whole, non-negative numbers as people type them: "1,200", "1.200", "1 200", "35". */
export function parseCount(
  value: string,
): { ok: true; value: number | null } | { ok: false; reason: 'negativeNumber' | 'badNumber' } {
  const v = value.trim()
  if (!v) return { ok: true, value: null }
  const compact = v.replace(/[\s\u00a0\u202f']/g, '')
  if (/^-/.test(compact)) return { ok: false, reason: 'negativeNumber' }
  if (/^\d{1,3}([.,]\d{3})+$/.test(compact)) return { ok: true, value: Number(compact.replace(/[.,]/g, '')) }
  if (/^\d+$/.test(compact)) return { ok: true, value: Number(compact) }
  if (/^\d+[.,]0+$/.test(compact)) return { ok: true, value: Number(compact.split(/[.,]/)[0]) }
  return { ok: false, reason: 'badNumber' }
}

export const emailPattern = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/

/** Prepared, indexed look-ups of live (not archived, not merged) stakeholders, shared by the adapters. */
export function stakeholderLookups() {
  const raw = sqlite()
  const live = 'archived_at is null and merged_into_id is null'
  return {
    byName: raw.prepare<[string], { id: number; name: string }>(
      `select id, name from stakeholders where name_key = ? and ${live} order by id limit 1`,
    ),
    byDomain: raw.prepare<[string], { id: number; name: string }>(
      `select id, name from stakeholders where web_domain = ? and ${live} order by id limit 1`,
    ),
  }
}
