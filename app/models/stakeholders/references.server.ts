import { db } from '#db/client'
import { partners, stakeholderCategories, themes } from '#db/schema'
import type { Actor } from '~/utils/permissions'
import { allRowsExist, CHOOSE, type FieldErrors, rowExists, rowIsLive } from '~/utils/references.server'

import { canAssignOwner } from './policy'
import type { StakeholderInput } from './schemas'

/**
 * Field errors for ids that do not exist (or a category archived since), as the form shows them;
 * null when every reference is valid.
 */
export function invalidReferences(
  input: Partial<StakeholderInput>,
  user: Pick<Actor, 'role' | 'partnerId'>,
  current?: { categoryId: number },
) {
  const errors: FieldErrors = {}
  if (
    input.categoryId !== undefined &&
    !rowIsLive(db, stakeholderCategories, input.categoryId, current?.categoryId)
  )
    errors.categoryId = CHOOSE
  // An owner the user may not choose is replaced by the command, not checked.
  if (
    input.ownerPartnerId !== undefined &&
    canAssignOwner(user) &&
    !rowExists(db, partners, input.ownerPartnerId)
  )
    errors.ownerPartnerId = CHOOSE
  if (!allRowsExist(db, themes, input.themeIds)) errors.themeIds = CHOOSE
  return Object.keys(errors).length ? errors : null
}
