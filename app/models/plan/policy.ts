import { type Actor, assertCan, can } from '~/utils/permissions'

/**
 * Who may do what to the communication plan (its parts, work plan, groups, targets and indicator
 * mappings). Pure: the browser may use it to decide what to show; the commands enforce it.
 */

export function canEditPlan(actor: Actor | null | undefined) {
  return can(actor, 'plan:edit')
}

/** The commands' guard: throws ForbiddenError unless the actor may edit the plan. */
export function assertCanEditPlan(actor: Actor | null | undefined) {
  assertCan(actor, 'plan:edit')
}
