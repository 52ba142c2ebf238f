import { json, MaxPartSizeExceededError, redirect, unstable_createMemoryUploadHandler } from '@remix-run/node'
import { z } from 'zod'

import { lawfulBases } from '#db/schema'
import { getEvent } from '~/models/events/index.server'
import {
  canRunJob,
  chooseJobEncoding,
  createImportJob,
  type Decision,
  decisions,
  distinctLines,
  encodingChoices,
  fieldsOf,
  getImportJob,
  importablePartners,
  type ImportArea,
  importCaps,
  importFields,
  importFormOptions,
  type ImportJob,
  type ImportKind,
  importPermission as permissionOf,
  ImportRefusal,
  jobDecisions,
  jobEncoding,
  jobMapping,
  jobOptions,
  jobReport,
  jobSample,
  jobUnmatchedValues,
  mappingProblems,
  mayImportActionsFor,
  mayImportForAnyPartner,
  previewJob,
  reportRows,
  runImportJob,
  saveJobDecisions,
  saveJobMapping,
  saveJobValueChoices,
  writeModes,
} from '~/models/imports/index.server'
import { canManageRegistrations } from '~/models/people/index.server'
import { forbidden, invariantResponse, requirePermission, type SessionUser } from '~/utils/auth.server'
import { orForbidden } from '~/utils/auth.server'
import { csvResponse } from '~/utils/csv.server'
import { env } from '~/utils/env.server'
import { parseMultipartFormData } from '~/utils/multipart.server'

/**
 * Loaders and actions of the import pages, shared by /stakeholders/import, /actions/import and
 * /events/:id/registrations/import (the route files stay thin; this folder has no route module,
 * so Remix does not make it a route). Who may import what is the import policy's
 * (models/imports/policy.ts).
 */
export type { ImportArea }
type Params = { id?: string; jobId?: string }
/** Where an area's import pages live, and the page they return to. */
function placeOf(area: ImportArea, params: Params = {}) {
  if (area === 'registrations') {
    const back = `/events/${Number(params.id) || 0}/registrations`
    return { base: `${back}/import`, back }
  }
  return { base: `/${area}/import`, back: `/${area}` }
}
const base = (area: ImportArea, params?: Params) => placeOf(area, params).base

/** The event of a registrations import, when the user manages its registrants (404, 403 otherwise). */
function managedEvent(user: SessionUser, params: Params) {
  const event = getEvent(Number(params.id))
  invariantResponse(event)
  if (!canManageRegistrations(user, event)) throw forbidden()
  return event
}

/** How many duplicates get their own choice on the page; the rest follow the default choice. */
export const DUPLICATES_SHOWN = 200
/** How many problems are listed on the page; all of them are in the report and its CSV. */
export const PROBLEMS_SHOWN = 500

export async function uploadLoader(request: Request, area: ImportArea, params: Params = {}) {
  const user = await requirePermission(request, permissionOf(area))
  const event = area === 'registrations' ? managedEvent(user, params) : null
  const partners = area === 'actions' ? importFormOptions().partners : []
  return json({
    limitMb: env().UPLOAD_LIMIT_MB,
    caps: importCaps,
    partners: importablePartners(user, partners),
    ownPartnerId: user.partnerId,
    choosePartner: area === 'actions' && mayImportForAnyPartner(user),
    event: event ? { id: event.id, title: event.title } : null,
    ...placeOf(area, params),
  })
}

type UploadErrors = { file?: string[]; partnerId?: string[]; kind?: string[] }

export async function uploadAction(request: Request, area: ImportArea, params: Params = {}) {
  const user = await requirePermission(request, permissionOf(area))
  const event = area === 'registrations' ? managedEvent(user, params) : null
  const limitMb = env().UPLOAD_LIMIT_MB
  let form: FormData
  try {
    form = await parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: Math.floor(limitMb * 1024 * 1024) }),
    )
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      return json({ errors: { file: ['import:errors.tooLarge'] } as UploadErrors, limitMb }, { status: 413 })
    throw error
  }
  const errors: UploadErrors = {}
  const file = form.get('file')
  if (!file || typeof file === 'string' || !file.name) errors.file = ['import:errors.noFile']
  const kind: ImportKind =
    area === 'actions' || area === 'registrations'
      ? area
      : form.get('kind') === 'contacts'
        ? 'contacts'
        : 'stakeholders'
  let partnerId: number | null = event?.hostPartnerId ?? null
  if (area === 'actions') {
    const ownPartnerOnly = !mayImportForAnyPartner(user)
    if (ownPartnerOnly) partnerId = user.partnerId
    else {
      const parsed = z.coerce.number().int().positive().safeParse(form.get('partnerId'))
      if (parsed.success && importFormOptions().partners.some((p) => p.id === parsed.data))
        partnerId = parsed.data
      else errors.partnerId = ['common:errors.choose']
    }
    if (ownPartnerOnly && !partnerId) errors.partnerId = ['import:errors.partnerRequired']
    if (partnerId && !mayImportActionsFor(user, partnerId)) throw forbidden()
  }
  if (Object.keys(errors).length || !file || typeof file === 'string')
    return json({ errors, limitMb }, { status: 400 })
  try {
    const buffer = new Uint8Array(await file.arrayBuffer())
    const id = await orForbidden(() =>
      createImportJob({ kind, user, fileName: file.name, buffer, partnerId, eventId: event?.id ?? null }),
    )
    return redirect(`${base(area, params)}/${id}/map`)
  } catch (error) {
    if (error instanceof ImportRefusal)
      return json({ errors: { file: [`import:${error.reason}`] } as UploadErrors, limitMb }, { status: 400 })
    throw error
  }
}

