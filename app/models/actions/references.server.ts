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
import { allRowsExist, CHOOSE, type FieldErrors, rowExists, rowIsLive } from '~/utils/references.server'

import { type ActionInput } from './input'

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

const invalid = ['common:errors.invalid']

/**
 * Field errors (i18n keys) for ids that point at nothing: an unknown or archived type, channel,
 * partner, theme, stakeholder, event, activity or material. `keep` lets an edit keep the
 * archived entries the action already had.
 */
export function referenceErrors(
  input: References,
  keep: { typeId?: number; channelId?: number | null } = {},
): Record<string, string[]> {
  const errors: FieldErrors = {}
  // Type and channel: administrator lists, archived entries left out unless kept.
  if (!rowIsLive(db, actionTypes, input.typeId, keep.typeId)) errors.typeId = CHOOSE
  if (input.channelId && !rowIsLive(db, channels, input.channelId, keep.channelId)) errors.channelId = CHOOSE
  if (!rowExists(db, partners, input.partnerId)) errors.partnerId = CHOOSE
  if (!allRowsExist(db, stakeholders, input.stakeholderIds)) errors.stakeholderIds = invalid
  if (!allRowsExist(db, themes, input.themeIds)) errors.themeIds = invalid
  // Event, activity and material: any existing row will do.
  if (input.eventId && !rowExists(db, events, input.eventId)) errors.eventId = CHOOSE
  if (input.activityId && !rowExists(db, plannedActivities, input.activityId)) errors.activityId = CHOOSE
  if (input.materialId && !rowExists(db, materials, input.materialId)) errors.materialId = CHOOSE
  return errors
}
