import { eq } from 'drizzle-orm'

import { type Tx } from '#db/client'
import { plannedActivities } from '#db/schema'
import { recordArchive, recordAudit, recordUpdate } from '~/models/audit/index.server'
import { type Actor } from '~/utils/permissions'
import { assertReferences } from '~/utils/references.server'

import { assertCanEditActivity } from '../policy'
import { activityScope } from '../queries/activities.server'
import { activityReferenceErrors } from '../references.server'
import { type ActivityForm } from '../schemas'

function activityRow(input: ActivityForm) {
  return {
    title: input.title,
    description: input.description ?? null,
    partnerId: input.partnerId ?? null,
    dueDate: input.dueDate,
    typeId: input.typeId ?? null,
    channelId: input.channelId ?? null,
    groupId: input.groupId ?? null,
    eventId: input.eventId ?? null,
    phase: input.eventId ? (input.phase ?? null) : null,
  }
}

const scopeOf = (tx: Tx, activity: { partnerId: number | null; eventId: number | null }) =>
  activityScope(activity, tx)

/** Creates a planned activity; throws InvalidReferencesError for an id that points at nothing. */
export function createActivity(tx: Tx, input: ActivityForm, actor: Actor) {
  const row = activityRow(input)
  assertCanEditActivity(actor, scopeOf(tx, row))
  assertReferences(activityReferenceErrors(tx, input))
  const id = tx.insert(plannedActivities).values(row).returning({ id: plannedActivities.id }).get().id
  recordAudit(tx, {
    userId: actor.id,
    entity: 'planned_activity',
    entityId: id,
    action: 'create',
    after: row,
    summary: row.title,
  })
  return id
}

export function updateActivity(tx: Tx, id: number, input: ActivityForm, actor: Actor) {
  const before = tx.select().from(plannedActivities).where(eq(plannedActivities.id, id)).get()
  if (!before) return false
  const row = activityRow(input)
  assertCanEditActivity(actor, scopeOf(tx, before), scopeOf(tx, row))
  assertReferences(activityReferenceErrors(tx, input, before))
  tx.update(plannedActivities)
    .set({ ...row, updatedAt: new Date().toISOString() })
    .where(eq(plannedActivities.id, id))
    .run()
  recordUpdate(
    tx,
    { userId: actor.id, entity: 'planned_activity', entityId: id, summary: row.title },
    before,
    row,
  )
  return true
}

export function setActivityArchived(tx: Tx, id: number, archived: boolean, actor: Actor) {
  const before = tx.select().from(plannedActivities).where(eq(plannedActivities.id, id)).get()
  if (!before) return false
  assertCanEditActivity(actor, scopeOf(tx, before))
  const archivedAt = archived ? new Date().toISOString() : null
  tx.update(plannedActivities)
    .set({ archivedAt, updatedAt: new Date().toISOString() })
    .where(eq(plannedActivities.id, id))
    .run()
  recordArchive(
    tx,
    { userId: actor.id, entity: 'planned_activity', entityId: id, summary: before.title },
    before.archivedAt,
    archivedAt,
  )
  return true
}
