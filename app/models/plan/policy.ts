import { type Actor, assertCan, can, canForPartner, ForbiddenError } from '~/utils/permissions'

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

/** Whose a work-plan activity is: the partner doing it, and the host of the event it is for. */
export type ActivityScope = { partnerId: number | null; eventHostPartnerId: number | null }

/**
 * May the actor write this work-plan activity? The communications lead any (`activity:edit:any`);
 * a partner those its own partner does and those of the events its partner hosts
 * (`activity:edit:own`).
 */
export function canEditActivity(actor: Actor | null | undefined, scope: ActivityScope) {
  return (
    canForPartner(actor, 'activity:edit', scope.partnerId) ||
    (scope.eventHostPartnerId !== null && canForPartner(actor, 'activity:edit', scope.eventHostPartnerId))
  )
}

/** May the actor open the new activity form (for some activity)? */
export function canCreateActivities(actor: Actor | null | undefined) {
  return can(actor, 'activity:edit:any') || (actor?.partnerId != null && can(actor, 'activity:edit:own'))
}

/** The partner a new activity gets by default: its own for a partner, none for the others. */
export function defaultActivityPartner(actor: Actor | null | undefined) {
  return can(actor, 'activity:edit:any') ? undefined : (actor?.partnerId ?? undefined)
}

/**
 * The commands' guard: the actor may write the activity as it is and as it will be (a partner
 * cannot move an activity out of its own partner's reach).
 */
export function assertCanEditActivity(
  actor: Actor | null | undefined,
  before: ActivityScope,
  after: ActivityScope = before,
) {
  if (!canEditActivity(actor, before) || !canEditActivity(actor, after))
    throw new ForbiddenError('may not edit this activity')
}
