import { beforeAll, describe, expect, it } from 'vitest'

import { db, sqlite } from '#db/client'
import { stakeholders } from '#db/schema'
import { eraseContact } from '~/models/contacts/index.server'
import {
  addRegistration,
  decideProposal,
  eventKpiList,
  eventKpis,
  eventPeopleSummary,
  linkChoices,
  linkRegistrant,
  listRegistrations,
  pendingProposals,
  proposeRegistrant,
  registrationFilterSchema,
  registrationsForExport,
  removeRegistration,
  saveConsultation,
  saveSatisfaction,
  setAttendance,
  updateRegistration,
} from '~/models/people/index.server'
import { InvalidReferencesError } from '~/utils/references.server'
import { nameKey, normalizeText } from '~/utils/text'

import { demo } from '../setup/actors'
import { lastAudit as lastAuditOf } from '../setup/audit'
import { tx } from '../setup/db'
import { contactOf, newEvent, reg, registrantRow } from '../setup/people'
import { categoryId } from '../setup/records'

/*
 * An event's registrants as the page lists them (filters, paging, the link proposals), its
 * consultation summary, and the audit row each command writes, named field by field.
 */

let eventId: number
let otherEventId: number
const r: Record<string, number> = {}
const sh: Record<string, number> = {}
const ct: Record<string, number> = {}

function stakeholder(name: string, categoryKey: string) {
  return db
    .insert(stakeholders)
    .values({
      name,
      categoryId: categoryId(categoryKey),
      nameKey: nameKey(name),
      searchText: normalizeText(name),
    })
    .returning({ id: stakeholders.id })
    .get().id
}
const add = (event: number, v: Record<string, string>) =>
  tx((t) => addRegistration(t, event, reg(v), demo.partner()))
const lastEventAudit = (event: number) => lastAuditOf('event', event)
const consent = { consent: 'on', consentAt: '2026-11-01', consentWording: 'Sutinku' }

beforeAll(() => {
  eventId = newEvent('Consultare publică la Cluj', { startDate: '2026-11-10' })
  otherEventId = newEvent('Other event', { startDate: '2026-11-10' })
  sh.univ = stakeholder('Universitatea Babeș-Bolyai', 'university')
  sh.city = stakeholder('Primăria Cluj', 'local_authority')
  sh.ngo = stakeholder('Asociația Vecinilor', 'ngo')
  ct.andrei = contactOf(sh.city, 'Andrei Pop', 'andrei.pop@example.ro')
  ct.elena = contactOf(sh.univ, 'Elena Rus')
  ct.erased = contactOf(sh.ngo, 'Maria Ionescu', 'maria@example.ro')
  tx((t) => eraseContact(t, ct.erased!, demo.comms()))
  r.andrei = add(eventId, {
    name: 'Andrei Pop',
    email: 'ANDREI.POP@example.ro',
    organisation: 'Primăria Cluj',
    ...consent,
  })
  r.elena = add(eventId, { name: 'ELENA RUS', organisation: 'Babeș-Bolyai', ...consent })
  r.maria = add(eventId, { name: 'Maria Ionescu', email: 'maria@example.ro' })
  r.zoe = add(eventId, { name: 'Zoe Αλεξίου', email: 'zoe@example.gr', ...consent })
  r.bogdan = add(eventId, { name: 'Bogdan Stan', organisation: 'Firma Necunoscută XYZQ' })
  r.other = add(otherEventId, { name: 'Andrei Pop', email: 'andrei.pop@example.ro' })
  tx((t) => setAttendance(t, eventId, Object.values(r), [r.andrei!, r.zoe!], demo.partner()))
})

const list = (filter: Record<string, string>, limit = 50, offset = 0) =>
  listRegistrations(eventId, registrationFilterSchema.parse(filter), { limit, offset })
const names = (filter: Record<string, string>) => list(filter).rows.map((row) => row.name)

