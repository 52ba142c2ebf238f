import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { actionTypes, importJobs } from '#db/schema'
import {
  canRunJob,
  createImportJob,
  getImportJob,
  importFormOptions,
  type ImportJob,
  ImportRefusal,
  jobDecisions,
  jobOptions,
  jobReport,
  mappingProblems,
  previewJob,
  reportRows,
  runImportJob,
  saveJobDecisions,
  saveJobMapping,
} from '~/models/imports/index.server'

import { sessionUserFor } from '../setup/actors'
import { lastAudit } from '../setup/audit'

/*
 * The steps of an import job that the pages walk through (upload, mapping, options, decisions,
 * write, report), called as the routes call them.
 */

const partner = sessionUserFor('partner@demo.ripple')
const comms = sessionUserFor('comms@demo.ripple')

async function actionsJob(csv: string, fileName = 'działania.csv') {
  const id = await createImportJob({
    kind: 'actions',
    user: partner,
    fileName,
    buffer: Buffer.from(csv),
    partnerId: partner.partnerId,
  })
  return () => getImportJob(id, partner, 'actions')!
}
const withMapping = (job: ImportJob, mapping: Record<string, string | null>): ImportJob => ({
  ...job,
  mapping,
})
const unmapped = Object.fromEntries(
  [
    'type',
    'channel',
    'description',
    'engagements',
    'evidenceUrl',
    'languages',
    'onlineReach',
    'participants',
    'stakeholders',
  ].map((f) => [f, null]),
)
const withDecisions = (job: ImportJob, decisions: Record<string, string>): ImportJob => ({
  ...job,
  decisions,
})

describe('uploading a file as a job', () => {
  it('keeps the name (255 characters at most), the size, the rows counted and the guessed columns', async () => {
    const csv = 'tytuł,data,typ\nWarsztaty w Łodzi,2026-03-14,Webinar\n'
    const job = (await actionsJob(csv, `${'ł'.repeat(300)}.csv`))()
    expect(job).toMatchObject({
      kind: 'actions',
      userId: partner.id,
      partnerId: partner.partnerId,
      fileName: 'ł'.repeat(255),
      fileSize: Buffer.byteLength(csv),
      headers: ['tytuł', 'data', 'typ'],
      format: { type: 'csv', rows: 1, hasHeader: true },
      decisions: {},
      status: 'uploaded',
    })
    expect(job.mapping).toMatchObject({ date: 'data', type: 'typ' })
  })

  it('is found only by its user, and only in its own area (contacts under stakeholders)', async () => {
    const job = (await actionsJob('title,date,type\nA,2026-03-14,Webinar\n'))()
    expect(getImportJob(job.id, partner, 'stakeholders')).toBeNull()
    expect(getImportJob(job.id, comms, 'actions')).toBeNull()
    const id = await createImportJob({
      kind: 'contacts',
      user: comms,
      fileName: 'k.csv',
      buffer: Buffer.from('name,email\nČeněk Šťastný,cenek@praha.example.cz\n'),
    })
    expect(getImportJob(id, comms, 'stakeholders')?.kind).toBe('contacts')
    expect(getImportJob(id, comms, 'registrations')).toBeNull()
    expect(canRunJob(job, partner)).toBe(true)
    expect(canRunJob(job, sessionUserFor('partner2@demo.ripple'))).toBe(false)
  })
})

