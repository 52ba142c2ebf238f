import { type Tx } from '#db/client'
import { partners, stakeholderGroups, themes } from '#db/schema'
import { allRowsExist, CHOOSE, type FieldErrors, rowIsLive } from '~/utils/references.server'

import { type EventForm } from './schemas'

type EventRefs = Pick<EventForm, 'themeId' | 'hostPartnerId' | 'planTargetGroupIds'>

/**
 * Field errors for an event form's ids that point at nothing: theme and host partner (an archived
 * one only if the event already has it) and the target groups of its plan.
 */
export function eventReferenceErrors(
  tx: Tx,
  input: EventRefs,
  current?: { themeId: number | null; hostPartnerId: number | null },
) {
  const errors: FieldErrors = {}
  if (input.themeId !== undefined && !rowIsLive(tx, themes, input.themeId, current?.themeId))
    errors.themeId = CHOOSE
  if (
    input.hostPartnerId !== undefined &&
    !rowIsLive(tx, partners, input.hostPartnerId, current?.hostPartnerId)
  )
    errors.hostPartnerId = CHOOSE
  if (!allRowsExist(tx, stakeholderGroups, input.planTargetGroupIds)) errors.planTargetGroupIds = CHOOSE
  return errors
}