describe("an event's registrants", () => {
  it('lists this event only, by name, filtered by attendance, consent and search, with the total', () => {
    expect(names({})).toEqual(['Andrei Pop', 'Bogdan Stan', 'ELENA RUS', 'Maria Ionescu', 'Zoe Αλεξίου'])
    expect(list({}).total).toBe(5)
    expect(names({ attended: 'attended' })).toEqual(['Andrei Pop', 'Zoe Αλεξίου'])
    expect(names({ attended: 'absent' })).toEqual(['Bogdan Stan', 'ELENA RUS', 'Maria Ionescu'])
    expect(names({ consent: 'yes' })).toEqual(['Andrei Pop', 'ELENA RUS', 'Zoe Αλεξίου'])
    expect(names({ consent: 'no' })).toEqual(['Bogdan Stan', 'Maria Ionescu'])
    expect(names({ consent: 'no', attended: 'absent', q: 'stan' })).toEqual(['Bogdan Stan'])
    expect(names({ q: 'babes' })).toEqual(['ELENA RUS'])
    expect(list({ consent: 'yes' }).total).toBe(3)
    expect(list({ attended: 'nonsense' }).total).toBe(5)
  })

  it('pages with the total of the whole filter, and exports every match', () => {
    const second = list({}, 2, 2)
    expect(second.rows.map((row) => row.name)).toEqual(['ELENA RUS', 'Maria Ionescu'])
    expect(second.total).toBe(5)
    expect(
      registrationsForExport(eventId, registrationFilterSchema.parse({ consent: 'no' })).map((x) => x.name),
    ).toEqual(['Bogdan Stan', 'Maria Ionescu'])
  })

  it('shows the linked contact and the proposed stakeholder by name', () => {
    const andrei = list({ q: 'andrei' }).rows[0]!
    expect(andrei).toMatchObject({
      contactId: ct.andrei,
      contactName: 'Andrei Pop',
      consent: true,
      attended: true,
    })
    tx((t) => proposeRegistrant(t, eventId, r.bogdan!, sh.ngo!, demo.partner()))
    expect(list({ q: 'bogdan' }).rows[0]).toMatchObject({
      proposedStakeholderId: sh.ngo,
      proposedStakeholderName: 'Asociația Vecinilor',
      contactName: null,
    })
    expect(pendingProposals(eventId)).toBe(1)
    expect(pendingProposals(otherEventId)).toBe(0)
    tx((t) => decideProposal(t, eventId, r.bogdan!, false, demo.comms()))
    expect(pendingProposals(eventId)).toBe(0)
  })

  it('proposes contacts with the same e-mail or name (any case) and organisations, for the unlinked only', () => {
    const rows = list({}).rows
    const choices = linkChoices(rows)
    // Andrei is linked already: nothing to choose.
    expect(Object.keys(choices).map(Number).sort()).toEqual([r.bogdan, r.elena, r.maria, r.zoe].sort())
    expect(choices[r.elena!]!.contacts).toEqual([
      { id: ct.elena, name: 'Elena Rus', stakeholderName: 'Universitatea Babeș-Bolyai' },
    ])
    expect(choices[r.elena!]!.stakeholders.map((s) => s.id)).toContain(sh.univ)
    // Maria's contact was erased: it is not offered.
    expect(choices[r.maria!]).toEqual({ contacts: [], stakeholders: [] })
    expect(choices[r.zoe!]!.contacts).toEqual([])
    expect(choices[r.bogdan!]!.stakeholders).toEqual([])
    expect(linkChoices([])).toEqual({})
  })
})

