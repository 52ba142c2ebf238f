import { canLogActions } from '~/models/actions/policy'
import { type Actor, can, canForPartner, ForbiddenError } from '~/utils/permissions'

/**
 * Who may do what to events (part of the communication plan). The communications lead creates and
 * edits every event (`event:*:any`); a partner creates the events it hosts and edits them, with
 * their own communication plan (`event:*:own`, the host being the partner's own). Pure: the
 * browser may use it to decide what to show; the commands enforce it.
 */

type Hosted = { hostPartnerId: number | null }

/** May the actor open the new event form at all (for some host)? */
export function canCreateEvents(actor: Actor | null | undefined) {
  return can(actor, 'event:create:any') || (actor?.partnerId != null && can(actor, 'event:create:own'))
}

/** May the actor create an event hosted by this partner (none: only with `event:create:any`)? */
export function canCreateEventFor(actor: Actor | null | undefined, hostPartnerId: number | null | undefined) {
  return canForPartner(actor, 'event:create', hostPartnerId)
}

/** May the actor edit this event, its communication plan, and archive it? */
export function canEditEvent(actor: Actor | null | undefined, event: Hosted) {
  return canForPartner(actor, 'event:edit', event.hostPartnerId)
}

/**
 * The host an event form gets when it names none: a partner who may only create its own events
 * hosts them; everyone else leaves it empty.
 */
export function defaultHostFor(actor: Actor | null | undefined, hostPartnerId: number | undefined) {
  if (hostPartnerId !== undefined || can(actor, 'event:create:any')) return hostPartnerId
  return actor?.partnerId ?? undefined
}

/** The host partners the actor may choose in the event form. */
export function hostChoices<T extends { value: number }>(actor: Actor | null | undefined, partners: T[]) {
  return can(actor, 'event:create:any') ? partners : partners.filter((p) => p.value === actor?.partnerId)
}

/** Logging an action from an event's page. */
export function canLogActionForEvent(actor: Actor | null | undefined) {
  return canLogActions(actor)
}

/** The commands' guard for a new event: throws ForbiddenError unless the actor may host it there. */
export function assertCanCreateEvent(actor: Actor | null | undefined, hostPartnerId: number | null) {
  if (!canCreateEventFor(actor, hostPartnerId)) throw new ForbiddenError('may not create this event')
}

/**
 * The commands' guard for a change: the actor may edit the event as it is, and as it will be (a
 * partner cannot hand its event to another host).
 */
export function assertCanEditEvent(actor: Actor | null | undefined, before: Hosted, after: Hosted = before) {
  if (!canEditEvent(actor, before) || !canEditEvent(actor, after))
    throw new ForbiddenError('may not edit this event')
}
