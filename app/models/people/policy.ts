import { type Actor, can, canForPartner, ForbiddenError } from '~/utils/permissions'

/**
 * Who may do what with an event's people. Registrants are personal data: the communications lead
 * manages every event's (`registration:manage:any`), a partner those of the events it hosts
 * (`registration:manage:own`); everyone else (viewers, other partners) reads only aggregated
 * figures. Accepting a registrant as a new contact of the register is the comms lead's
 * (`registration:accept`). Consultation participants, conclusions and satisfaction are part of the
 * event: whoever may edit the event records them. Pure: the browser may use it to decide what to show.
 */

type Hosted = { hostPartnerId: number | null }

/** May the actor see and change the registrants (names, e-mails) of this event? */
export function canManageRegistrations(actor: Actor | null | undefined, event: Hosted) {
  return canForPartner(actor, 'registration:manage', event.hostPartnerId)
}

/** May the actor accept (or turn down) a registrant proposed as a new contact? */
export function canAcceptProposedContacts(actor: Actor | null | undefined) {
  return can(actor, 'registration:accept')
}

/** May the actor record who took part, the conclusions and the satisfaction result? */
export function canRecordEventResults(actor: Actor | null | undefined, event: Hosted) {
  return canForPartner(actor, 'event:edit', event.hostPartnerId)
}

export function assertCanManageRegistrations(actor: Actor | null | undefined, event: Hosted) {
  if (!canManageRegistrations(actor, event)) throw new ForbiddenError('may not manage these registrations')
}

export function assertCanAcceptProposedContacts(actor: Actor | null | undefined) {
  if (!canAcceptProposedContacts(actor)) throw new ForbiddenError('missing registration:accept')
}

export function assertCanRecordEventResults(actor: Actor | null | undefined, event: Hosted) {
  if (!canRecordEventResults(actor, event)) throw new ForbiddenError('may not record results of this event')
}