describe("an event's people commands, audited", () => {
  it('adding, updating, linking and removing a registrant each write what they did', () => {
    const id = add(eventId, { name: 'Ioana Nistor', email: 'ioana@example.ro' })
    expect(lastEventAudit(eventId)).toMatchObject({
      action: 'update',
      userId: demo.partner().id,
      summary: 'Consultare publică la Cluj',
      after: { registrationAdded: { id, consent: false, linked: false } },
    })
    tx((t) => linkRegistrant(t, eventId, id, ct.andrei!, demo.partner()))
    expect(lastEventAudit(eventId).after).toEqual({ registrantLinked: { id, contactId: ct.andrei } })
    // A new list naming the registrant again keeps the link (the e-mail matches no contact) and sets attendance.
    tx((t) =>
      updateRegistration(
        t,
        eventId,
        id,
        { ...reg({ name: 'Ioana Nistor', email: 'ioana@example.ro', ...consent }), attended: true },
        demo.partner(),
      ),
    )
    const row = registrantRow(id)!
    expect(row).toMatchObject({
      contactId: ct.andrei,
      attended: true,
      consent: true,
      consentWording: 'Sutinku',
    })
    expect(lastEventAudit(eventId).after).toEqual({ registrationUpdated: { id, consent: true } })
    tx((t) => updateRegistration(t, eventId, id, reg({ name: 'Ioana Nistor' }), demo.partner()))
    expect(registrantRow(id)!.attended).toBe(true)
    tx((t) => removeRegistration(t, eventId, id, demo.partner()))
    expect(registrantRow(id)).toBeUndefined()
    expect(lastEventAudit(eventId).after).toEqual({ registrationRemoved: { id } })
    expect(() => tx((t) => removeRegistration(t, eventId, id, demo.partner()))).toThrow(
      InvalidReferencesError,
    )
    expect(() => tx((t) => removeRegistration(t, otherEventId, r.andrei!, demo.partner()))).toThrow(
      InvalidReferencesError,
    )
    expect(() => tx((t) => linkRegistrant(t, eventId, r.zoe!, ct.erased!, demo.partner()))).toThrow(
      InvalidReferencesError,
    )
    expect(() => tx((t) => addRegistration(t, 999_999, reg({ name: 'X' }), demo.partner()))).toThrow(
      InvalidReferencesError,
    )
  })

  it('attendance is audited with who became present and who absent, and only when something changed', () => {
    const before = lastEventAudit(eventId).id
    tx((t) => setAttendance(t, eventId, [r.andrei!, r.zoe!], [r.andrei!, r.zoe!], demo.partner()))
    expect(lastEventAudit(eventId).id).toBe(before)
    tx((t) => setAttendance(t, eventId, [r.zoe!, r.maria!], [r.maria!], demo.partner()))
    expect(lastEventAudit(eventId).after).toEqual({ attendance: { present: [r.maria], absent: [r.zoe] } })
    expect(tx((t) => setAttendance(t, eventId, [], [], demo.partner()))).toBe(0)
  })

  it('a proposal is refused for a linked registrant or an archived stakeholder, and accepting one creates the contact', () => {
    expect(() => tx((t) => proposeRegistrant(t, eventId, r.andrei!, sh.ngo!, demo.partner()))).toThrow(
      InvalidReferencesError,
    )
    expect(() => tx((t) => proposeRegistrant(t, eventId, r.zoe!, 999_999, demo.partner()))).toThrow(
      InvalidReferencesError,
    )
    expect(() => tx((t) => decideProposal(t, eventId, r.zoe!, true, demo.comms()))).toThrow(
      InvalidReferencesError,
    )
    tx((t) => proposeRegistrant(t, eventId, r.zoe!, sh.ngo!, demo.partner()))
    expect(lastEventAudit(eventId).after).toEqual({
      registrantProposed: { id: r.zoe, stakeholderId: sh.ngo },
    })
    const contactId = tx((t) => decideProposal(t, eventId, r.zoe!, true, demo.comms()))
    expect(lastEventAudit(eventId)).toMatchObject({
      userId: demo.comms().id,
      after: { proposalAccepted: { id: r.zoe, contactId } },
    })
  })

  it('the consultation and satisfaction are saved, summarised and audited', () => {
    tx((t) =>
      saveConsultation(
        t,
        eventId,
        { participantIds: [sh.ngo!, sh.univ!, sh.ngo!], conclusions: 'Mai multe piste de biciclete' },
        demo.partner(),
      ),
    )
    expect(lastEventAudit(eventId).after).toEqual({
      consultation: { participantIds: [sh.ngo, sh.univ], conclusions: 'Mai multe piste de biciclete' },
    })
    const summary = eventPeopleSummary(eventId)
    // By category order (universities before NGOs in the built-in list), then by name.
    expect(summary.participants.map((p) => p.name)).toEqual([
      'Universitatea Babeș-Bolyai',
      'Asociația Vecinilor',
    ])
    expect(summary.participants[0]).toMatchObject({ id: sh.univ, categoryKey: 'university' })
    expect(summary.feedback).toMatchObject({ conclusions: 'Mai multe piste de biciclete' })
    expect(eventPeopleSummary(otherEventId)).toEqual({ participants: [], feedback: null })
    expect(() =>
      tx((t) => saveConsultation(t, eventId, { participantIds: [999_999] }, demo.partner())),
    ).toThrow(InvalidReferencesError)
    tx((t) =>
      saveSatisfaction(t, eventId, { satisfactionResponses: 7, satisfactionAverage: 4.236 }, demo.partner()),
    )
    expect(lastEventAudit(eventId).after).toEqual({
      satisfaction: { satisfactionResponses: 7, satisfactionAverage: 4.24 },
    })
    tx((t) => saveSatisfaction(t, eventId, { satisfactionResponses: 0 }, demo.partner()))
    expect(lastEventAudit(eventId).after).toEqual({
      satisfaction: { satisfactionResponses: null, satisfactionAverage: null },
    })
    tx((t) => saveConsultation(t, eventId, { participantIds: [] }, demo.partner()))
    expect(eventPeopleSummary(eventId).participants).toEqual([])
    expect(eventPeopleSummary(eventId).feedback).toMatchObject({ conclusions: null })
  })
})

