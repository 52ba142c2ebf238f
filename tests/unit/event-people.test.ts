import { beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { actionTypes, stakeholderCategories, stakeholders } from '#db/schema'
import { createAction, setActionStatus } from '~/models/actions/index.server'
import { eraseContact } from '~/models/contacts/index.server'
import {
  addRegistration,
  decideProposal,
  ERASED_REGISTRANT,
  eventKpis,
  linkRegistrant,
  listRegistrations,
  proposeRegistrant,
  purgeExpiredRegistrants,
  registrationFilterSchema,
  saveConsultation,
  saveSatisfaction,
  setAttendance,
} from '~/models/people/index.server'
import { ForbiddenError } from '~/utils/permissions'

import { demo } from '../setup/actors'
import { tx } from '../setup/db'
import { contactOf, newEvent, reg, registrantRow } from '../setup/people'

/*
 * Issue 16, point 3: an event's people and key figures, against a fixture counted by hand.
 *
 * Stakeholders: Alfa and Beta (category 1), Gamma, Delta and Epsilon (category 2), Zeta (category 1).
 * - a validated action names Alfa and Beta, a submitted one Alfa and Gamma: 2 actions;
 * - the consultation's participants are Beta and Delta;
 * - four registrants: Ewa (linked to Epsilon's contact, present), Γιώργος (present, not linked),
 *   Jiří (absent), Ioana (linked to Zeta's contact, absent).
 * Registrations 4, attended 2, rate 50 %. Reached: Alfa, Beta, Gamma, Delta, Epsilon = 5 distinct
 * (Zeta's registrant did not come); category 1: Alfa, Beta = 2; category 2: Gamma, Delta, Epsilon = 3.
 */

let eventId: number
let cat1: number
let cat2: number
const sh: Record<string, number> = {}
const regs: Record<string, number> = {}

function stakeholder(name: string, categoryId: number) {
  return db
    .insert(stakeholders)
    .values({ name, categoryId, nameKey: name.toLowerCase(), searchText: name.toLowerCase() })
    .returning({ id: stakeholders.id })
    .get().id
}

beforeAll(() => {
  const partner = demo.partner()
  const cats = db.select({ id: stakeholderCategories.id }).from(stakeholderCategories).limit(2).all()
  cat1 = cats[0]!.id
  cat2 = cats[1]!.id
  for (const [name, c] of [
    ['Alfa Fixture', cat1],
    ['Beta Fixture', cat1],
    ['Gamma Fixture', cat2],
    ['Delta Fixture', cat2],
    ['Epsilon Fixture', cat2],
    ['Zeta Fixture', cat1],
  ] as const)
    sh[name.split(' ')[0]!] = stakeholder(name, c)
  eventId = newEvent('Konsultacja społeczna w Gdańsku', { startDate: '2026-10-01' })
  const typeId = db.select({ id: actionTypes.id }).from(actionTypes).limit(1).get()!.id
  const comms = demo.comms()
  tx((t) => {
    const base = { partnerId: partner.partnerId!, typeId, eventId, date: '2026-10-01' }
    const a = createAction(t, { ...base, title: 'Validated', stakeholderIds: [sh.Alfa!, sh.Beta!] }, comms)
    setActionStatus(t, a, 'validated', comms)
    createAction(t, { ...base, title: 'Submitted', stakeholderIds: [sh.Alfa!, sh.Gamma!] }, comms)
  })
  const epsilonContact = contactOf(sh.Epsilon!, 'Ewa Łukasiewicz', 'ewa@gdansk.example.pl')
  const zetaContact = contactOf(sh.Zeta!, 'Ioana Țăranu', 'ioana@example.ro')
  const add = (name: string, email: string, consent = true) =>
    tx((t) =>
      addRegistration(
        t,
        eventId,
        reg({
          name,
          email,
          consent: consent ? 'on' : '',
          consentAt: consent ? '2026-09-20' : '',
          consentWording: consent ? 'Zgadzam się na przetwarzanie danych' : '',
        }),
        partner,
      ),
    )
  regs.ewa = add('Ewa Łukasiewicz', 'EWA@gdansk.example.pl')
  regs.giorgos = add('Γιώργος Παπαδόπουλος', 'giorgos@example.gr')
  regs.jiri = add('Jiří Dvořák', 'jiri@example.cz', false)
  regs.ioana = add('Ioana Țăranu', 'other@example.ro')
  tx((t) => linkRegistrant(t, eventId, regs.ioana!, zetaContact, partner))
  tx((t) => setAttendance(t, eventId, Object.values(regs), [regs.ewa!, regs.giorgos!], partner))
  tx((t) =>
    saveConsultation(
      t,
      eventId,
      { participantIds: [sh.Beta!, sh.Delta!], conclusions: 'Więcej zieleni' },
      partner,
    ),
  )
  tx((t) => saveSatisfaction(t, eventId, { satisfactionResponses: 12, satisfactionAverage: 4.25 }, partner))
  expect(epsilonContact).toBeGreaterThan(0)
})

describe('an event’s key figures (hand-counted)', () => {
  it('counts registrations, attendance, actions and satisfaction', () => {
    const [k] = eventKpis([eventId])
    expect(k).toMatchObject({
      registrations: 4,
      attended: 2,
      attendanceRate: 50,
      actions: 2,
      satisfactionResponses: 12,
      satisfactionAverage: 4.25,
    })
  })

  it('finds registrants by name or e-mail, without case or accents in any script', () => {
    const found = (q: string) =>
      listRegistrations(eventId, registrationFilterSchema.parse({ q }), { limit: 50, offset: 0 }).rows.map(
        (r) => r.name,
      )
    expect(found('ΓΙΏΡΓΟΣ')).toEqual(['Γιώργος Παπαδόπουλος'])
    expect(found('lukasiewicz')).toEqual(['Ewa Łukasiewicz'])
    expect(found('EWA@GDANSK')).toEqual(['Ewa Łukasiewicz'])
    expect(found('taranu')).toEqual(['Ioana Țăranu'])
    expect(found('%')).toEqual([])
  })

  it('counts each stakeholder reached once, by category', () => {
    const [k] = eventKpis([eventId])
    expect(k!.stakeholders).toBe(5)
    const byCat = Object.fromEntries(k!.byCategory.map((c) => [c.categoryId, c.count]))
    expect(byCat).toEqual({ [cat1]: 2, [cat2]: 3 })
  })

  it('links a registrant to the contact with the same e-mail, whatever its case', () => {
    const row = registrantRow(regs.ewa!)!
    expect(row.contactId).not.toBeNull()
  })

  it('unticking a listed registrant marks them absent; one not listed is left alone', () => {
    tx((t) => setAttendance(t, eventId, [regs.giorgos!], [], demo.partner()))
    expect(eventKpis([eventId])[0]!.attended).toBe(1)
    tx((t) => setAttendance(t, eventId, [regs.giorgos!], [regs.giorgos!], demo.partner()))
    expect(eventKpis([eventId])[0]!.attended).toBe(2)
  })
})

describe('who may manage an event’s people', () => {
  it('another partner and a viewer may not add registrants or record results', () => {
    for (const actor of [demo.partner2(), demo.viewer()]) {
      expect(() => tx((t) => addRegistration(t, eventId, reg({ name: 'X' }), actor))).toThrow(ForbiddenError)
      expect(() =>
        tx((t) => saveSatisfaction(t, eventId, { satisfactionResponses: 1, satisfactionAverage: 1 }, actor)),
      ).toThrow(ForbiddenError)
    }
  })

  it('a partner proposes a registrant as a contact; only the comms lead accepts', () => {
    tx((t) => proposeRegistrant(t, eventId, regs.giorgos!, sh.Delta!, demo.partner()))
    expect(() => tx((t) => decideProposal(t, eventId, regs.giorgos!, true, demo.partner()))).toThrow(
      ForbiddenError,
    )
    const contactId = tx((t) => decideProposal(t, eventId, regs.giorgos!, true, demo.comms()))
    const row = registrantRow(regs.giorgos!)!
    expect(row.contactId).toBe(contactId)
    expect(row.proposedStakeholderId).toBeNull()
    // Giorgos came, and is now a contact of Delta, already reached: still 5.
    expect(eventKpis([eventId])[0]!.stakeholders).toBe(5)
  })
})

describe('personal data of registrants', () => {
  it('blanks registrants without consent 30 days after the event, and only them', () => {
    expect(tx((t) => purgeExpiredRegistrants(t, '2026-10-31'))).toBe(0)
    expect(tx((t) => purgeExpiredRegistrants(t, '2026-11-01'))).toBeGreaterThanOrEqual(1)
    const jiri = registrantRow(regs.jiri!)!
    expect(jiri).toMatchObject({ name: ERASED_REGISTRANT, email: null, emailKey: null })
    const ewa = registrantRow(regs.ewa!)!
    expect(ewa.name).toBe('Ewa Łukasiewicz')
    // The counts stay.
    expect(eventKpis([eventId])[0]!.registrations).toBe(4)
  })

  it('an erasure request covers the person’s registrations', () => {
    const ewa = registrantRow(regs.ewa!)!
    tx((t) => eraseContact(t, ewa.contactId!, demo.comms()))
    const after = registrantRow(regs.ewa!)!
    expect(after).toMatchObject({ name: ERASED_REGISTRANT, email: null, consentWording: null })
  })
})
