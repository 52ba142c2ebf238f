import { and, eq, isNotNull, sql } from 'drizzle-orm'

import type { DB } from '../client'
import {
  contacts,
  eventFeedback,
  eventParticipants,
  eventRegistrations,
  events,
  stakeholderCategories,
  stakeholders,
} from '../schema'
import type { CoreSeed } from './core'

/*
 * Issue 16, point 3: a first visit shows an event with people. A public consultation in
 * San Sebastián with its registrants (consent recorded, attendance marked, some linked to
 * contacts of the register), who took part by category, its conclusions and satisfaction; and
 * the satisfaction survey of the October webinar.
 */

const registrants: [
  name: string,
  email: string,
  organisation: string,
  consent: boolean,
  attended: boolean,
][] = [
  ['Miren Arrieta', 'miren.arrieta@donostia.example.eus', 'Donostiako Udala', true, true],
  ['Jon Zubizarreta', 'jon.zubizarreta@example.eus', 'Egia auzo elkartea', true, true],
  ['Ainhoa Etxeberria', 'ainhoa@example.eus', 'Tabakalera', true, true],
  ['Gorka Urrutia', 'gorka.urrutia@example.eus', 'Gipuzkoako Foru Aldundia', true, false],
  ['Nerea Iturbe', 'nerea.iturbe@example.eus', 'Mondragon Unibertsitatea', true, true],
  ['Itziar Lasa', 'itziar.lasa@example.eus', 'Egia auzo elkartea', false, true],
  ['Ander Olaizola', 'ander.olaizola@example.eus', 'Fomento de San Sebastián', true, true],
  ['Katarzyna Wójcik', 'k.wojcik@gdansk.example.pl', 'Urząd Miejski w Gdańsku', true, true],
  ['Łukasz Żółkiewski', 'l.zolkiewski@example.pl', 'Fundacja Przestrzeń Wspólna', true, false],
  ['Ioana Căpățână', 'ioana.capatana@example.ro', 'Primăria Cluj-Napoca', true, true],
  ['Νίκος Παπαδόπουλος', 'nikos.papadopoulos@example.gr', 'Δήμος Θεσσαλονίκης', true, true],
  ['Tereza Dvořáková', 'tereza.dvorakova@example.cz', 'Magistrát města Brna', false, false],
  ['Lucía Fernández', 'lucia.fernandez@example.es', 'Universidad de Deusto', true, true],
  ['Pablo Ruiz', 'pablo.ruiz@example.es', 'Asociación de comerciantes de Gros', true, true],
  ['Maialen Goñi', 'maialen.goni@example.eus', 'Kutxa Fundazioa', true, false],
  ['Xabier Aranburu', 'xabier.aranburu@example.eus', '', false, true],
]

function partnerEvent(db: DB, core: CoreSeed) {
  return db
    .insert(events)
    .values({
      kind: 'consultation',
      title: 'Public consultation: a shared plan for the Egia creative district',
      startDate: '2026-11-19',
      place: 'Tabakalera, San Sebastián',
      online: false,
      hostPartnerId: core.partnerIds.get('San Sebastián') ?? null,
      themeId: core.themeIds[0] ?? null,
      description:
        'Neighbours, cultural organisations, businesses and the city council discuss the draft plan for the district, with guests from Gdańsk, Cluj-Napoca and Thessaloniki.',
      crossBorder: true,
      planTargetGroupIds: [],
    })
    .returning({ id: events.id })
    .get().id
}

/** Stakeholders of the register, a few per category, as the consultation's participants. */
function participantsByCategory(db: DB) {
  return db
    .select({ id: stakeholders.id, categoryId: stakeholders.categoryId })
    .from(stakeholders)
    .innerJoin(stakeholderCategories, eq(stakeholderCategories.id, stakeholders.categoryId))
    .where(sql`${stakeholders.archivedAt} is null`)
    .orderBy(stakeholderCategories.sortOrder, stakeholders.id)
    .all()
    .filter((s, i, all) => all.slice(0, i).filter((o) => o.categoryId === s.categoryId).length < 3)
    .slice(0, 12)
}

export function seedPeople(db: DB, core: CoreSeed) {
  const eventId = partnerEvent(db, core)
  const comms = core.userIds.get('comms@demo.ripple') ?? null
  // Two registrants are already contacts of the register (same e-mail): linked, as the form does.
  const known = db
    .select({
      id: contacts.id,
      name: contacts.name,
      email: contacts.email,
      stakeholderId: contacts.stakeholderId,
    })
    .from(contacts)
    .where(and(isNotNull(contacts.email), isNotNull(contacts.stakeholderId)))
    .limit(2)
    .all()
  const rows = [
    ...registrants.map(([name, email, organisation, consent, attended]) => ({
      name,
      email,
      emailKey: email.toLowerCase(),
      organisation: organisation || null,
      consent,
      attended,
      contactId: null as number | null,
    })),
    ...known.map((c) => ({
      name: c.name,
      email: c.email,
      emailKey: c.email!.toLowerCase(),
      organisation: null,
      consent: true,
      attended: true,
      contactId: c.id,
    })),
  ]
  for (const r of rows)
    db.insert(eventRegistrations)
      .values({
        ...r,
        eventId,
        consentAt: r.consent ? '2026-11-05' : null,
        consentWording: r.consent
          ? 'I agree that Cities in Dialogue keeps my name, e-mail and organisation to send me the results of this consultation and invite me to its follow-up (you can ask us to erase them at any time).'
          : null,
        createdBy: comms,
      })
      .run()
  const participants = participantsByCategory(db)
  if (participants.length)
    db.insert(eventParticipants)
      .values(participants.map((p) => ({ eventId, stakeholderId: p.id })))
      .run()
  db.insert(eventFeedback)
    .values({
      eventId,
      conclusions:
        'Participants support a shared plan for Egia with three priorities: ground-floor spaces for creative businesses at affordable rents, a yearly open call for neighbourhood projects, and a public review of the plan every two years. Businesses asked for a single contact point at the city council; guests from Gdańsk and Cluj-Napoca offered to share their co-design methods at the next partner meeting.',
      satisfactionResponses: 14,
      satisfactionAverage: 4.4,
    })
    .run()
  const webinar = db.select({ id: events.id }).from(events).where(eq(events.kind, 'webinar')).get()
  if (webinar)
    db.insert(eventFeedback)
      .values({ eventId: webinar.id, satisfactionResponses: 61, satisfactionAverage: 4.2 })
      .run()
}