describe("events' key figures at their edges", () => {
  const typed = (
    title: string,
    start: string,
    end: string | null,
    registrations: number | null,
    attendance: number | null,
  ) => {
    const id = newEvent(title, { startDate: '2026-11-10' })
    sqlite()
      .prepare(
        `update events set start_date = ?, end_date = ?, registrations = ?, attendance = ? where id = ?`,
      )
      .run(start, end, registrations, attendance, id)
    return id
  }

  it('falls back to the typed figures without registrants, rounds the rate to a tenth, and keeps the order asked', () => {
    const a = typed('Typed figures', '2037-03-10', null, 40, 30)
    const b = typed('No figures', '2037-03-11', null, null, null)
    const c = typed('Registrations only', '2037-03-12', null, 12, null)
    const d = newEvent('Registrants', { startDate: '2026-11-10' })
    for (const name of ['Ana', 'Βασίλης', 'Čeněk']) add(d, { name })
    tx((t) =>
      setAttendance(
        t,
        d,
        listRegistrations(d, {}, { limit: 10, offset: 0 }).rows.map((x) => x.id),
        [],
        demo.partner(),
      ),
    )
    const first = listRegistrations(d, {}, { limit: 10, offset: 0 }).rows[0]!.id
    tx((t) => setAttendance(t, d, [first], [first], demo.partner()))
    sqlite().prepare(`update events set registrations = 99, attendance = 98 where id = ?`).run(d)
    const kpis = eventKpis([d, 999_999, c, b, a])
    expect(kpis.map((k) => k.eventId)).toEqual([d, c, b, a])
    expect(kpis[0]).toMatchObject({
      registrations: 3,
      attended: 1,
      attendanceRate: 33.3,
      stakeholders: 0,
      byCategory: [],
    })
    expect(kpis[1]).toMatchObject({ registrations: 12, attended: null, attendanceRate: null })
    expect(kpis[2]).toMatchObject({
      registrations: null,
      attended: null,
      attendanceRate: null,
      actions: 0,
      outcomes: 0,
    })
    expect(kpis[3]).toMatchObject({ registrations: 40, attended: 30, attendanceRate: 75 })
    expect(eventKpis([])).toEqual([])
  })

  it('lists the live events overlapping a period, by start, each with its figures', () => {
    const before = typed('Ends the day before', '2038-01-20', '2038-01-31', null, null)
    const endsOn = typed('Ends on the first day', '2038-01-25', '2038-02-01', 5, 4)
    const startsOn = typed('Starts on the last day', '2038-02-28', null, null, null)
    const after = typed('Starts the day after', '2038-03-01', null, null, null)
    const archived = typed('Archived', '2038-02-10', null, null, null)
    sqlite().prepare(`update events set archived_at = '2038-01-01T00:00:00.000Z' where id = ?`).run(archived)
    const list = eventKpiList('2038-02-01', '2038-02-28')
    expect(list.map((e) => e.id)).toEqual([endsOn, startsOn])
    expect(list[0]).toMatchObject({
      title: 'Ends on the first day',
      kind: 'consultation',
      startDate: '2038-01-25',
      endDate: '2038-02-01',
      kpis: { eventId: endsOn, registrations: 5, attended: 4, attendanceRate: 80 },
    })
    expect([before, after]).not.toContain(list[1]!.id)
  })
})
