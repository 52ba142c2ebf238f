import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'

import { timestamps, users } from './core'
import { events } from './plan'
import { contacts, importJobs, stakeholders } from './stakeholders'

/**
 * A person registered for an event or webinar. Consent (yes/no, when, and the wording they agreed
 * to) is recorded per registrant; without consent the personal fields are blanked once the event
 * no longer needs them (RETENTION_DAYS in app/models/people/commands.server.ts; erasure: decision 021).
 * A registrant may be linked to a
 * contact of the register, or proposed as a new contact of a stakeholder (the comms lead accepts).
 */
export const eventRegistrations = sqliteTable(
  'event_registrations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id),
    name: text('name').notNull(),
    email: text('email'),
    /** Lower-case e-mail, to match contacts and find duplicates. */
    emailKey: text('email_key'),
    organisation: text('organisation'),
    consent: integer('consent', { mode: 'boolean' }).notNull().default(false),
    consentAt: text('consent_at'),
    consentWording: text('consent_wording'),
    attended: integer('attended', { mode: 'boolean' }).notNull().default(false),
    contactId: integer('contact_id').references(() => contacts.id),
    /** Proposed as a new contact of this stakeholder, waiting for the comms lead. */
    proposedStakeholderId: integer('proposed_stakeholder_id').references(() => stakeholders.id),
    importJobId: integer('import_job_id').references(() => importJobs.id),
    createdBy: integer('created_by').references(() => users.id),
    /** When the personal fields were blanked (no consent and the event is over, or an erasure). */
    erasedAt: text('erased_at'),
    ...timestamps,
  },
  (t) => [
    index('event_registrations_event_idx').on(t.eventId),
    index('event_registrations_email_key_idx').on(t.emailKey),
    index('event_registrations_contact_idx').on(t.contactId),
  ],
)

/** Who took part in a consultation (or any event): actors of the register. */
export const eventParticipants = sqliteTable(
  'event_participants',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id),
    stakeholderId: integer('stakeholder_id')
      .notNull()
      .references(() => stakeholders.id),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.stakeholderId] }),
    index('event_participants_stakeholder_idx').on(t.stakeholderId),
  ],
)

/** What came out of an event (a consultation's conclusions) and its satisfaction result (1-5). */
export const eventFeedback = sqliteTable('event_feedback', {
  eventId: integer('event_id')
    .primaryKey()
    .references(() => events.id),
  conclusions: text('conclusions'),
  satisfactionResponses: integer('satisfaction_responses'),
  satisfactionAverage: real('satisfaction_average'),
  ...timestamps,
})
