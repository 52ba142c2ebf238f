import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm'

import { type Tx } from '#db/client'
import {
  contacts,
  eventFeedback,
  eventParticipants,
  eventRegistrations,
  events,
  stakeholders,
} from '#db/schema'
import { recordAudit } from '~/models/audit/index.server'
import { createContact } from '~/models/contacts/index.server'
import { type Actor } from '~/utils/permissions'
import { CHOOSE, InvalidReferencesError } from '~/utils/references.server'

import {
  assertCanAcceptProposedContacts,
  assertCanManageRegistrations,
  assertCanRecordEventResults,
} from './policy'
import { type ConsultationInput, type RegistrationInput, type SatisfactionInput } from './schemas'

/*
 * The writes of an event's people. Each takes the acting user and checks its policy itself
 * (ForbiddenError). The audit rows name the event and the registration's id, never the person:
 * an erasure then has nothing to scrub there. Call inside a transaction.
 */

export const ERASED_REGISTRANT = 'Erased registrant'
/** Days after an event's end that registrants without consent are kept (attendance lists, certificates). */
export const RETENTION_DAYS = 30

const emailKeyOf = (email: string | null | undefined) => (email ? email.trim().toLowerCase() : null)
const now = () => new Date().toISOString()

function eventOf(tx: Tx, eventId: number) {
  const event = tx
    .select({ id: events.id, title: events.title, hostPartnerId: events.hostPartnerId })
    .from(events)
    .where(eq(events.id, eventId))
    .get()
  if (!event) throw new InvalidReferencesError({ eventId: CHOOSE })
  return event
}

function registrationOf(tx: Tx, eventId: number, registrationId: number) {
  const row = tx
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.id, registrationId), eq(eventRegistrations.eventId, eventId)))
    .get()
  if (!row || row.erasedAt) throw new InvalidReferencesError({ registrationId: CHOOSE })
  return row
}

function audit(tx: Tx, by: Actor | null, event: { id: number; title: string }, what: string, after: object) {
  recordAudit(tx, {
    userId: by?.id ?? null,
    entity: 'event',
    entityId: event.id,
    action: 'update',
    after: { [what]: after },
    summary: event.title,
  })
}

/** The columns of a registrant; the e-mail key finds the matching contact, which is linked at once. */
export function registrationColumns(tx: Tx, input: RegistrationInput) {
  const emailKey = emailKeyOf(input.email)
  const match = emailKey
    ? tx
        .select({ id: contacts.id })
        .from(contacts)
        .where(and(eq(contacts.emailKey, emailKey), isNull(contacts.erasedAt), isNull(contacts.archivedAt)))
        .get()
    : undefined
  return {
    name: input.name,
    email: input.email ?? null,
    emailKey,
    organisation: input.organisation ?? null,
    consent: input.consent,
    consentAt: input.consent ? (input.consentAt ?? null) : null,
    consentWording: input.consent ? (input.consentWording ?? null) : null,
    contactId: match?.id ?? null,
  }
}

/** Adds a registrant by hand (linked to the contact with the same e-mail, if any). */
export function addRegistration(tx: Tx, eventId: number, input: RegistrationInput, by: Actor) {
  const event = eventOf(tx, eventId)
  assertCanManageRegistrations(by, event)
  const row = tx
    .insert(eventRegistrations)
    .values({ ...registrationColumns(tx, input), eventId, createdBy: by.id })
    .returning({ id: eventRegistrations.id, contactId: eventRegistrations.contactId })
    .get()
  audit(tx, by, event, 'registrationAdded', { id: row.id, consent: input.consent, linked: !!row.contactId })
  return row.id
}

/**
 * Updates a registrant from a new list (an import naming the same e-mail again): the details,
 * the consent and, when given, the attendance. A link to a contact stays unless the e-mail now
 * matches another contact.
 */
export function updateRegistration(
  tx: Tx,
  eventId: number,
  registrationId: number,
  input: RegistrationInput & { attended?: boolean },
  by: Actor,
) {
  const event = eventOf(tx, eventId)
  assertCanManageRegistrations(by, event)
  const before = registrationOf(tx, eventId, registrationId)
  const columns = registrationColumns(tx, input)
  tx.update(eventRegistrations)
    .set({
      ...columns,
      contactId: columns.contactId ?? before.contactId,
      ...(input.attended === undefined ? {} : { attended: input.attended }),
      updatedAt: now(),
    })
    .where(eq(eventRegistrations.id, registrationId))
    .run()
  audit(tx, by, event, 'registrationUpdated', { id: registrationId, consent: input.consent })
}