async function loadJob(
  request: Request,
  params: Params,
  area: ImportArea,
): Promise<{ user: SessionUser; job: ImportJob }> {
  const user = await requirePermission(request, permissionOf(area))
  if (area === 'registrations') managedEvent(user, params)
  const id = Number(params.jobId)
  const job = Number.isInteger(id) && id > 0 ? getImportJob(id, user, area) : null
  invariantResponse(job)
  // A registrations job answers only under its own event's address.
  if (area === 'registrations') invariantResponse(jobOptions(job).eventId === Number(params.id))
  if (!canRunJob(job, user)) throw forbidden()
  return { user, job }
}

function jobSummary(job: ImportJob) {
  return {
    id: job.id,
    kind: job.kind,
    fileName: job.fileName,
    fileSize: job.fileSize,
    format: job.format,
    status: job.status,
    rows: Number(job.format?.rows ?? 0),
  }
}

export async function mapLoader(request: Request, params: Params, area: ImportArea) {
  const { job } = await loadJob(request, params, area)
  if (job.status === 'completed') throw redirect(`${base(area, params)}/${job.id}/report`)
  const sample = await jobSample(job, 3)
  const options = importFormOptions()
  return json({
    ...placeOf(area, params),
    job: jobSummary(job),
    headers: job.headers ?? [],
    sample: sample.map((values) => values.map((v) => (Array.isArray(v) ? v.join('; ') : v).slice(0, 80))),
    encoding: jobEncoding(job),
    encodings: encodingChoices,
    fields: importFields[job.kind].map((f) => ({ field: f.field, required: !!f.required })),
    mapping: jobMapping(job),
    options: jobOptions(job),
    categories: job.kind === 'stakeholders' ? options.categories : [],
    partners: job.kind === 'stakeholders' ? options.partners : [],
    lawfulBases: job.kind === 'contacts' ? [...lawfulBases] : [],
    types: job.kind === 'actions' ? options.types : [],
  })
}

export async function mapAction(request: Request, params: Params, area: ImportArea) {
  const { user, job } = await loadJob(request, params, area)
  if (job.status === 'completed') throw redirect(`${base(area, params)}/${job.id}/report`)
  const form = await request.formData()
  // The encoding selector: the file is read again in the chosen encoding and the page re-rendered.
  if (form.get('intent') === 'encoding') {
    try {
      await orForbidden(() => chooseJobEncoding(job, user, form.get('encoding')))
    } catch (error) {
      if (error instanceof ImportRefusal)
        return json({ encodingError: `import:${error.reason}` }, { status: 400 })
      throw error
    }
    return redirect(`${base(area, params)}/${job.id}/map`)
  }
  const mapping: Record<string, string> = {}
  for (const field of fieldsOf(job.kind)) {
    const v = form.get(`map.${field}`)
    if (typeof v === 'string' && v) mapping[field] = v
  }
  const num = (v: FormDataEntryValue | null) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null)
  const categoryId = num(form.get('defaultCategoryId'))
  const ownerId = num(form.get('ownerPartnerId'))
  const typeId = num(form.get('defaultTypeId'))
  const options = importFormOptions()
  saveJobMapping(job, mapping, {
    defaultCategoryId: categoryId && options.categories.some((c) => c.id === categoryId) ? categoryId : null,
    ownerPartnerId: ownerId && options.partners.some((p) => p.id === ownerId) ? ownerId : null,
    lawfulBasis: z.enum(lawfulBases).catch('legitimate_interest').parse(form.get('lawfulBasis')),
    defaultTypeId: typeId && options.types.some((t) => t.id === typeId) ? typeId : null,
  })
  const saved = getImportJob(job.id, user, area)!
  const missing = mappingProblems(saved)
  if (missing.length) return json({ missing }, { status: 400 })
  // Values of list fields that match nothing, never chosen before: the value step comes first.
  const unmapped = (await jobUnmatchedValues(saved, user, user.locale)).some((f) =>
    f.values.some((v) => v.choice === null),
  )
  return redirect(`${base(area, params)}/${job.id}/${unmapped ? 'values' : 'preview'}`)
}

