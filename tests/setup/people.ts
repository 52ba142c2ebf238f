import { eq } from 'drizzle-orm'
import { expect } from 'vitest'

import { db } from '#db/client'
import { eventRegistrations } from '#db/schema'
import { createContact } from '~/models/contacts/index.server'
import { createEvent, eventFormSchema } from '~/models/events/index.server'
import { registrationFormSchema } from '~/models/people/index.server'
import type { Actor } from '~/utils/permissions'

import { demo } from './actors'
import { lastAudit } from './audit'
import { tx } from './db'

/** A registrant form's values, parsed as the route parses them. */
export const reg = (v: Record<string, string>) => registrationFormSchema.parse(v)

/** A registration row as stored (undefined when there is none). */
export const registrantRow = (id: number) =>
  db.select().from(eventRegistrations).where(eq(eventRegistrations.id, id)).get()

/** An online event hosted by the demo partner, created by the comms lead: a consultation on 5 October 2026 unless told. */
export function newEvent(title: string, { kind = 'consultation', startDate = '2026-10-05' } = {}) {
  return tx((t) =>
    createEvent(
      t,
      eventFormSchema.parse({
        kind,
        title,
        startDate,
        online: 'on',
        hostPartnerId: String(demo.partner().partnerId),
      }),
      demo.comms(),
    ),
  )
}

/** A contact of a stakeholder (legitimate interest, no languages), created by the comms lead. */
export function contactOf(stakeholderId: number, name: string, email?: string) {
  return tx((t) =>
    createContact(
      t,
      stakeholderId,
      { name, email, languages: [], lawfulBasis: 'legitimate_interest', doNotContact: false },
      demo.comms(),
    ),
  )
}

/** The audit row a people command leaves: an update of the event, by whom, with what it did (returned). */
export function expectEventAudit(event: number, by: Actor, after: Record<string, unknown>) {
  const row = lastAudit('event', event)
  expect(row).toMatchObject({
    entity: 'event',
    entityId: event,
    action: 'update',
    userId: by.id,
    before: null,
  })
  expect(row.after).toEqual(after)
  return row
}
