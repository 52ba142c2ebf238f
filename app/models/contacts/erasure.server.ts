import { and, eq, getTableColumns, inArray, or, type SQL, sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'

import { type Tx } from '#db/client'
import { auditLog, type contacts, importJobs, notifications } from '#db/schema'

/*
 * The copies of a contact's personal data that Ripple itself made, and how an erasure (GDPR
 * art. 17) scrubs them: the audit trail of the contact, the import jobs (the uploaded file while
 * the job is unfinished, its report and stored columns once written) with their audit rows, and
 * the in-app notifications. Records people wrote themselves (an action's description, a plan
 * section) are theirs and are left as they are, and so is every link: actions, stakeholders and
 * history keep pointing at "an erased contact".
 */

export const ERASED_NAME = 'Erased contact'
export const ERASED_VALUE = '[erased]'
export const personalFields = [
  'name',
  'position',
  'email',
  'phone',
  'notes',
  'basisSource',
  'languages',
] as const

type Contact = typeof contacts.$inferSelect
type Values = Record<string, unknown> | null

/** Shorter values are not looked for in other records: they would match unrelated text. */
const MIN_TRACE = 4

/** The strings that identify the person: name, e-mail and phone, now and in every earlier version. */
export function tracesOf(tx: Tx, row: Contact): string[] {
  const found = new Set<string>()
  const add = (v: unknown) => {
    if (typeof v !== 'string') return
    const value = v.trim()
    if (value.length >= MIN_TRACE && value !== ERASED_NAME && value !== ERASED_VALUE) found.add(value)
  }
  add(row.name)
  add(row.email)
  add(row.phone)
  for (const h of contactHistory(tx, row.id))
    for (const side of [h.before, h.after]) for (const f of ['name', 'email', 'phone']) add(side?.[f])
  // Longest first, so "Ana Pérez Ruiz" is replaced whole before "Ana Pérez".
  return [...found].sort((a, b) => b.length - a.length)
}

function contactHistory(tx: Tx, id: number) {
  return tx
    .select({ id: auditLog.id, before: auditLog.before, after: auditLog.after, summary: auditLog.summary })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'contact'), eq(auditLog.entityId, id)))
    .all()
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Replaces every trace (any letter case) in strings, and in the string values of JSON, keeping its keys. */
function scrubber(traces: string[]) {
  const pattern = new RegExp(traces.map(escape).join('|'), 'giu')
  const text = (s: string) => s.replace(pattern, ERASED_VALUE)
  const value = (v: unknown): unknown => {
    if (typeof v === 'string') return text(v)
    if (Array.isArray(v)) return v.map(value)
    if (v && typeof v === 'object' && !Buffer.isBuffer(v))
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, value(x)]))
    return v
  }
  return { text, value }
}

/** SQL: does this column hold any trace? (instr is exact; lower() folds ASCII letters only.) */
function holdsTrace(column: SQLiteColumn, traces: string[]): SQL {
  const tests = traces.flatMap((t) => {
    if (column.dataType === 'buffer') {
      // The uploaded file, in the encodings an import reads.
      const forms = new Set([t, t.toLowerCase(), t.toUpperCase()])
      return [...forms].flatMap((f) =>
        (['utf8', 'utf16le', 'latin1'] as const).map(
          (enc) => sql`instr(${column}, ${Buffer.from(f, enc)}) > 0`,
        ),
      )
    }
    return [sql`instr(${column}, ${t}) > 0`, sql`instr(lower(${column}), ${t.toLowerCase()}) > 0`]
  })
  return or(...tests)!
}

/** Earlier audit rows of this contact lose their personal values; what happened and when stays. */
function scrubContactHistory(tx: Tx, id: number, scrub: ReturnType<typeof scrubber>) {
  const blank = (values: Values) => {
    if (!values) return values
    const out: Record<string, unknown> = { ...values }
    for (const f of personalFields) if (f in out) out[f] = ERASED_VALUE
    return scrub.value(out) as Values
  }
  for (const h of contactHistory(tx, id))
    tx.update(auditLog)
      .set({ before: blank(h.before), after: blank(h.after), summary: ERASED_NAME })
      .where(eq(auditLog.id, h.id))
      .run()
}

