import { type Actor, can, roleActsForOnePartner } from '~/utils/permissions'

/** The outbox (messages written to files when no mail server is configured): administrators only. */
export function canReadOutbox(actor: Actor | null | undefined) {
  return can(actor, 'admin:manage')
}

/** A user's own settings (language, password, notifications): only that user changes them. */
export function canChangeOwnAccount(actor: Actor | null | undefined, userId: number) {
  return !!actor && actor.id === userId
}

type Person = { role: Actor['role']; partnerId: number | null }

/** Partner users: they log for one partner (reminders, returned actions, overdue activities, events). */
export function actsForPartner(user: Person): boolean {
  return user.partnerId != null && roleActsForOnePartner(user.role) && can(user, 'action:create')
}

/** The communications lead: validates actions, without administering the instance. */
export function isCommsLead(user: Person): boolean {
  return can(user, 'action:validate') && !can(user, 'admin:manage')
}

/** Readers (viewers): see the dashboards and log nothing. */
export function isReader(user: Person): boolean {
  return can(user, 'dashboard:read') && !can(user, 'action:create')
}
