import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { contacts } from '#db/schema'
import { eraseContact } from '~/models/contacts/index.server'
import {
  addRegistration,
  decideProposal,
  linkRegistrant,
  proposeRegistrant,
  removeRegistration,
  setAttendance,
  updateRegistration,
} from '~/models/people/index.server'
import { InvalidReferencesError } from '~/utils/references.server'

import { demo } from '../setup/actors'
import { expectRefused } from '../setup/audit'
import { tx } from '../setup/db'
import { contactOf, expectEventAudit, newEvent, reg, registrantRow } from '../setup/people'
import { insertStakeholder } from '../setup/records'

/*
 * The registrants' commands, one by one: what each writes (the row, column by column), the audit
 * row it leaves on the event (entity, action, who, after), who may run it and who is refused
 * (nothing written then), and the field each refusal names. Every command runs inside a test,
 * none in the setup, so that a broken command fails a test rather than the file's setup.
 */

const TITLE = 'Warsztaty partycypacyjne w Łodzi'
const consent = { consent: 'on', consentAt: '2026-09-20', consentWording: 'Souhlasím se zpracováním údajů' }
let eventId: number
let otherEventId: number
const sh: Record<string, number> = {}
const ct: Record<string, number> = {}

/** The field errors of a command refused for its references. */
function fieldErrorsOf(command: () => unknown) {
  try {
    command()
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidReferencesError)
    return (error as InvalidReferencesError).fieldErrors
  }
  throw new Error('the command was not refused')
}

beforeAll(() => {
  eventId = newEvent(TITLE, { kind: 'policy_clinic' })
  otherEventId = newEvent('Θεσσαλονίκη: εργαστήριο', { kind: 'policy_clinic' })
  sh.brno = insertStakeholder('Statutární město Brno')
  sh.vitoria = insertStakeholder('Gasteizko Udala')
  sh.archived = insertStakeholder('Târgu Mureș (archived)', { archivedAt: '2026-01-01T00:00:00.000Z' })
  ct.cenek = contactOf(sh.brno, 'Čeněk Šťastný', 'cenek@brno.example.cz')
  ct.ane = contactOf(sh.vitoria, 'Ane Etxeberria', 'ane@gasteiz.example.eus')
  ct.erased = contactOf(sh.vitoria, 'Mikel Agirre', 'mikel@gasteiz.example.eus')
})

describe('adding a registrant', () => {
  it('the host partner adds one: every column as typed, the e-mail key in lower case, linked to its contact', () => {
    const partner = demo.partner()
    const input = {
      name: 'Čeněk Šťastný',
      email: 'CENEK@Brno.Example.cz',
      organisation: 'Magistrát',
      ...consent,
    }
    const id = tx((t) => addRegistration(t, eventId, reg(input), partner))
    expect(registrantRow(id)).toMatchObject({
      id,
      eventId,
      name: 'Čeněk Šťastný',
      email: 'CENEK@Brno.Example.cz',
      emailKey: 'cenek@brno.example.cz',
      organisation: 'Magistrát',
      consent: true,
      consentAt: '2026-09-20',
      consentWording: 'Souhlasím se zpracováním údajů',
      contactId: ct.cenek,
      proposedStakeholderId: null,
      attended: false,
      createdBy: partner.id,
      erasedAt: null,
    })
    expect(
      expectEventAudit(eventId, partner, { registrationAdded: { id, consent: true, linked: true } }).summary,
    ).toBe(TITLE)
  })

  it('the comms lead adds one without e-mail or consent: nothing to link, no consent fields kept', () => {
    const comms = demo.comms()
    const input = { name: 'Ioana Mureșan', consentAt: '2026-09-21', consentWording: 'Sunt de acord' }
    const id = tx((t) => addRegistration(t, eventId, reg(input), comms))
    expect(registrantRow(id)).toMatchObject({
      name: 'Ioana Mureșan',
      email: null,
      emailKey: null,
      organisation: null,
      consent: false,
      consentAt: null,
      consentWording: null,
      contactId: null,
      createdBy: comms.id,
    })
    expectEventAudit(eventId, comms, { registrationAdded: { id, consent: false, linked: false } })
  })

  it('another partner and a viewer are refused; an unknown event is named as the faulty field', () => {
    for (const actor of [demo.partner2(), demo.viewer()])
      expectRefused(actor, (by) => tx((t) => addRegistration(t, eventId, reg({ name: 'Łukasz' }), by)))
    expect(
      fieldErrorsOf(() => tx((t) => addRegistration(t, 999_999, reg({ name: 'X' }), demo.comms()))),
    ).toEqual({ eventId: ['common:errors.choose'] })
  })
})

