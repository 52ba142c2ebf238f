import { beforeAll, describe, expect, it } from 'vitest'

import { db, sqlite } from '#db/client'
import { stakeholderCategories, stakeholders } from '#db/schema'
import { createContact } from '~/models/contacts/index.server'
import { createEvent, eventFormSchema } from '~/models/events/index.server'
import {
  createImportJob,
  getImportJob,
  jobMapping,
  previewJob,
  runImportJob,
} from '~/models/imports/index.server'
import { readYesNo } from '~/models/imports/registration-import.server'
import { ForbiddenError } from '~/utils/permissions'
import { nameKey } from '~/utils/text'

import { demo, sessionUserFor } from '../setup/actors'
import { tx } from '../setup/db'
import { readFixture } from '../setup/fixtures'

/*
 * Issue 16, point 3: a list of registrants through the importer. The fixture
 * `registrations/rejestracja-lodz-cp1250.csv` is hand-made for this test: Polish text written in
 * Windows-1250 (Python's cp1250 codec, CRLF lines, semicolons, Polish headers). Its five rows:
 * 1 Zażółć Gęślą (zazolc@…, Urząd Miasta Łodzi, consent tak, present tak): a contact has the e-mail → linked;
 * 2 Łukasz Żółtowski (no consent, absent), organisation "Politechnika Łódzka" is a stakeholder → proposed;
 * 3 repeats row 1's e-mail in capitals → not added twice;
 * 4 Ewa Źdźbło, no e-mail, attendance blank (absent);
 * 5 consent blank → rejected: consent must be recorded.
 */

const registrants = (eventId: number) =>
  sqlite()
    .prepare(
      `select name, email, organisation, consent, consent_wording as wording, attended, contact_id as contactId,
        proposed_stakeholder_id as proposed from event_registrations where event_id = ? order by id`,
    )
    .all(eventId) as {
    name: string
    email: string | null
    organisation: string | null
    consent: number
    wording: string | null
    attended: number
    contactId: number | null
    proposed: number | null
  }[]

let eventId: number
let contactId: number
let politechnika: number
const file = 'rejestracja-lodz-cp1250.csv'

beforeAll(() => {
  const partner = demo.partner()
  eventId = tx((t) =>
    createEvent(
      t,
      eventFormSchema.parse({
        kind: 'webinar',
        title: 'Webinarium Łódź',
        startDate: '2030-05-01',
        online: 'on',
        hostPartnerId: String(partner.partnerId),
      }),
      demo.comms(),
    ),
  )
  const categoryId = db.select({ id: stakeholderCategories.id }).from(stakeholderCategories).get()!.id
  const [um, pl] = ['Urząd Miasta Łodzi (import test)', 'Politechnika Łódzka'].map(
    (name) =>
      db
        .insert(stakeholders)
        .values({ name, categoryId, nameKey: nameKey(name), searchText: nameKey(name) })
        .returning({ id: stakeholders.id })
        .get().id,
  )
  politechnika = pl!
  contactId = tx((t) =>
    createContact(
      t,
      um!,
      {
        name: 'Zażółć Gęślą',
        email: 'zazolc@lodz.example.pl',
        languages: [],
        lawfulBasis: 'legitimate_interest',
        doNotContact: false,
      },
      demo.comms(),
    ),
  )
})

async function importAs(email: string) {
  const u = sessionUserFor(email)
  const id = await createImportJob({
    kind: 'registrations',
    user: u,
    fileName: file,
    buffer: readFixture('registrations', file),
    partnerId: demo.partner().partnerId,
    eventId,
  })
  return { u, job: () => getImportJob(id, u, 'registrations')! }
}

describe('importing registrants with the importer', () => {
  it('reads the Windows-1250 file right and maps the Polish headers', async () => {
    const bytes = readFixture('registrations', file)
    expect(bytes.includes(0xbf)).toBe(true) // ż in Windows-1250
    const { job } = await importAs('partner@demo.ripple')
    expect(job().format?.encoding).toBe('windows-1250')
    expect(job().headers).toEqual(['Imię i nazwisko', 'E-mail', 'Organizacja', 'Zgoda', 'Obecność'])
    expect(jobMapping(job())).toEqual({
      name: 'Imię i nazwisko',
      email: 'E-mail',
      organisation: 'Organizacja',
      consent: 'Zgoda',
      attended: 'Obecność',
    })
  })

  it('writes registrants: consent recorded, attendance, linked or proposed; a repeated e-mail updates', async () => {
    const { u, job } = await importAs('partner@demo.ripple')
    const { summary } = await previewJob(job(), u)
    expect(summary).toMatchObject({ total: 5, valid: 4, toCreate: 3, toSkip: 1, rejectedRows: 1 })
    expect(summary.rejected[0]).toMatchObject({ line: 6, reason: 'problems.consentMissing' })
    const report = await runImportJob(job(), u)
    expect(report.created).toHaveLength(3)
    const rows = registrants(eventId)
    expect(rows).toEqual([
      {
        name: 'Zażółć Gęślą',
        email: 'zazolc@lodz.example.pl',
        organisation: 'Urząd Miasta Łodzi',
        consent: 1,
        wording: `import: ${file}`,
        attended: 1,
        contactId,
        proposed: null,
      },
      {
        name: 'Łukasz Żółtowski',
        email: 'lukasz@lodz.example.pl',
        organisation: 'Politechnika Łódzka',
        consent: 0,
        wording: null,
        attended: 0,
        contactId: null,
        proposed: politechnika,
      },
      {
        name: 'Ewa Źdźbło',
        email: null,
        organisation: 'Łódź Kaliska',
        consent: 1,
        wording: `import: ${file}`,
        attended: 0,
        contactId: null,
        proposed: null,
      },
    ])
    // The same list again: the registrants with an e-mail are updated, not added twice.
    const again = await importAs('comms@demo.ripple')
    const second = await runImportJob(again.job(), again.u)
    expect(second.updated.map((r) => r.line)).toEqual([2, 3])
    expect(registrants(eventId).filter((r) => r.email === 'zazolc@lodz.example.pl')).toHaveLength(1)
  })

  it('only who manages the event’s registrants may import them', async () => {
    for (const email of ['partner2@demo.ripple', 'viewer@demo.ripple'])
      await expect(importAs(email)).rejects.toThrow(ForbiddenError)
  })

  it('reads yes and no in the project’s languages', () => {
    for (const v of ['tak', 'Ναι', 'sí', 'bai', 'ano', 'da', '✓', 'Yes']) expect(readYesNo(v), v).toBe(true)
    for (const v of ['nie', 'όχι', 'ez', 'ne', 'nu', 'No']) expect(readYesNo(v), v).toBe(false)
    expect(readYesNo('  ')).toBeNull()
    expect(readYesNo('może')).toBeUndefined()
  })
})