/** The audit rows of imports ("file.csv: 3 created") and notifications that quote the person. */
function scrubQuotes(tx: Tx, traces: string[], scrub: ReturnType<typeof scrubber>) {
  const audits = tx
    .select()
    .from(auditLog)
    .where(
      and(
        inArray(auditLog.entity, ['import', 'import_job']),
        or(
          holdsTrace(auditLog.summary, traces),
          holdsTrace(auditLog.before, traces),
          holdsTrace(auditLog.after, traces),
        ),
      ),
    )
    .all()
  for (const a of audits)
    tx.update(auditLog)
      .set({
        summary: a.summary === null ? null : scrub.text(a.summary),
        before: scrub.value(a.before) as Values,
        after: scrub.value(a.after) as Values,
      })
      .where(eq(auditLog.id, a.id))
      .run()
  const notes = tx.select().from(notifications).where(holdsTrace(notifications.message, traces)).all()
  for (const n of notes)
    tx.update(notifications)
      .set({ message: n.message === null ? null : scrub.text(n.message) })
      .where(eq(notifications.id, n.id))
      .run()
}

type Report = Record<string, unknown>
type ReportEntry = { line?: unknown; id?: unknown; label?: unknown; params?: unknown }
const reportLists = ['created', 'updated', 'skipped', 'rejected', 'warnings'] as const

/** A contacts import's report: every entry of a line that wrote or matched this contact is blanked. */
function blankContactLines(report: Report, contactId: number): Report {
  const lists = reportLists.map((k) => (Array.isArray(report[k]) ? (report[k] as ReportEntry[]) : []))
  const lines = new Set(lists.flat().flatMap((e) => (e.id === contactId ? [e.line] : [])))
  if (!lines.size) return report
  const blank = (e: ReportEntry) =>
    lines.has(e.line)
      ? {
          ...e,
          label: ERASED_NAME,
          ...(e.params && typeof e.params === 'object'
            ? { params: Object.fromEntries(Object.keys(e.params).map((k) => [k, ERASED_VALUE])) }
            : {}),
        }
      : e
  return { ...report, ...Object.fromEntries(reportLists.map((k, i) => [k, lists[i]!.map(blank)])) }
}

/**
 * Import jobs: an unfinished job whose file or stored columns hold the person is deleted (going
 * on with it would bring the person back); a written job keeps its report and counts, with the
 * person's lines blanked and every trace replaced, in every column the table has.
 */
function scrubImportJobs(tx: Tx, contactId: number, traces: string[], scrub: ReturnType<typeof scrubber>) {
  const columns = Object.values(getTableColumns(importJobs)) as SQLiteColumn[]
  const searched = columns.filter(
    (c) => c.dataType === 'string' || c.dataType === 'json' || c.dataType === 'buffer',
  )
  const marker = `"id":${contactId}`
  const jobs = tx
    .select()
    .from(importJobs)
    .where(
      or(
        ...(traces.length ? searched.map((c) => holdsTrace(c, traces)) : []),
        and(eq(importJobs.kind, 'contacts'), sql`instr(${importJobs.report}, ${marker}) > 0`),
      ),
    )
    .all()
  for (const job of jobs) {
    if (job.status !== 'completed') {
      tx.delete(importJobs).where(eq(importJobs.id, job.id)).run()
      continue
    }
    const changes: Record<string, unknown> = {}
    for (const [key, column] of Object.entries(getTableColumns(importJobs))) {
      const value = job[key as keyof typeof job]
      if (column.dataType === 'buffer')
        changes[key] = Buffer.isBuffer(value) && value.byteLength ? Buffer.alloc(0) : value
      else if (column.dataType === 'string' || column.dataType === 'json') changes[key] = scrub.value(value)
    }
    if (job.kind === 'contacts' && job.report)
      changes.report = blankContactLines(changes.report as Report, contactId)
    tx.update(importJobs).set(changes).where(eq(importJobs.id, job.id)).run()
  }
}

/** Scrubs every copy Ripple made of this contact's personal data. Call inside the erasure's transaction, before the row is blanked. */
export function scrubCopies(tx: Tx, row: Contact) {
  const traces = tracesOf(tx, row)
  const scrub = traces.length ? scrubber(traces) : { text: (s: string) => s, value: (v: unknown) => v }
  scrubContactHistory(tx, row.id, scrub)
  if (traces.length) scrubQuotes(tx, traces, scrub)
  scrubImportJobs(tx, row.id, traces, scrub)
}
