import { eq, inArray } from 'drizzle-orm'

import { db } from '#db/client'
import { partners, stakeholderCategories, themes } from '#db/schema'
import type { Actor } from '~/utils/permissions'

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
  const errors: Record<string, string[]> = {}
  if (input.categoryId !== undefined) {
    const category = db
      .select()
      .from(stakeholderCategories)
      .where(eq(stakeholderCategories.id, input.categoryId))
      .get()
    if (!category || (category.archivedAt && category.id !== current?.categoryId))
      errors.categoryId = ['common:errors.choose']
  }
  // An owner the user may not choose is replaced by the command, not checked.
  if (input.ownerPartnerId !== undefined && canAssignOwner(user)) {
    const partner = db
      .select({ id: partners.id })
      .from(partners)
      .where(eq(partners.id, input.ownerPartnerId))
      .get()
    if (!partner) errors.ownerPartnerId = ['common:errors.choose']
  }
  if (input.themeIds?.length) {
    const found = db
      .select({ id: themes.id })
      .from(themes)
      .where(inArray(themes.id, input.themeIds))
      .all().length
    if (found !== new Set(input.themeIds).size) errors.themeIds = ['common:errors.choose']
  }
  return Object.keys(errors).length ? errors : null
}