describe('updating a registrant and the attendance', () => {
  it('the comms lead updates one from a new list: details, consent, attendance, and the link to the new e-mail', () => {
    const comms = demo.comms()
    const id = tx((t) =>
      addRegistration(t, eventId, reg({ name: 'Ane E.', email: 'ane@old.example.eus' }), comms),
    )
    expect(registrantRow(id)!.contactId).toBeNull()
    const input = {
      ...reg({ name: 'Ane Etxeberria', email: 'ANE@gasteiz.example.eus', ...consent }),
      attended: true,
    }
    tx((t) => updateRegistration(t, eventId, id, input, comms))
    expect(registrantRow(id)).toMatchObject({
      name: 'Ane Etxeberria',
      emailKey: 'ane@gasteiz.example.eus',
      consent: true,
      consentAt: '2026-09-20',
      attended: true,
      contactId: ct.ane,
    })
    expectEventAudit(eventId, comms, { registrationUpdated: { id, consent: true } })
  })

  it('another partner and a viewer may not update; a registrant of another event is named as the faulty field', () => {
    const id = tx((t) => addRegistration(t, otherEventId, reg({ name: 'Γιώργος' }), demo.partner()))
    for (const actor of [demo.partner2(), demo.viewer()])
      expectRefused(actor, (by) => tx((t) => updateRegistration(t, otherEventId, id, reg({ name: 'Y' }), by)))
    expect(registrantRow(id)!.name).toBe('Γιώργος')
    expect(
      fieldErrorsOf(() => tx((t) => updateRegistration(t, eventId, id, reg({ name: 'Y' }), demo.partner()))),
    ).toEqual({ registrationId: ['common:errors.choose'] })
  })

  it('the host partner ticks who came; a viewer may not', () => {
    const partner = demo.partner()
    const a = tx((t) => addRegistration(t, otherEventId, reg({ name: 'Αλέξανδρος' }), partner))
    const b = tx((t) => addRegistration(t, otherEventId, reg({ name: 'Βασιλική' }), partner))
    expect(tx((t) => setAttendance(t, otherEventId, [a, b], [a], partner))).toBe(1)
    expect([registrantRow(a)!.attended, registrantRow(b)!.attended]).toEqual([true, false])
    expectEventAudit(otherEventId, partner, { attendance: { present: [a], absent: [] } })
    expect(tx((t) => setAttendance(t, otherEventId, [a, b], [b], partner))).toBe(2)
    expect([registrantRow(a)!.attended, registrantRow(b)!.attended]).toEqual([false, true])
    expectEventAudit(otherEventId, partner, { attendance: { present: [b], absent: [a] } })
    expectRefused(demo.viewer(), (by) => tx((t) => setAttendance(t, otherEventId, [a, b], [a, b], by)))
    expect([registrantRow(a)!.attended, registrantRow(b)!.attended]).toEqual([false, true])
  })
})

describe('linking and proposing a registrant', () => {
  it('the host partner links one to a contact, which drops a pending proposal; an erased contact is refused', () => {
    const partner = demo.partner()
    const id = tx((t) => addRegistration(t, eventId, reg({ name: 'Čeněk Š.' }), partner))
    tx((t) => proposeRegistrant(t, eventId, id, sh.brno!, partner))
    tx((t) => linkRegistrant(t, eventId, id, ct.cenek!, partner))
    expect(registrantRow(id)).toMatchObject({ contactId: ct.cenek, proposedStakeholderId: null })
    expectEventAudit(eventId, partner, { registrantLinked: { id, contactId: ct.cenek } })
    // The erasure blanks registrants too (people commands): done here, not in the setup.
    tx((t) => eraseContact(t, ct.erased!, demo.comms()))
    const other = tx((t) => addRegistration(t, eventId, reg({ name: 'Mikel A.' }), partner))
    expect(fieldErrorsOf(() => tx((t) => linkRegistrant(t, eventId, other, ct.erased!, partner)))).toEqual({
      contactId: ['common:errors.choose'],
    })
    expectRefused(demo.partner2(), (by) => tx((t) => linkRegistrant(t, eventId, other, ct.ane!, by)))
    expect(registrantRow(other)!.contactId).toBeNull()
  })

  it('the host partner proposes one as a contact of a stakeholder; a viewer may not', () => {
    const partner = demo.partner()
    const id = tx((t) => addRegistration(t, eventId, reg({ name: 'Aitor Etxeberria' }), partner))
    expectRefused(demo.viewer(), (by) => tx((t) => proposeRegistrant(t, eventId, id, sh.vitoria!, by)))
    tx((t) => proposeRegistrant(t, eventId, id, sh.vitoria!, partner))
    expect(registrantRow(id)!.proposedStakeholderId).toBe(sh.vitoria)
    expectEventAudit(eventId, partner, { registrantProposed: { id, stakeholderId: sh.vitoria } })
  })

  it('refuses a proposal of a linked registrant, or to an archived stakeholder, naming the field', () => {
    const partner = demo.partner()
    const linked = tx((t) =>
      addRegistration(t, eventId, reg({ name: 'Ane', email: 'ane@gasteiz.example.eus' }), partner),
    )
    expect(
      fieldErrorsOf(() => tx((t) => proposeRegistrant(t, eventId, linked, sh.vitoria!, partner))),
    ).toEqual({
      registrationId: ['people:errors.alreadyLinked'],
    })
    const open = tx((t) => addRegistration(t, eventId, reg({ name: 'Ion Popescu' }), partner))
    expect(
      fieldErrorsOf(() => tx((t) => proposeRegistrant(t, eventId, open, sh.archived!, partner))),
    ).toEqual({
      stakeholderId: ['common:errors.choose'],
    })
    expect(registrantRow(open)!.proposedStakeholderId).toBeNull()
  })
})

