import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'

import { db, sqlite } from '#db/client'
import { importJobs } from '#db/schema'
import { createEvent, eventFormSchema } from '~/models/events/index.server'
import {
  createImportJob,
  getImportJob,
  type ImportJob,
  type ImportReport,
  jobDecisions,
  jobOptions,
  jobReport,
  previewJob,
  reportRows,
  runImportJob,
  saveJobDecisions,
  saveJobMapping,
} from '~/models/imports/index.server'

import { sessionUserFor } from '../setup/actors'
import { lastAudit } from '../setup/audit'
import { tx } from '../setup/db'
import { insertStakeholder } from '../setup/records'

/*
 * The edges of an import job (upload, options, decisions, preview, write, report) that the
 * pages meet but the step-by-step tests leave open: which kind a vCard becomes, the event of a
 * registrations job, a job written twice from a stale read, a report's every outcome.
 */

const partner = sessionUserFor('partner@demo.ripple')
const comms = sessionUserFor('comms@demo.ripple')

const vcf = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Čeněk Šťastný\r\nEMAIL:cenek@praha.example.cz\r\nEND:VCARD\r\n'
const stakeholdersNamed = (name: string) =>
  sqlite().prepare('select count(*) as n from stakeholders where name = ?').get(name) as { n: number }

let eventId: number
beforeAll(() => {
  eventId = tx((t) =>
    createEvent(
      t,
      eventFormSchema.parse({
        kind: 'webinar',
        title: 'Webinarium Θεσσαλονίκη',
        startDate: '2030-05-01',
        online: 'on',
        hostPartnerId: String(partner.partnerId),
      }),
      comms,
    ),
  )
})

async function orgsJob(lines: string[], fileName = 'udalak.csv') {
  const id = await createImportJob({
    kind: 'stakeholders',
    user: comms,
    fileName,
    buffer: Buffer.from(lines.join('\n')),
  })
  return () => getImportJob(id, comms, 'stakeholders')!
}

describe('the kind of an uploaded job', () => {
  it('a vCard stays an actions or a registrations import; a CSV sent to stakeholders stays one', async () => {
    const actions = await createImportJob({
      kind: 'actions',
      user: partner,
      fileName: 'wizytówka.vcf',
      buffer: Buffer.from(vcf),
      partnerId: partner.partnerId,
      eventId,
    })
    const job = getImportJob(actions, partner, 'actions')!
    expect(job.kind).toBe('actions')
    // Only a registrations job keeps an event.
    expect(Object.keys(job.mapping!).filter((k) => k.startsWith('_'))).toEqual([])

    const registrations = await createImportJob({
      kind: 'registrations',
      user: partner,
      fileName: 'wizytówka.vcf',
      buffer: Buffer.from(vcf),
      partnerId: partner.partnerId,
      eventId,
    })
    const reg = getImportJob(registrations, partner, 'registrations')!
    expect([reg.kind, reg.mapping?._event]).toEqual(['registrations', String(eventId)])

    const orgs = (await orgsJob(['name,category', 'Gasteizko Udala,Local authority']))()
    expect([orgs.kind, orgs.headers]).toEqual(['stakeholders', ['name', 'category']])
  })
})

describe('the options and decisions read from a job', () => {
  it('an id of several digits is read; a number stored as such is not an id typed in', async () => {
    const job = (await orgsJob(['name,category', 'Gasteizko Udala,Local authority']))()
    const odd = { _category: 12 } as unknown as Record<string, string>
    expect(jobOptions({ ...job, mapping: { _owner: '12', _type: '345' } })).toMatchObject({
      ownerPartnerId: 12,
      defaultTypeId: 345,
    })
    expect(jobOptions({ ...job, mapping: odd }).defaultCategoryId).toBeNull()
  })

  it('per-line decisions are kept for whole line numbers only, of any length', async () => {
    const job = (await orgsJob(['name,category', 'Gasteizko Udala,Local authority']))()
    expect(jobDecisions({ ...job, decisions: { '12': 'create', '3x': 'update', '104': 'skip' } })).toEqual({
      mode: 'valid',
      defaultDecision: 'skip',
      perLine: { '12': 'create', '104': 'skip' },
    })
  })

  it('saving the mapping of a job that has none keeps no event', async () => {
    const job = (await orgsJob(['nazwa,kategoria', 'Gasteizko Udala,Local authority']))()
    saveJobMapping({ ...job, mapping: null }, { name: 'nazwa', category: 'kategoria' }, {})
    const saved = db.select().from(importJobs).where(eq(importJobs.id, job.id)).get()!
    expect(saved.mapping).toMatchObject({ name: 'nazwa', category: 'kategoria' })
    expect(Object.keys(saved.mapping!).filter((k) => k.startsWith('_'))).toEqual([])
  })
})

