import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm'

import { db } from '#db/client'
import {
  contacts,
  eventFeedback,
  eventParticipants,
  eventRegistrations,
  stakeholderCategories,
  stakeholders,
} from '#db/schema'
import { searchStakeholders } from '~/models/stakeholders/index.server'
import { normalizeText } from '~/utils/text'
import { containsText, textSearchCondition } from '~/utils/text-search.server'

import { type RegistrationFilter } from './schemas'

function registrationWhere(eventId: number, f: RegistrationFilter): SQL | undefined {
  const where: SQL[] = [eq(eventRegistrations.eventId, eventId)]
  if (f.attended) where.push(eq(eventRegistrations.attended, f.attended === 'attended'))
  if (f.consent) where.push(eq(eventRegistrations.consent, f.consent === 'yes'))
  const q = f.q
  if (q) {
    const columns = [eventRegistrations.name, eventRegistrations.emailKey, eventRegistrations.organisation]
    where.push(or(...columns.map((column) => containsText(column, q)))!)
  }
  return and(...where)
}

/** An event's registrants (personal data: only for who may manage them), with their link and proposal. */
export function listRegistrations(
  eventId: number,
  filter: RegistrationFilter,
  page: { limit: number; offset: number },
) {
  const where = registrationWhere(eventId, filter)
  const proposed = db
    .select({ id: stakeholders.id, name: stakeholders.name })
    .from(stakeholders)
    .as('proposed')
  const rows = db
    .select({
      id: eventRegistrations.id,
      name: eventRegistrations.name,
      email: eventRegistrations.email,
      organisation: eventRegistrations.organisation,
      consent: eventRegistrations.consent,
      consentAt: eventRegistrations.consentAt,
      consentWording: eventRegistrations.consentWording,
      attended: eventRegistrations.attended,
      erasedAt: eventRegistrations.erasedAt,
      contactId: eventRegistrations.contactId,
      contactName: contacts.name,
      proposedStakeholderId: eventRegistrations.proposedStakeholderId,
      proposedStakeholderName: proposed.name,
    })
    .from(eventRegistrations)
    .leftJoin(contacts, eq(contacts.id, eventRegistrations.contactId))
    .leftJoin(proposed, eq(proposed.id, eventRegistrations.proposedStakeholderId))
    .where(where)
    .orderBy(asc(eventRegistrations.name), asc(eventRegistrations.id))
    .limit(page.limit)
    .offset(page.offset)
    .all()
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(eventRegistrations)
    .where(where)
    .get()!.n
  return { rows, total }
}

type Row = ReturnType<typeof listRegistrations>['rows'][number]

/**
 * For each registrant not linked yet: the contacts that may be them (same e-mail, or same name,
 * case and accents aside: "LUKASZ NOWAK" may be "Łukasz Nowak") and the stakeholders their
 * organisation may be (the register's search), to choose from. The names are looked up through
 * the contacts' search index (contact_search), then compared whole.
 */
export function linkChoices(rows: Row[]) {
  const open = rows.filter((r) => !r.contactId && !r.erasedAt)
  const names = [...new Set(open.map((r) => normalizeText(r.name)).filter(Boolean))]
  const emails = [...new Set(open.flatMap((r) => (r.email ? [r.email.toLowerCase()] : [])))]
  const byName = names.map((name) =>
    textSearchCondition(name, { id: contacts.id, text: contacts.searchText, index: 'contact_search' }),
  )
  const found =
    names.length || emails.length
      ? db
          .select({
            id: contacts.id,
            name: contacts.name,
            emailKey: contacts.emailKey,
            stakeholderName: stakeholders.name,
          })
          .from(contacts)
          .leftJoin(stakeholders, eq(stakeholders.id, contacts.stakeholderId))
          .where(
            and(
              isNull(contacts.erasedAt),
              or(emails.length ? inArray(contacts.emailKey, emails) : undefined, ...byName),
            ),
          )
          .limit(500)
          .all()
      : []
  return Object.fromEntries(
    open.map((r) => [
      r.id,
      {
        contacts: found
          .filter(
            (c) => c.emailKey === r.email?.toLowerCase() || normalizeText(c.name) === normalizeText(r.name),
          )
          .map((c) => ({ id: c.id, name: c.name, stakeholderName: c.stakeholderName })),
        stakeholders: r.organisation ? searchStakeholders(r.organisation, 8) : [],
      },
    ]),
  )
}

/** Every registrant of an event, for the CSV export (the same filters as the page). */
export function registrationsForExport(eventId: number, filter: RegistrationFilter) {
  return listRegistrations(eventId, filter, { limit: 100_000, offset: 0 }).rows
}

/** The consultation's participants (stakeholders, with their category) and the event's feedback. */
export function eventPeopleSummary(eventId: number) {
  const participants = db
    .select({
      id: stakeholders.id,
      name: stakeholders.name,
      city: stakeholders.city,
      country: stakeholders.country,
      categoryKey: stakeholderCategories.key,
      categoryName: stakeholderCategories.name,
    })
    .from(eventParticipants)
    .innerJoin(stakeholders, eq(stakeholders.id, eventParticipants.stakeholderId))
    .leftJoin(stakeholderCategories, eq(stakeholderCategories.id, stakeholders.categoryId))
    .where(eq(eventParticipants.eventId, eventId))
    .orderBy(asc(stakeholderCategories.sortOrder), asc(stakeholders.nameKey))
    .all()
  const feedback = db.select().from(eventFeedback).where(eq(eventFeedback.eventId, eventId)).get() ?? null
  return { participants, feedback }
}

/** How many registrants of the event wait for the comms lead to accept them as contacts. */
export function pendingProposals(eventId: number) {
  return db
    .select({ n: sql<number>`count(*)` })
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.eventId, eventId),
        sql`${eventRegistrations.proposedStakeholderId} is not null`,
      ),
    )
    .get()!.n
}