/** The value step: the values of list fields that match nothing, each to map or leave empty. */
export async function valuesLoader(request: Request, params: Params, area: ImportArea) {
  const { user, job } = await loadJob(request, params, area)
  if (job.status === 'completed') throw redirect(`${base(area, params)}/${job.id}/report`)
  if (mappingProblems(job).length) throw redirect(`${base(area, params)}/${job.id}/map`)
  return json({
    ...placeOf(area, params),
    job: jobSummary(job),
    fields: await jobUnmatchedValues(job, user, user.locale),
  })
}

export async function valuesAction(request: Request, params: Params, area: ImportArea) {
  const { user, job } = await loadJob(request, params, area)
  if (job.status === 'completed') throw redirect(`${base(area, params)}/${job.id}/report`)
  const form = await request.formData()
  const choices: { field: string; key: string; target: string }[] = []
  for (const [name, value] of form.entries()) {
    const m = /^choice\.([a-z]+)\.(.*)$/s.exec(name)
    if (m && typeof value === 'string') choices.push({ field: m[1], key: m[2], target: value })
  }
  saveJobValueChoices(job, user, choices)
  return redirect(`${base(area, params)}/${job.id}/preview`)
}

export async function previewLoader(request: Request, params: Params, area: ImportArea) {
  const { user, job } = await loadJob(request, params, area)
  if (job.status === 'completed') throw redirect(`${base(area, params)}/${job.id}/report`)
  if (mappingProblems(job).length) throw redirect(`${base(area, params)}/${job.id}/map`)
  const { summary, decisions: chosen, unmatched } = await previewJob(job, user)
  return json({
    ...placeOf(area, params),
    job: jobSummary(job),
    total: summary.total,
    valid: summary.valid,
    toCreate: summary.toCreate,
    toUpdate: summary.toUpdate,
    toSkip: summary.toSkip,
    rejectedCount: summary.rejectedRows,
    problemCount: summary.rejected.length,
    rejected: summary.rejected.slice(0, PROBLEMS_SHOWN),
    warningCount: summary.warnings.length,
    warnings: summary.warnings.slice(0, PROBLEMS_SHOWN),
    duplicateCount: summary.duplicates.length,
    duplicates: summary.duplicates.slice(0, DUPLICATES_SHOWN),
    mode: chosen.mode,
    defaultDecision: chosen.defaultDecision,
    canUpdate: job.kind !== 'actions',
    unmatched,
  })
}

export async function previewAction(request: Request, params: Params, area: ImportArea) {
  const { user, job } = await loadJob(request, params, area)
  if (job.status === 'completed') throw redirect(`${base(area, params)}/${job.id}/report`)
  const form = await request.formData()
  const mode = z.enum(writeModes).catch('valid').parse(form.get('mode'))
  const defaultDecision = z.enum(decisions).catch('skip').parse(form.get('defaultDecision'))
  const perLine: Record<string, Decision> = { ...jobDecisions(job).perLine }
  for (const [key, value] of form.entries()) {
    const m = /^decision\.(\d+)$/.exec(key)
    if (m && typeof value === 'string' && (decisions as readonly string[]).includes(value))
      perLine[m[1]] = value as Decision
  }
  saveJobDecisions(job, { mode, defaultDecision, perLine })
  if (form.get('intent') !== 'write') return redirect(`${base(area, params)}/${job.id}/preview`)
  const fresh = getImportJob(job.id, user, area)!
  await orForbidden(() => runImportJob(fresh, user))
  return redirect(`${base(area, params)}/${job.id}/report`)
}

export async function reportLoader(request: Request, params: Params, area: ImportArea) {
  const { job } = await loadJob(request, params, area)
  const report = jobReport(job)
  if (!report) throw redirect(`${base(area, params)}/${job.id}/preview`)
  const cap = <T>(list: T[]) => list.slice(0, PROBLEMS_SHOWN)
  return json({
    ...placeOf(area, params),
    job: jobSummary(job),
    aborted: report.aborted,
    mode: report.mode,
    total: report.total,
    ms: report.ms,
    problemCount: report.rejected.length,
    counts: {
      created: report.created.length,
      updated: report.updated.length,
      skipped: report.skipped.length,
      rejected: distinctLines(report.rejected),
      warnings: report.warnings.length,
    },
    created: cap(report.created),
    updated: cap(report.updated),
    skipped: cap(report.skipped),
    rejected: cap(report.rejected),
    warnings: cap(report.warnings),
  })
}

export async function reportCsv(request: Request, params: Params, area: ImportArea) {
  const { user, job } = await loadJob(request, params, area)
  const report = jobReport(job)
  invariantResponse(report)
  const { header, rows } = reportRows(report, user.locale)
  return csvResponse(`import-${job.id}-report.csv`, header, rows)
}