describe('previewing a job', () => {
  it('a registrations job of an event the user hosts is read through the registrations adapter', async () => {
    const id = await createImportJob({
      kind: 'registrations',
      user: partner,
      fileName: 'rejestracja.csv',
      buffer: Buffer.from('name,email,consent\nČeněk Šťastný,cenek@praha.example.cz,yes\n'),
      partnerId: partner.partnerId,
      eventId,
    })
    const { summary } = await previewJob(getImportJob(id, partner, 'registrations')!, partner)
    expect(summary).toMatchObject({ total: 1, valid: 1, rejectedRows: 0, toCreate: 1, duplicates: [] })
  })

  it('a stakeholders job is read as organisations, with the decisions saved for it', async () => {
    const existing = insertStakeholder('Udal Gasteiz Θεσσαλονίκη')
    const job = await orgsJob([
      'name,category',
      'Udal Gasteiz Θεσσαλονίκη,Local authority',
      'Primăria Târgu Mureș,Local authority',
    ])
    // A decision for a line that repeats nothing is ignored.
    saveJobDecisions(job(), { mode: 'valid', defaultDecision: 'update', perLine: { '3': 'skip' } })
    const { summary, decisions } = await previewJob(job(), comms)
    expect(decisions).toEqual({ mode: 'valid', defaultDecision: 'update', perLine: { '3': 'skip' } })
    expect(summary).toMatchObject({ total: 2, valid: 2, toCreate: 1, toUpdate: 1, toSkip: 0 })
    expect(summary.duplicates.map((d) => [d.line, d.match, d.existingId, d.decision])).toEqual([
      [2, 'name', existing, 'update'],
    ])
  })
})

describe('writing a job', () => {
  it('a stakeholders job writes organisations', async () => {
    const job = await orgsJob(['name,category', 'Gasteizko Udala (edge),Local authority'])
    const report = await runImportJob(job(), comms)
    expect([report.kind, report.created.map((c) => c.label)]).toEqual([
      'stakeholders',
      ['Gasteizko Udala (edge)'],
    ])
    expect(stakeholdersNamed('Gasteizko Udala (edge)').n).toBe(1)
  })

  it('written twice from the same stale read: the second returns the first report, writes nothing', async () => {
    const job = await orgsJob(['name,category', 'Urząd Miasta Łodzi (stale),Local authority'])
    const stale = job()
    const first = await runImportJob(stale, comms)
    const audits = lastAudit('import_job', stale.id).id
    const second = await runImportJob(stale, comms)
    expect(second).toEqual(JSON.parse(JSON.stringify(first)))
    expect(second.created.map((c) => c.label)).toEqual(['Urząd Miasta Łodzi (stale)'])
    expect(stakeholdersNamed('Urząd Miasta Łodzi (stale)').n).toBe(1)
    expect(lastAudit('import_job', stale.id).id).toBe(audits)
  })

  it('a job marked completed without a report is still written', async () => {
    const job = await orgsJob(['name,category', 'Δήμος Θεσσαλονίκης (bez raportu),Local authority'])
    db.update(importJobs).set({ status: 'completed' }).where(eq(importJobs.id, job().id)).run()
    expect(jobReport(job())).toBeNull()
    const report = await runImportJob(job(), comms)
    expect(report.created.map((c) => c.label)).toEqual(['Δήμος Θεσσαλονίκης (bez raportu)'])
    expect(jobReport(job())).toEqual(report)
  })

  it('a report on a job not completed is not its report', async () => {
    const job = (await orgsJob(['name,category', 'Gasteizko Udala,Local authority']))()
    const report = { kind: 'stakeholders', created: [] } as unknown as ImportJob['report']
    expect(jobReport({ ...job, status: 'previewed', report })).toBeNull()
    expect(jobReport({ ...job, status: 'completed', report })).toEqual(report)
  })
})

describe('the report as CSV', () => {
  it('names every outcome, with field names translated in the reasons', () => {
    const row = (line: number, label: string) => ({ line, label })
    const report: ImportReport = {
      kind: 'stakeholders',
      fileName: 'udalak.csv',
      mode: 'valid',
      aborted: false,
      total: 5,
      created: [{ ...row(2, 'Gasteizko Udala'), id: 7 }],
      updated: [{ ...row(3, 'Primăria Târgu Mureș'), id: 8 }],
      skipped: [
        {
          ...row(4, 'Urząd Miasta Łodzi'),
          id: 9,
          reason: 'problems.duplicateOf.name',
          params: { value: 'urzad miasta lodzi', existing: 'Urząd Miasta Łodzi', firstLine: '' },
        },
      ],
      rejected: [{ ...row(5, 'Łódź'), reason: 'problems.tooLong', params: { field: 'email', max: 254 } }],
      warnings: [
        {
          ...row(6, 'Θεσσαλονίκη'),
          reason: 'problems.unknownChannel',
          params: { value: 'Gołąb', accepted: 'Email' },
        },
      ],
      duplicates: 1,
      ms: 3,
    }
    expect(reportRows(report, 'en').rows).toEqual([
      [2, 'created', 'Gasteizko Udala', '', 7],
      [3, 'updated', 'Primăria Târgu Mureș', '', 8],
      [4, 'skipped', 'Urząd Miasta Łodzi', 'Already in the register: same name as “Urząd Miasta Łodzi”.', 9],
      [5, 'rejected', 'Łódź', 'E-mail is too long (at most 254 characters).', ''],
      [6, 'warning', 'Θεσσαλονίκη', 'Unknown channel “Gołąb”: left empty (accepted: Email).', ''],
    ])
  })
})
