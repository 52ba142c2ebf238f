import { canEditStakeholder } from '~/models/stakeholders/policy'
import type { StakeholderEditPolicy } from '~/models/stakeholders/schemas'
import { type Actor, can } from '~/utils/permissions'

/*
 * Who may do what to a contact, from permission strings and the project's edit policy only (no
 * database, so the browser may use it to decide what to show).
 */

type Editor = Pick<Actor, 'role' | 'partnerId'>

/** Who may edit a stakeholder adds, changes, archives and restores its contacts. */
export function canEditContact(
  user: Editor,
  contact: { stakeholderOwnerPartnerId: number | null },
  policy: StakeholderEditPolicy,
): boolean {
  return canEditStakeholder(user, { ownerPartnerId: contact.stakeholderOwnerPartnerId }, policy)
}

/** GDPR requests (an access export, an erasure) are the communications lead's. */
export function canHandleGdpr(user: Editor): boolean {
  return can(user, 'contact:gdpr')
}

/**
 * How much of a contact a user receives. `record`: the whole GDPR record (languages, notes, lawful
 * basis, when and where it was obtained), for who may edit the contact or handles GDPR requests.
 * `card`: what the stakeholder page shows every reader (name, position, e-mail, phone, flags).
 */
export type ContactView = 'record' | 'card'

export function contactViewFor(
  user: Editor,
  contact: { stakeholderOwnerPartnerId: number | null },
  policy: StakeholderEditPolicy,
): ContactView {
  return canEditContact(user, contact, policy) || canHandleGdpr(user) ? 'record' : 'card'
}