describe('deciding a proposal', () => {
  const propose = (v: Record<string, string>, stakeholderId: number) => {
    const id = tx((t) => addRegistration(t, eventId, reg(v), demo.partner()))
    tx((t) => proposeRegistrant(t, eventId, id, stakeholderId, demo.partner()))
    return id
  }
  const contactRow = (id: number) => db.select().from(contacts).where(eq(contacts.id, id)).get()

  it('the comms lead accepts one who consented: a contact on consent, with its day and wording', () => {
    const id = propose({ name: 'Gorka Urrutia', email: 'Gorka@Gasteiz.example.eus', ...consent }, sh.vitoria!)
    expectRefused(demo.partner(), (by) => tx((t) => decideProposal(t, eventId, id, true, by)))
    const contactId = tx((t) => decideProposal(t, eventId, id, true, demo.comms()))!
    expect(contactRow(contactId)).toMatchObject({
      stakeholderId: sh.vitoria,
      name: 'Gorka Urrutia',
      email: 'Gorka@Gasteiz.example.eus',
      emailKey: 'gorka@gasteiz.example.eus',
      languages: [],
      lawfulBasis: 'consent',
      basisObtainedAt: '2026-09-20',
      basisSource: 'Souhlasím se zpracováním údajů',
      doNotContact: false,
    })
    expect(registrantRow(id)).toMatchObject({ contactId, proposedStakeholderId: null })
    expectEventAudit(eventId, demo.comms(), { proposalAccepted: { id, contactId } })
  })

  it('one who did not consent becomes a contact on legitimate interest, without consent details', () => {
    const id = propose({ name: 'Ștefan Pop', email: 'stefan@targu.example.ro' }, sh.brno!)
    const contactId = tx((t) => decideProposal(t, eventId, id, true, demo.admin()))!
    expect(contactRow(contactId)).toMatchObject({
      name: 'Ștefan Pop',
      email: 'stefan@targu.example.ro',
      lawfulBasis: 'legitimate_interest',
      basisObtainedAt: null,
      basisSource: null,
      doNotContact: false,
    })
    expectEventAudit(eventId, demo.admin(), { proposalAccepted: { id, contactId } })
  })

  it('declining leaves the registrant unlinked and not proposed; one not proposed is named as the faulty field', () => {
    const id = propose({ name: 'Jiří Dvořák' }, sh.brno!)
    expect(tx((t) => decideProposal(t, eventId, id, false, demo.comms()))).toBeNull()
    expect(registrantRow(id)).toMatchObject({ contactId: null, proposedStakeholderId: null })
    expectEventAudit(eventId, demo.comms(), { proposalDeclined: { id, contactId: null } })
    expect(fieldErrorsOf(() => tx((t) => decideProposal(t, eventId, id, true, demo.comms())))).toEqual({
      registrationId: ['common:errors.choose'],
    })
  })
})

describe('removing a registrant', () => {
  it('the comms lead removes one; another partner may not', () => {
    const id = tx((t) => addRegistration(t, eventId, reg({ name: 'Łucja Wąs' }), demo.partner()))
    expectRefused(demo.partner2(), (by) => tx((t) => removeRegistration(t, eventId, id, by)))
    expect(registrantRow(id)!.name).toBe('Łucja Wąs')
    tx((t) => removeRegistration(t, eventId, id, demo.comms()))
    expect(registrantRow(id)).toBeUndefined()
    expectEventAudit(eventId, demo.comms(), { registrationRemoved: { id } })
  })
})