/** Ticks the attended ones among the registrants listed (`shown`); the others listed are absent. */
export function setAttendance(tx: Tx, eventId: number, shown: number[], attended: number[], by: Actor) {
  const event = eventOf(tx, eventId)
  assertCanManageRegistrations(by, event)
  const present = new Set(attended)
  const rows = shown.length
    ? tx
        .select({ id: eventRegistrations.id, attended: eventRegistrations.attended })
        .from(eventRegistrations)
        .where(and(eq(eventRegistrations.eventId, eventId), inArray(eventRegistrations.id, shown)))
        .all()
    : []
  const changed = rows.filter((r) => r.attended !== present.has(r.id))
  for (const r of changed)
    tx.update(eventRegistrations)
      .set({ attended: !r.attended, updatedAt: now() })
      .where(eq(eventRegistrations.id, r.id))
      .run()
  if (changed.length)
    audit(tx, by, event, 'attendance', {
      present: changed.filter((r) => !r.attended).map((r) => r.id),
      absent: changed.filter((r) => r.attended).map((r) => r.id),
    })
  return changed.length
}

/** Links a registrant to an existing contact of the register. */
export function linkRegistrant(
  tx: Tx,
  eventId: number,
  registrationId: number,
  contactId: number,
  by: Actor,
) {
  const event = eventOf(tx, eventId)
  assertCanManageRegistrations(by, event)
  registrationOf(tx, eventId, registrationId)
  const contact = tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.id, contactId), isNull(contacts.erasedAt)))
    .get()
  if (!contact) throw new InvalidReferencesError({ contactId: CHOOSE })
  tx.update(eventRegistrations)
    .set({ contactId, proposedStakeholderId: null, updatedAt: now() })
    .where(eq(eventRegistrations.id, registrationId))
    .run()
  audit(tx, by, event, 'registrantLinked', { id: registrationId, contactId })
}

/** Proposes a registrant as a new contact of a stakeholder; the comms lead accepts or declines. */
export function proposeRegistrant(
  tx: Tx,
  eventId: number,
  registrationId: number,
  stakeholderId: number,
  by: Actor,
) {
  const event = eventOf(tx, eventId)
  assertCanManageRegistrations(by, event)
  const row = registrationOf(tx, eventId, registrationId)
  if (row.contactId) throw new InvalidReferencesError({ registrationId: ['people:errors.alreadyLinked'] })
  const stakeholder = tx
    .select({ id: stakeholders.id })
    .from(stakeholders)
    .where(and(eq(stakeholders.id, stakeholderId), isNull(stakeholders.archivedAt)))
    .get()
  if (!stakeholder) throw new InvalidReferencesError({ stakeholderId: CHOOSE })
  tx.update(eventRegistrations)
    .set({ proposedStakeholderId: stakeholderId, updatedAt: now() })
    .where(eq(eventRegistrations.id, registrationId))
    .run()
  audit(tx, by, event, 'registrantProposed', { id: registrationId, stakeholderId })
}

/**
 * The comms lead accepts a proposed registrant: a contact of the stakeholder is created (lawful
 * basis consent when they gave it, legitimate interest otherwise) and linked; or declines it.
 */
export function decideProposal(tx: Tx, eventId: number, registrationId: number, accept: boolean, by: Actor) {
  assertCanAcceptProposedContacts(by)
  const event = eventOf(tx, eventId)
  const row = registrationOf(tx, eventId, registrationId)
  if (!row.proposedStakeholderId) throw new InvalidReferencesError({ registrationId: CHOOSE })
  const contactId = accept
    ? createContact(
        tx,
        row.proposedStakeholderId,
        {
          name: row.name,
          email: row.email ?? undefined,
          languages: [],
          lawfulBasis: row.consent ? 'consent' : 'legitimate_interest',
          basisObtainedAt: row.consentAt ?? undefined,
          basisSource: row.consent ? (row.consentWording ?? undefined) : undefined,
          doNotContact: false,
        },
        by,
      )
    : null
  tx.update(eventRegistrations)
    .set({ contactId, proposedStakeholderId: null, updatedAt: now() })
    .where(eq(eventRegistrations.id, registrationId))
    .run()
  audit(tx, by, event, accept ? 'proposalAccepted' : 'proposalDeclined', { id: registrationId, contactId })
  return contactId
}

