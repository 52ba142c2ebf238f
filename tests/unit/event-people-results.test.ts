import { eq } from 'drizzle-orm'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { db } from '#db/client'
import { eventFeedback } from '#db/schema'
import {
  addRegistration,
  eventKpis,
  eventPeopleSummary,
  linkChoices,
  listRegistrations,
  purgeExpiredRegistrants,
  saveConsultation,
  saveSatisfaction,
} from '~/models/people/index.server'
import { InvalidReferencesError } from '~/utils/references.server'

import { demo } from '../setup/actors'
import { expectRefused } from '../setup/audit'
import { tx } from '../setup/db'
import { contactOf, expectEventAudit, newEvent, reg, registrantRow } from '../setup/people'
import { categoryId, insertStakeholder } from '../setup/records'

/*
 * An event's results (consultation, satisfaction) as commands, the retention of registrants
 * without consent, the key figures of several events read together, and the contacts offered to
 * a registrant by e-mail alone. Commands run inside the tests, never in the setup.
 */

const feedbackOf = (event: number) =>
  db.select().from(eventFeedback).where(eq(eventFeedback.eventId, event)).get()
const sh: Record<string, number> = {}
const cat: Record<string, number> = {}

beforeAll(() => {
  cat.city = categoryId('local_authority')
  cat.ngo = categoryId('ngo')
  sh.lodz = insertStakeholder('Urząd Miasta Łodzi', { categoryId: cat.city })
  sh.brno = insertStakeholder('Statutární město Brno', { categoryId: cat.city })
  sh.ngo = insertStakeholder('Asociația Vecinilor din Târgu Mureș', { categoryId: cat.ngo })
})

afterEach(() => {
  vi.useRealTimers()
})

describe('the consultation and the satisfaction, as commands', () => {
  it('the host partner saves who took part; another partner may not; an unknown stakeholder is named', () => {
    const event = newEvent('Konsultacje w Łodzi')
    const partner = demo.partner()
    tx((t) =>
      saveConsultation(t, event, { participantIds: [sh.lodz!], conclusions: 'Więcej zieleni' }, partner),
    )
    expectEventAudit(event, partner, {
      consultation: { participantIds: [sh.lodz], conclusions: 'Więcej zieleni' },
    })
    expectRefused(demo.partner2(), (by) => tx((t) => saveConsultation(t, event, { participantIds: [] }, by)))
    let refusal: unknown
    try {
      tx((t) => saveConsultation(t, event, { participantIds: [sh.brno!, 999_999] }, partner))
    } catch (error) {
      refusal = error
    }
    expect(refusal).toBeInstanceOf(InvalidReferencesError)
    expect((refusal as InvalidReferencesError).fieldErrors).toEqual({
      participantIds: ['common:errors.choose'],
    })
    expect(eventPeopleSummary(event).participants.map((p) => p.id)).toEqual([sh.lodz])
  })

  it('the comms lead saves the satisfaction, rounded to a hundredth; a viewer may not; none is stored as none', () => {
    const event = newEvent('Εργαστήριο στη Θεσσαλονίκη')
    const comms = demo.comms()
    tx((t) => saveSatisfaction(t, event, { satisfactionResponses: 9, satisfactionAverage: 3.456 }, comms))
    expect(feedbackOf(event)).toMatchObject({ satisfactionResponses: 9, satisfactionAverage: 3.46 })
    expectEventAudit(event, comms, { satisfaction: { satisfactionResponses: 9, satisfactionAverage: 3.46 } })
    expectRefused(demo.viewer(), (by) =>
      tx((t) => saveSatisfaction(t, event, { satisfactionResponses: 1, satisfactionAverage: 1 }, by)),
    )
    tx((t) => saveSatisfaction(t, event, {}, comms))
    expect(feedbackOf(event)).toMatchObject({ satisfactionResponses: null, satisfactionAverage: null })
    expectEventAudit(event, comms, {
      satisfaction: { satisfactionResponses: null, satisfactionAverage: null },
    })
  })
})

describe('registrants without consent, after the event', () => {
  it('are blanked 30 days after it, today by default, with the time of the blanking', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-19T09:15:00.000Z'))
    const event = newEvent('Tailerra Gasteizen', { startDate: '2026-10-20' })
    tx((t) => purgeExpiredRegistrants(t))
    const partner = demo.partner()
    const add = (v: Record<string, string>) => tx((t) => addRegistration(t, event, reg(v), partner))
    const without = add({ name: 'Mikel Agirre', email: 'mikel@example.eus', organisation: 'Gasteizko Udala' })
    const consented = add({
      name: 'Ane Etxeberria',
      consent: 'on',
      consentAt: '2026-10-01',
      consentWording: 'Bai',
    })
    // 30 days after the event: still kept; the next day, blanked.
    expect(tx((t) => purgeExpiredRegistrants(t))).toBe(0)
    vi.setSystemTime(new Date('2026-11-20T09:15:00.000Z'))
    expect(tx((t) => purgeExpiredRegistrants(t))).toBe(1)
    expect(registrantRow(without)).toMatchObject({
      name: 'Erased registrant',
      email: null,
      emailKey: null,
      organisation: null,
      consentWording: null,
      erasedAt: '2026-11-20T09:15:00.000Z',
      updatedAt: '2026-11-20T09:15:00.000Z',
    })
    expect(registrantRow(consented)).toMatchObject({ name: 'Ane Etxeberria', erasedAt: null })
    expect(tx((t) => purgeExpiredRegistrants(t))).toBe(0)
  })
})

describe('the key figures of several events read together', () => {
  it('give each event the stakeholders it reached, by category, and no other event’s', () => {
    const partner = demo.partner()
    const first = newEvent('Spotkanie w Łodzi')
    const second = newEvent('Setkání v Brně')
    tx((t) => saveConsultation(t, first, { participantIds: [sh.lodz!, sh.brno!] }, partner))
    tx((t) => saveConsultation(t, second, { participantIds: [sh.ngo!] }, partner))
    const [a, b] = eventKpis([first, second])
    expect(a!.byCategory).toEqual([
      { categoryId: cat.city, key: 'local_authority', name: expect.any(String), count: 2 },
    ])
    expect(a!.stakeholders).toBe(2)
    expect(b!.byCategory).toEqual([{ categoryId: cat.ngo, key: 'ngo', name: expect.any(String), count: 1 }])
    expect(b!.stakeholders).toBe(1)
  })
})

describe('the contacts a registrant may be, by e-mail', () => {
  it('offers the contact with the same e-mail in any case, though its name is spelt in another script', () => {
    const event = newEvent('Webinar: Θεσσαλονίκη')
    const partner = demo.partner()
    const add = (v: Record<string, string>) => tx((t) => addRegistration(t, event, reg(v), partner))
    // Registered before the contact was entered: not linked. Its Latin name is not the contact's
    // Greek one, nor found in the contact's search text: only the e-mail finds it.
    const byEmail = add({ name: 'Giorgos Papadopoulos', email: 'G.Papadopoulos@Example.GR' })
    const noEmail = add({ name: 'Kostas Nikolaidis' })
    const contact = contactOf(sh.lodz!, 'Γιώργος Παπαδόπουλος', 'g.papadopoulos@example.gr')
    const choices = linkChoices(listRegistrations(event, {}, { limit: 10, offset: 0 }).rows)
    expect(choices[byEmail]!.contacts).toEqual([
      { id: contact, name: 'Γιώργος Παπαδόπουλος', stakeholderName: 'Urząd Miasta Łodzi' },
    ])
    expect(choices[noEmail]!.contacts).toEqual([])
  })
})
