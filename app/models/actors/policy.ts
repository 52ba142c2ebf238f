import { type Actor, can, ForbiddenError } from '~/utils/permissions'

/**
 * Who may read the actor map. Every role reads it (`actor:read`): it shows stakeholders of the
 * register (which every role reads) and what links them, only from records every role reads as
 * well (submitted and validated actions, events, outcomes that were not returned). Pure: the
 * browser may use it to decide what to show.
 */
export function canReadActorMap(actor: Actor | null | undefined) {
  return can(actor, 'actor:read')
}

export function assertCanReadActorMap(actor: Actor | null | undefined) {
  if (!canReadActorMap(actor)) throw new ForbiddenError('missing actor:read')
}
