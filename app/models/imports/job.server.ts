import { and, eq, isNull } from 'drizzle-orm'

import { db } from '#db/client'
import {
  actionTypes,
  events,
  importJobs,
  lawfulBases,
  type LawfulBasis,
  partners,
  stakeholderCategories,
} from '#db/schema'
import { isSupportedLocale } from '~/i18n/i18n'
import { serverT } from '~/i18n/resources.server'
import { recordAudit } from '~/models/audit/index.server'
import type { SessionUser } from '~/utils/session.server'

import { actionAdapter } from './action-import.server'
import { contactAdapter } from './contact-import.server'
import { ImportRefusal } from './decode.server'
import { type ColumnMapping, importFields, type ImportKind } from './fields'
import { encodeRows, jobFile, planRowsInTurns } from './job-rows.server'
import { cleanMapping, guessMapping } from './mapping.server'
import { parseUploadInTurns } from './parse.server'
import {
  type Decision,
  decisions as decisionValues,
  type ImportAdapter,
  type ImportReport,
  summarize,
  type WriteMode,
  writeModes,
  writeRows,
} from './pipeline.server'
import { assertMayRunImport, mayRunImport } from './policy'
import { registrationAdapter } from './registration-import.server'
import { stakeholderAdapter } from './stakeholder-import.server'
import { assertSize } from './upload-limit.server'
import { type ValueChoices, valueChoices } from './values.server'

export type ImportJob = typeof importJobs.$inferSelect

/** Options chosen beside the mapping (kept in the mapping column under "_" keys). */
export type JobOptions = {
  defaultCategoryId: number | null
  ownerPartnerId: number | null
  /** Contacts: the GDPR lawful basis recorded on every imported person. */
  lawfulBasis: LawfulBasis
  /** Actions: the type of rows without one (or with one that matches nothing). */
  defaultTypeId: number | null
  /** Registrations: the event the registrants are of. */
  eventId: number | null
}

/**
 * Stores an upload as an import job after checking it can be read at all; a refused file
 * (empty, binary, one column, too large, too wide or too long, unknown format) throws
 * ImportRefusal and writes nothing. The file is parsed here, once: the job keeps the parsed rows
 * (job-rows.server.ts), which the later steps read. A vCard sent to the stakeholder import
 * becomes a contacts import.
 */
export async function createImportJob({
  kind,
  user,
  fileName,
  buffer,
  partnerId = null,
  eventId = null,
}: {
  kind: ImportKind
  user: SessionUser
  fileName: string
  buffer: Uint8Array
  /** Actions: the partner they are logged for; registrations: the event's host. */
  partnerId?: number | null
  eventId?: number | null
}): Promise<number> {
  assertMayRunImport(user, { kind, partnerId })
  assertSize(buffer)
  const parsed = await parseUploadInTurns({ buffer, fileName })
  const effective: ImportKind =
    kind === 'actions' || kind === 'registrations' ? kind : parsed.format.type === 'vcard' ? 'contacts' : kind
  const mapping: Record<string, string | null> = guessMapping(effective, parsed)
  if (kind === 'registrations' && eventId) mapping._event = String(eventId)
  const row = db
    .insert(importJobs)
    .values({
      kind: effective,
      userId: user.id,
      partnerId,
      fileName: fileName.slice(0, 255),
      fileSize: buffer.byteLength,
      content: await encodeRows(parsed),
      upload: Buffer.from(buffer),
      format: { ...parsed.format, rows: parsed.rows.length },
      headers: parsed.headers,
      mapping,
      decisions: {},
      status: 'uploaded',
    })
    .returning({ id: importJobs.id })
    .get()
  return row.id
}

/** The user's own import job of one area, or null (someone else's job is not found). */
export function getImportJob(
  id: number,
  user: SessionUser,
  area: 'stakeholders' | 'actions' | 'registrations',
): ImportJob | null {
  const job = db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, id), eq(importJobs.userId, user.id)))
    .get()
  if (!job) return null
  const ofArea =
    area === 'stakeholders' ? job.kind === 'stakeholders' || job.kind === 'contacts' : job.kind === area
  return ofArea ? job : null
}

export function jobOptions(job: ImportJob): JobOptions {
  const m = job.mapping ?? {}
  const num = (v: unknown) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null)
  const basis = (lawfulBases as readonly string[]).includes(String(m._basis))
    ? (m._basis as LawfulBasis)
    : 'legitimate_interest'
  return {
    defaultCategoryId: num(m._category),
    ownerPartnerId: num(m._owner),
    lawfulBasis: basis,
    defaultTypeId: num(m._type),
    eventId: num(m._event),
  }
}

export function jobMapping(job: ImportJob): ColumnMapping {
  return cleanMapping(job.kind, job.headers ?? [], job.mapping ?? {})
}

