import { canLogActions } from '~/models/actions/policy'
import { type Actor, assertCan, can } from '~/utils/permissions'

/**
 * Who may do what to events (part of the communication plan). Pure: the browser may use it to
 * decide what to show; the commands enforce it.
 */

export function canEditEvents(actor: Actor | null | undefined) {
  return can(actor, 'plan:edit')
}

/** Logging an action from an event's page. */
export function canLogActionForEvent(actor: Actor | null | undefined) {
  return canLogActions(actor)
}

/** The commands' guard: throws ForbiddenError unless the actor may edit events. */
export function assertCanEditEvents(actor: Actor | null | undefined) {
  assertCan(actor, 'plan:edit')
}
