import { eq } from 'drizzle-orm'

import { type Tx } from '#db/client'
import { events } from '#db/schema'
import { recordArchive, recordAudit, recordUpdate } from '~/models/audit/index.server'
import { type Actor } from '~/utils/permissions'
import { assertReferences } from '~/utils/references.server'

import { assertCanCreateEvent, assertCanEditEvent, defaultHostFor } from './policy'
import { eventReferenceErrors } from './references.server'
import { type EventForm } from './schemas'

function toRow(input: EventForm, actor: Actor) {
  return {
    kind: input.kind,
    title: input.title,
    themeId: input.themeId ?? null,
    startDate: input.startDate,
    endDate: input.endDate ?? null,
    place: input.place ?? null,
    online: input.online,
    hostPartnerId: defaultHostFor(actor, input.hostPartnerId) ?? null,
    registrations: input.registrations ?? null,
    attendance: input.attendance ?? null,
    description: input.description ?? null,
    crossBorder: input.crossBorder,
    planTargetGroupIds: input.planTargetGroupIds,
    planMessages: input.planMessages ?? null,
    planNotes: input.planNotes ?? null,
  }
}

/**
 * Creates an event; a partner's event is hosted by its own partner (another host is refused).
 * Throws InvalidReferencesError for a theme, host or group that does not exist.
 */
export function createEvent(tx: Tx, input: EventForm, actor: Actor) {
  const row = toRow(input, actor)
  assertCanCreateEvent(actor, row.hostPartnerId)
  assertReferences(eventReferenceErrors(tx, input))
  const id = tx.insert(events).values(row).returning({ id: events.id }).get().id
  recordAudit(tx, {
    userId: actor.id,
    entity: 'event',
    entityId: id,
    action: 'create',
    after: row,
    summary: row.title,
  })
  return id
}

/** Updates an event and its plan; its host partner may, but cannot hand it to another host. */
export function updateEvent(tx: Tx, id: number, input: EventForm, actor: Actor) {
  const before = tx.select().from(events).where(eq(events.id, id)).get()
  if (!before) return false
  const row = toRow(input, actor)
  assertCanEditEvent(actor, before, row)
  assertReferences(eventReferenceErrors(tx, input, before))
  tx.update(events)
    .set({ ...row, updatedAt: new Date().toISOString() })
    .where(eq(events.id, id))
    .run()
  recordUpdate(tx, { userId: actor.id, entity: 'event', entityId: id, summary: row.title }, before, row)
  return true
}

export function setEventArchived(tx: Tx, id: number, archived: boolean, actor: Actor) {
  const before = tx.select().from(events).where(eq(events.id, id)).get()
  if (!before) return false
  assertCanEditEvent(actor, before)
  const archivedAt = archived ? new Date().toISOString() : null
  tx.update(events).set({ archivedAt, updatedAt: new Date().toISOString() }).where(eq(events.id, id)).run()
  recordArchive(
    tx,
    { userId: actor.id, entity: 'event', entityId: id, summary: before.title },
    before.archivedAt,
    archivedAt,
  )
  return true
}