describe('the options beside the mapping', () => {
  it('reads ids and a lawful basis from the "_" keys, and ignores anything else', async () => {
    const job = (await actionsJob('title,date\nA,2026-03-14\n'))()
    expect(
      jobOptions(
        withMapping(job, { _category: '3', _owner: '2', _basis: 'consent', _type: '8', _event: '1' }),
      ),
    ).toEqual({
      defaultCategoryId: 3,
      ownerPartnerId: 2,
      lawfulBasis: 'consent',
      defaultTypeId: 8,
      eventId: 1,
    })
    expect(
      jobOptions(withMapping(job, { _category: 'x3', _owner: '2.5', _basis: 'whim', _type: '' })),
    ).toEqual({
      defaultCategoryId: null,
      ownerPartnerId: null,
      lawfulBasis: 'legitimate_interest',
      defaultTypeId: null,
      eventId: null,
    })
  })

  it('saves the mapping with the options given, and the job is mapped', async () => {
    const job = (await actionsJob('tytuł,data,typ\nA,2026-03-14,Webinar\n'))()
    saveJobMapping(
      withMapping(job, { ...job.mapping, _event: '5' }),
      { title: 'tytuł', date: 'data', bogus: 'x' },
      {
        defaultCategoryId: 3,
        ownerPartnerId: 2,
        lawfulBasis: 'consent',
        defaultTypeId: 8,
      },
    )
    const saved = db.select().from(importJobs).where(eq(importJobs.id, job.id)).get()!
    expect(saved.status).toBe('mapped')
    expect(saved.mapping).toEqual({
      ...unmapped,
      title: 'tytuł',
      date: 'data',
      _category: '3',
      _owner: '2',
      _basis: 'consent',
      _type: '8',
      _event: '5',
    })
    saveJobMapping(job, { title: 'tytuł' }, {})
    expect(db.select().from(importJobs).where(eq(importJobs.id, job.id)).get()!.mapping).toEqual({
      ...unmapped,
      title: 'tytuł',
      date: null,
    })
  })

  it('names the required fields without a column; a default type stands in for the type column', async () => {
    const job = (await actionsJob('tytuł,kiedy\nA,2026-03-14\n'))()
    expect(mappingProblems(withMapping(job, {}))).toEqual(['date', 'type', 'title'])
    expect(mappingProblems(withMapping(job, { title: 'tytuł', _type: '8' }))).toEqual(['date'])
    const contacts = { ...job, kind: 'contacts' as const, headers: ['imię', 'e-mail'] }
    expect(mappingProblems(withMapping(contacts, {}))).toEqual(['name'])
    expect(mappingProblems(withMapping(contacts, { email: 'e-mail' }))).toEqual([])
    const orgs = { ...job, kind: 'stakeholders' as const, headers: ['nazwa'] }
    expect(mappingProblems(withMapping(orgs, { name: 'nazwa' }))).toEqual(['category'])
    expect(mappingProblems(withMapping(orgs, { name: 'nazwa', _category: '3' }))).toEqual([])
  })
})

describe('the decisions of a job', () => {
  it('reads the mode, the default and per-line decisions, dropping anything unknown', async () => {
    const job = (await actionsJob('title,date\nA,2026-03-14\n'))()
    expect(
      jobDecisions(
        withDecisions(job, { _mode: 'all', _default: 'create', '3': 'update', '4': 'merge', x5: 'skip' }),
      ),
    ).toEqual({ mode: 'all', defaultDecision: 'create', perLine: { '3': 'update' } })
    expect(jobDecisions(withDecisions(job, { _mode: 'some', _default: 'maybe' }))).toEqual({
      mode: 'valid',
      defaultDecision: 'skip',
      perLine: {},
    })
    expect(jobDecisions({ ...job, kind: 'registrations', decisions: {} }).defaultDecision).toBe('update')
  })

  it('saves them, and the job is previewed', async () => {
    const job = (await actionsJob('title,date\nA,2026-03-14\n'))()
    saveJobDecisions(job, { mode: 'all', defaultDecision: 'create', perLine: { '2': 'skip' } })
    const saved = db.select().from(importJobs).where(eq(importJobs.id, job.id)).get()!
    expect([saved.status, saved.decisions]).toEqual([
      'previewed',
      { _mode: 'all', _default: 'create', '2': 'skip' },
    ])
  })
})