/** Removes a registrant altogether (registered by mistake, or asked to be removed). */
export function removeRegistration(tx: Tx, eventId: number, registrationId: number, by: Actor) {
  const event = eventOf(tx, eventId)
  assertCanManageRegistrations(by, event)
  registrationOf(tx, eventId, registrationId)
  tx.delete(eventRegistrations).where(eq(eventRegistrations.id, registrationId)).run()
  audit(tx, by, event, 'registrationRemoved', { id: registrationId })
}

/** Who took part in a consultation (stakeholders) and what came out of it. */
export function saveConsultation(tx: Tx, eventId: number, input: ConsultationInput, by: Actor) {
  const event = eventOf(tx, eventId)
  assertCanRecordEventResults(by, event)
  const wanted = [...new Set(input.participantIds)]
  const found = wanted.length
    ? tx.select({ id: stakeholders.id }).from(stakeholders).where(inArray(stakeholders.id, wanted)).all()
    : []
  if (found.length !== wanted.length) throw new InvalidReferencesError({ participantIds: CHOOSE })
  tx.delete(eventParticipants).where(eq(eventParticipants.eventId, eventId)).run()
  if (wanted.length)
    tx.insert(eventParticipants)
      .values(wanted.map((stakeholderId) => ({ eventId, stakeholderId })))
      .run()
  const conclusions = input.conclusions ?? null
  tx.insert(eventFeedback)
    .values({ eventId, conclusions })
    .onConflictDoUpdate({ target: eventFeedback.eventId, set: { conclusions, updatedAt: now() } })
    .run()
  audit(tx, by, event, 'consultation', { participantIds: wanted, conclusions })
}

/** The event's satisfaction result: number of responses and average score (1-5). */
export function saveSatisfaction(tx: Tx, eventId: number, input: SatisfactionInput, by: Actor) {
  const event = eventOf(tx, eventId)
  assertCanRecordEventResults(by, event)
  const set = {
    satisfactionResponses: input.satisfactionResponses || null,
    satisfactionAverage:
      input.satisfactionAverage === undefined ? null : Math.round(input.satisfactionAverage * 100) / 100,
  }
  tx.insert(eventFeedback)
    .values({ eventId, ...set })
    .onConflictDoUpdate({ target: eventFeedback.eventId, set: { ...set, updatedAt: now() } })
    .run()
  audit(tx, by, event, 'satisfaction', set)
}

const blanked = () => ({
  name: ERASED_REGISTRANT,
  email: null,
  emailKey: null,
  organisation: null,
  consentWording: null,
  erasedAt: now(),
  updatedAt: now(),
})

/**
 * Registrants who gave no consent are kept only while the event needs them: RETENTION_DAYS after
 * its end their personal fields are blanked (the row stays, so registrations and attendance still
 * count). Runs whenever an event's people are read or written; returns how many were blanked.
 */
export function purgeExpiredRegistrants(tx: Tx, today = now().slice(0, 10)) {
  const cutoff = new Date(Date.parse(`${today}T00:00:00Z`) - RETENTION_DAYS * 86_400_000)
    .toISOString()
    .slice(0, 10)
  const expired = tx
    .select({ id: eventRegistrations.id })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(
      and(
        eq(eventRegistrations.consent, false),
        isNull(eventRegistrations.erasedAt),
        isNull(eventRegistrations.contactId),
        lt(sql`coalesce(${events.endDate}, ${events.startDate})`, cutoff),
      ),
    )
    .all()
    .map((r) => r.id)
  if (expired.length)
    tx.update(eventRegistrations).set(blanked()).where(inArray(eventRegistrations.id, expired)).run()
  return expired.length
}

/**
 * An erasure request covers the person's registrations: those linked to the contact, and any
 * other with the same e-mail, are blanked (called by the contact's erasure, same transaction).
 */
export function eraseRegistrantsOf(tx: Tx, contact: { id: number; emailKey: string | null }) {
  const match = contact.emailKey
    ? or(eq(eventRegistrations.contactId, contact.id), eq(eventRegistrations.emailKey, contact.emailKey))
    : eq(eventRegistrations.contactId, contact.id)
  return tx.update(eventRegistrations).set(blanked()).where(match).run().changes
}
