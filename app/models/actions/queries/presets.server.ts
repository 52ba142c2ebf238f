import { and, eq, isNull } from 'drizzle-orm'
import { z } from 'zod'

import { db } from '#db/client'
import { actionTypes, channels, events, partners, plannedActivities, stakeholders } from '#db/schema'
import type { Actor } from '~/utils/permissions'

import { canChoosePartner } from '../policy'

const optionalId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined)

/**
 * The quick form's query string: links from a stakeholder's, an event's or a work-plan activity's
 * page (`?stakeholderId=`, `?eventId=`, `?activityId=`) and "log another like this" (`?like=`).
 * Anything that is not a positive whole number is dropped, never an error.
 */
export const actionPresetParams = z.object({
  stakeholderId: optionalId,
  eventId: optionalId,
  activityId: optionalId,
  like: optionalId,
})

type Archivable =
  | typeof events
  | typeof plannedActivities
  | typeof stakeholders
  | typeof partners
  | typeof actionTypes
  | typeof channels

/** Does the row exist and is it not archived? */
function isLive(table: Archivable, id: number | null | undefined): id is number {
  if (!id) return false
  return !!db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, id), isNull(table.archivedAt)))
    .get()
}

/** The event and activity an action belongs to, kept only while they exist and are not archived. */
export function liveActionLinks(links: { eventId?: number | null; activityId?: number | null }) {
  const kept: { eventId?: number; activityId?: number } = {}
  if (isLive(events, links.eventId)) kept.eventId = links.eventId
  if (isLive(plannedActivities, links.activityId)) kept.activityId = links.activityId
  return kept
}

export type ActionFormPresets = {
  eventId?: number
  activityId?: number
  stakeholderIds?: number[]
  typeId?: number
  channelId?: number
  partnerId?: number
}

/**
 * What a "Log an action" link presets on the quick form. A stakeholder, event or activity that
 * does not exist or is archived is ignored. An activity also brings what it plans: its event, its
 * type and channel (while they are live), and, for those who choose the partner, its partner.
 */
export function actionFormPresets(
  params: { stakeholderId?: number; eventId?: number; activityId?: number },
  actor: Actor,
): ActionFormPresets {
  const presets: ActionFormPresets = liveActionLinks(params)
  if (isLive(stakeholders, params.stakeholderId)) presets.stakeholderIds = [params.stakeholderId]
  if (!presets.activityId) return presets
  const activity = db
    .select()
    .from(plannedActivities)
    .where(eq(plannedActivities.id, presets.activityId))
    .get()!
  if (!presets.eventId && isLive(events, activity.eventId)) presets.eventId = activity.eventId
  if (isLive(actionTypes, activity.typeId)) presets.typeId = activity.typeId
  if (isLive(channels, activity.channelId)) presets.channelId = activity.channelId
  if (canChoosePartner(actor) && isLive(partners, activity.partnerId)) presets.partnerId = activity.partnerId
  return presets
}
