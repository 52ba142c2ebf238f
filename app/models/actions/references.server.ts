import { eq, inArray, sql } from 'drizzle-orm'

import { db } from '#db/client'
import {
  actionTypes,
  channels,
  events,
  materials,
  partners,
  plannedActivities,
  stakeholders,
  themes,
} from '#db/schema'

import { type ActionInput, unique } from './input'

type References = Pick<
  ActionInput,
  | 'partnerId'
  | 'typeId'
  | 'channelId'
  | 'stakeholderIds'
  | 'themeIds'
  | 'eventId'
  | 'activityId'
  | 'materialId'
>

const choose = ['common:errors.choose']
const invalid = ['common:errors.invalid']

/** An entry that exists and is not archived (or is the archived one the action already has). */
function live(row: { id: number; archivedAt: string | null } | undefined, keepId?: number | null) {
  return !!row && (!row.archivedAt || row.id === keepId)
}

/** Type and channel: administrator lists, archived entries left out unless kept. */
function listErrors(input: References, keep: { typeId?: number; channelId?: number | null }) {
  const errors: Record<string, string[]> = {}
  const type = db
    .select({ id: actionTypes.id, archivedAt: actionTypes.archivedAt })
    .from(actionTypes)
    .where(eq(actionTypes.id, input.typeId))
    .get()
  if (!live(type, keep.typeId)) errors.typeId = choose
  if (input.channelId) {
    const channel = db
      .select({ id: channels.id, archivedAt: channels.archivedAt })
      .from(channels)
      .where(eq(channels.id, input.channelId))
      .get()
    if (!live(channel, keep.channelId)) errors.channelId = choose
  }
  return errors
}

/** Do all these ids exist in the table? */
function allExist(table: typeof stakeholders | typeof themes, ids: number[] | undefined) {
  const wanted = unique(ids)
  if (!wanted.length) return true
  const found = db
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .where(inArray(table.id, wanted))
    .get()!.n
  return found === wanted.length
}

/** Event, activity and material: any existing row will do. */
function linkErrors(input: References) {
  const errors: Record<string, string[]> = {}
  if (input.eventId && !db.select({ id: events.id }).from(events).where(eq(events.id, input.eventId)).get())
    errors.eventId = choose
  if (
    input.activityId &&
    !db
      .select({ id: plannedActivities.id })
      .from(plannedActivities)
      .where(eq(plannedActivities.id, input.activityId))
      .get()
  )
    errors.activityId = choose
  if (
    input.materialId &&
    !db.select({ id: materials.id }).from(materials).where(eq(materials.id, input.materialId)).get()
  )
    errors.materialId = choose
  return errors
}

/**
 * Field errors (i18n keys) for ids that point at nothing: an unknown or archived type, channel,
 * partner, theme, stakeholder, event, activity or material. `keep` lets an edit keep the
 * archived entries the action already had.
 */
export function referenceErrors(
  input: References,
  keep: { typeId?: number; channelId?: number | null } = {},
): Record<string, string[]> {
  const errors = listErrors(input, keep)
  if (!db.select({ id: partners.id }).from(partners).where(eq(partners.id, input.partnerId)).get())
    errors.partnerId = choose
  if (!allExist(stakeholders, input.stakeholderIds)) errors.stakeholderIds = invalid
  if (!allExist(themes, input.themeIds)) errors.themeIds = invalid
  return { ...errors, ...linkErrors(input) }
}