/** Saves the columns chosen for each field and the options; the preview comes next. */
export function saveJobMapping(
  job: ImportJob,
  mapping: Record<string, unknown>,
  options: Partial<JobOptions>,
) {
  const clean = cleanMapping(job.kind, job.headers ?? [], mapping)
  const stored: Record<string, string | null> = { ...clean }
  if (options.defaultCategoryId) stored._category = String(options.defaultCategoryId)
  if (options.ownerPartnerId) stored._owner = String(options.ownerPartnerId)
  if (options.lawfulBasis) stored._basis = options.lawfulBasis
  if (options.defaultTypeId) stored._type = String(options.defaultTypeId)
  // The event of a registrations job is set at upload and stays.
  if (job.mapping?._event) stored._event = job.mapping._event
  db.update(importJobs)
    .set({ mapping: stored, status: 'mapped', updatedAt: new Date().toISOString() })
    .where(eq(importJobs.id, job.id))
    .run()
}

/** Problems with the mapping itself: a required field with no column (and no default). */
export function mappingProblems(job: ImportJob): string[] {
  const mapping = jobMapping(job)
  const problems: string[] = []
  const defaults: Record<string, boolean> = { type: !!jobOptions(job).defaultTypeId }
  for (const f of importFields[job.kind])
    if (f.required && !mapping[f.field] && !defaults[f.field]) problems.push(f.field)
  if (job.kind === 'contacts' && !mapping.name && !mapping.firstName && !mapping.lastName && !mapping.email)
    problems.push('name')
  if (job.kind === 'stakeholders' && !mapping.category && !jobOptions(job).defaultCategoryId)
    problems.push('category')
  return problems
}

export type JobDecisions = { mode: WriteMode; defaultDecision: Decision; perLine: Record<string, Decision> }

export function jobDecisions(job: ImportJob): JobDecisions {
  const stored = job.decisions ?? {}
  const perLine: Record<string, Decision> = {}
  for (const [k, v] of Object.entries(stored))
    if (/^\d+$/.test(k) && (decisionValues as readonly string[]).includes(v)) perLine[k] = v as Decision
  const mode = (writeModes as readonly string[]).includes(stored._mode)
    ? (stored._mode as WriteMode)
    : 'valid'
  const defaultDecision = (decisionValues as readonly string[]).includes(stored._default)
    ? (stored._default as Decision)
    : job.kind === 'registrations'
      ? 'update' // a registrant listed again (same e-mail) is updated, not added twice
      : 'skip'
  return { mode, defaultDecision, perLine }
}

export function saveJobDecisions(job: ImportJob, value: JobDecisions) {
  const stored: Record<string, string> = { _mode: value.mode, _default: value.defaultDecision }
  for (const [line, d] of Object.entries(value.perLine)) stored[line] = d
  db.update(importJobs)
    .set({ decisions: stored, status: 'previewed', updatedAt: new Date().toISOString() })
    .where(eq(importJobs.id, job.id))
    .run()
}

/** The job's adapter, reading list values through the user's remembered value choices. */
export function adapterFor(
  job: ImportJob,
  user: SessionUser,
  values: ValueChoices = valueChoices(user.id),
): ImportAdapter<unknown> {
  const options = jobOptions(job)
  if (job.kind === 'registrations') {
    const event = options.eventId
      ? db
          .select({ id: events.id, hostPartnerId: events.hostPartnerId })
          .from(events)
          .where(eq(events.id, options.eventId))
          .get()
      : undefined
    if (!event) throw new ImportRefusal('errors.noEvent')
    const actor = { id: user.id, role: user.role, partnerId: user.partnerId }
    return registrationAdapter({ actor, event, fileName: job.fileName }) as ImportAdapter<unknown>
  }
  if (job.kind === 'actions') {
    if (!job.partnerId) throw new ImportRefusal('errors.partnerRequired')
    return actionAdapter({
      actor: { id: user.id, role: user.role, partnerId: user.partnerId },
      partnerId: job.partnerId,
      defaultTypeId: options.defaultTypeId,
      values,
    }) as ImportAdapter<unknown>
  }
  if (job.kind === 'contacts')
    return contactAdapter({
      actor: { id: user.id, role: user.role, partnerId: user.partnerId },
      fileName: job.fileName,
      lawfulBasis: options.lawfulBasis,
      values,
    }) as ImportAdapter<unknown>
  return stakeholderAdapter({
    actor: { id: user.id, role: user.role, partnerId: user.partnerId },
    options: { defaultCategoryId: options.defaultCategoryId, ownerPartnerId: options.ownerPartnerId },
    values,
  }) as ImportAdapter<unknown>
}

/** Every row's problems and every duplicate, with the decisions chosen so far; writes nothing. */
export async function previewJob(job: ImportJob, user: SessionUser) {
  const parsed = await jobFile(job)
  const chosen = jobDecisions(job)
  const values = valueChoices(user.id)
  const rows = await planRowsInTurns(adapterFor(job, user, values), parsed, jobMapping(job), {
    decisions: chosen.perLine,
    defaultDecision: chosen.defaultDecision,
  })
  const unmatched = values.unmatched().length
  return { summary: summarize(rows), decisions: chosen, unmatched }
}

