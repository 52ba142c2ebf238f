/**
 * Who may do what to actions, in permission strings only (no database: the browser may ask it
 * what to show; the commands ask it before they write).
 */
import type { ActionStatus } from '#db/schema'
import { type Actor, can, canForPartner, ForbiddenError } from '~/utils/permissions'

export type { Actor }

/** May the actor log actions for any partner (and so choose the partner on the form)? */
export function canChoosePartner(actor: Actor | null | undefined): boolean {
  return can(actor, 'action:create:any')
}

/** May the actor log actions at all (the "Log an action" buttons on stakeholder, event and activity pages)? */
export function canLogActions(actor: Actor | null | undefined): boolean {
  return can(actor, 'action:create')
}

/** May this user log an action for this partner? Partners only for their own. */
export function canCreateFor(actor: Actor | null | undefined, partnerId: number): boolean {
  if (canChoosePartner(actor)) return true
  return actor?.partnerId === partnerId && can(actor, 'action:create')
}

/**
 * Comms and admin edit every action; a partner edits its own partner's, and not once validated
 * (a validated action is changed only by those who validate).
 */
export function canEditAction(
  actor: Actor | null | undefined,
  action: { partnerId: number; status: ActionStatus },
): boolean {
  if (!canForPartner(actor, 'action:edit', action.partnerId)) return false
  return action.status !== 'validated' || can(actor, 'action:validate')
}

/** May the actor validate or return submitted actions? */
export function canValidate(actor: Actor | null | undefined): boolean {
  return can(actor, 'action:validate')
}

/** Re-reading an action's evidence link: whoever may edit the action, and whoever validates. */
export function canRefreshEvidence(
  actor: Actor | null | undefined,
  action: { partnerId: number; status: ActionStatus },
): boolean {
  return canEditAction(actor, action) || canValidate(actor)
}

/** Thrown by the action commands when the actor may not do what they asked (routes answer 403). */
export class ActionForbiddenError extends ForbiddenError {
  constructor(message = 'forbidden') {
    super(message)
    this.name = 'ActionForbiddenError'
  }
}

/** Thrown when a status change makes no sense from the current status (routes answer 409/400). */
export class ActionStatusError extends Error {
  constructor(
    public from: ActionStatus,
    public to: ActionStatus,
  ) {
    super(`cannot go from ${from} to ${to}`)
    this.name = 'ActionStatusError'
  }
}

/**
 * Adding, removing and restoring an action's evidence files: whoever may edit the action, while
 * the action is not archived (its files are hidden with it).
 */
export function canManageActionFiles(
  actor: Actor | null | undefined,
  action: { partnerId: number; status: ActionStatus; archivedAt: string | null },
): boolean {
  return !action.archivedAt && canEditAction(actor, action)
}
