import { type Tx } from '#db/client'
import { actions, events, partners, stakeholders } from '#db/schema'
import { allRowsExist, CHOOSE, type FieldErrors, rowIsLive } from '~/utils/references.server'

import { type OutcomeForm } from './schemas'

/** Field errors for an outcome form's ids that point at nothing (or at an archived partner). */
export function outcomeReferenceErrors(
  tx: Tx,
  input: Pick<OutcomeForm, 'stakeholderIds' | 'actionIds' | 'eventIds'>,
  partnerId: number,
  currentPartnerId?: number,
) {
  const errors: FieldErrors = {}
  if (!rowIsLive(tx, partners, partnerId, currentPartnerId)) errors.partnerId = CHOOSE
  if (!allRowsExist(tx, stakeholders, input.stakeholderIds)) errors.stakeholderIds = CHOOSE
  if (!allRowsExist(tx, actions, input.actionIds)) errors.actionIds = CHOOSE
  if (!allRowsExist(tx, events, input.eventIds)) errors.eventIds = CHOOSE
  return errors
}