/** May this user write this job? Actions only for a partner the user may import for. */
export function canRunJob(job: ImportJob, user: SessionUser) {
  return mayRunImport(user, job)
}

/**
 * Writes the job in one transaction (the records, their audit rows, an "import" audit row and
 * the report on the job) and returns the report. The rows are planned in slices, other requests
 * answered in between; the transaction itself is one piece. A completed job is never written
 * twice, even when two requests write it at once.
 */
export async function runImportJob(job: ImportJob, user: SessionUser): Promise<ImportReport> {
  assertMayRunImport(user, job)
  if (job.status === 'completed' && job.report) return job.report as unknown as ImportReport
  const started = performance.now()
  const parsed = await jobFile(job)
  const chosen = jobDecisions(job)
  const adapter = adapterFor(job, user)
  const rows = await planRowsInTurns(adapter, parsed, jobMapping(job), {
    decisions: chosen.perLine,
    defaultDecision: chosen.defaultDecision,
  })
  // Once written, the uploaded file is no longer needed and may hold personal data (contacts):
  // it is dropped; the report keeps what was done with each line.
  const finish = (report: ImportReport) => ({
    report: report as unknown as Record<string, unknown>,
    status: 'completed' as const,
    content: Buffer.alloc(0),
    upload: null,
    updatedAt: new Date().toISOString(),
  })
  // Another request may have written the job while this one planned: checked inside the transaction.
  const meanwhile: { report: ImportReport | null } = { report: null }
  const report = writeRows(adapter, rows, {
    tx: (fn) =>
      db.transaction((tx) => {
        const now = tx
          .select({ status: importJobs.status, report: importJobs.report })
          .from(importJobs)
          .where(eq(importJobs.id, job.id))
          .get()
        if (now?.status === 'completed' && now.report)
          meanwhile.report = now.report as unknown as ImportReport
        else fn(tx)
      }),
    mode: chosen.mode,
    fileName: job.fileName,
    started,
    onAfterWrite: (tx, r) => {
      recordAudit(tx, {
        userId: user.id,
        entity: 'import_job',
        entityId: job.id,
        action: 'import',
        after: {
          kind: job.kind,
          fileName: job.fileName,
          created: r.created.length,
          updated: r.updated.length,
          skipped: r.skipped.length,
          rejected: r.rejected.length,
        },
        summary: `${job.fileName}: ${r.created.length} created, ${r.updated.length} updated, ${r.skipped.length} skipped, ${r.rejected.length} rejected`,
      })
      tx.update(importJobs).set(finish(r)).where(eq(importJobs.id, job.id)).run()
    },
  })
  if (meanwhile.report) return meanwhile.report
  // "Write nothing" because of rejected rows: the report is kept, nothing else was written.
  if (report.aborted) db.update(importJobs).set(finish(report)).where(eq(importJobs.id, job.id)).run()
  return report
}

export function jobReport(job: ImportJob): ImportReport | null {
  return job.status === 'completed' && job.report ? (job.report as unknown as ImportReport) : null
}

/** The report as CSV rows (line, outcome, name, reason), with reasons in the user's language. */
export function reportRows(report: ImportReport, locale: string) {
  const t = serverT(isSupportedLocale(locale) ? locale : 'en')
  const header = [
    t('import:report.csv.line'),
    t('import:report.csv.outcome'),
    t('import:report.csv.name'),
    t('import:report.csv.reason'),
    t('import:report.csv.id'),
  ]
  const rows: unknown[][] = []
  const add = (outcome: string, list: ImportReport['created']) => {
    for (const r of list) {
      const params = {
        ...r.params,
        ...(r.params?.field
          ? { field: t(`import:fieldNames.${r.params.field}`, { defaultValue: String(r.params.field) }) }
          : {}),
      }
      rows.push([
        r.line,
        t(`import:report.outcomes.${outcome}`),
        r.label,
        r.reason ? t(`import:${r.reason}`, params) : '',
        r.id ?? '',
      ])
    }
  }
  add('created', report.created)
  add('updated', report.updated)
  add('skipped', report.skipped)
  add('rejected', report.rejected)
  add('warning', report.warnings)
  rows.sort((a, b) => Number(a[0]) - Number(b[0]))
  return { header, rows }
}

/** Choices for the mapping page's options. */
export function importFormOptions() {
  return {
    categories: db
      .select({
        id: stakeholderCategories.id,
        key: stakeholderCategories.key,
        name: stakeholderCategories.name,
      })
      .from(stakeholderCategories)
      .where(isNull(stakeholderCategories.archivedAt))
      .orderBy(stakeholderCategories.sortOrder)
      .all(),
    partners: db
      .select({ id: partners.id, name: partners.name })
      .from(partners)
      .where(isNull(partners.archivedAt))
      .orderBy(partners.name)
      .all(),
    types: db
      .select({ id: actionTypes.id, key: actionTypes.key, name: actionTypes.name })
      .from(actionTypes)
      .where(isNull(actionTypes.archivedAt))
      .orderBy(actionTypes.sortOrder)
      .all(),
  }
}