describe('jobs that cannot be read', () => {
  it('an actions job without a partner, a registrations job without an event', async () => {
    const job = (await actionsJob('title,date\nA,2026-03-14\n'))()
    await expect(previewJob({ ...job, partnerId: null }, partner)).rejects.toThrow(
      new ImportRefusal('errors.partnerRequired'),
    )
    await expect(previewJob({ ...job, kind: 'registrations', mapping: {} }, partner)).rejects.toThrow(
      new ImportRefusal('errors.noEvent'),
    )
    await expect(
      previewJob({ ...job, kind: 'registrations', mapping: { _event: '999999' } }, partner),
    ).rejects.toThrow(new ImportRefusal('errors.noEvent'))
  })
})

describe('writing a job', () => {
  it('"write nothing" with a rejected row: the report is kept, the job completed and emptied', async () => {
    const job = await actionsJob('title,date,type\nWarsztaty,2026-03-14,Webinar\n,2026-03-15,Webinar\n')
    saveJobDecisions(job(), { mode: 'all', defaultDecision: 'skip', perLine: {} })
    const report = await runImportJob(job(), partner)
    expect(report).toMatchObject({
      aborted: true,
      created: [],
      rejected: [{ line: 3, reason: 'problems.missingTitle' }],
    })
    expect(job()).toMatchObject({
      status: 'completed',
      upload: null,
      report: JSON.parse(JSON.stringify(report)),
    })
    expect(job().content.length).toBe(0)
    expect(jobReport(job())).toEqual(report)
    // Written again (a second request): the stored report, nothing written.
    expect(await runImportJob(job(), partner)).toEqual(report)
  })

  it('audits the job with its counts', async () => {
    const job = await actionsJob(
      'title,date,type\nGasteizko Udala,2026-03-14,Webinar\n,2026-03-14,Webinar\n',
      'e.csv',
    )
    expect(jobReport(job())).toBeNull()
    const report = await runImportJob(job(), partner)
    expect(lastAudit('import_job', job().id)).toMatchObject({
      userId: partner.id,
      action: 'import',
      after: { kind: 'actions', fileName: 'e.csv', created: 1, updated: 0, skipped: 0, rejected: 1 },
      summary: 'e.csv: 1 created, 0 updated, 0 skipped, 1 rejected',
    })
    expect(jobReport(job())).toEqual(report)
  })
})

describe('the report as CSV', () => {
  it('in the user’s language, rows in line order, field names translated', async () => {
    const job = await actionsJob(
      `title,date,type\n${'Ł'.repeat(301)},2026-03-14,Webinar\nŁódź,2026-03-14,Webinar\n`,
    )
    const report = await runImportJob(job(), partner)
    const id = report.created[0].id
    expect(reportRows(report, 'es')).toEqual({
      header: ['Línea', 'Resultado', 'Nombre', 'Motivo', 'Id del registro'],
      rows: [
        [2, 'rechazado', 'Ł'.repeat(301), 'Título es demasiado largo (como máximo 300 caracteres).', ''],
        [3, 'creado', 'Łódź', '', id],
      ],
    })
    expect(reportRows(report, 'xx').header).toEqual(['Line', 'Outcome', 'Name', 'Reason', 'Record id'])
  })
})

describe('the mapping page’s choices', () => {
  it('categories and types in their order, partners by name, archived ones left out', () => {
    db.update(actionTypes)
      .set({ archivedAt: '2026-01-01T00:00:00Z' })
      .where(eq(actionTypes.key, 'video'))
      .run()
    const options = importFormOptions()
    expect(options.categories.slice(0, 2).map((c) => c.key)).toEqual(['university', 'interreg_project'])
    expect(options.partners.map((p) => p.name)).toEqual([
      'Barcelona',
      'Bologna',
      'Gdańsk',
      'Lyon',
      'Medellín',
      'Porto',
      'San Sebastián',
      'Tampere',
    ])
    expect(options.types.map((t) => t.key)).toEqual([
      'presentation',
      'social_post',
      'press',
      'newsletter',
      'web_news',
      'conference_talk',
      'bilateral_meeting',
      'webinar',
      'policy_clinic',
      'partner_meeting',
      'publication',
      'creative_format',
      'other',
    ])
  })
})
