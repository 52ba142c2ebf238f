import { type Actor, can } from '~/utils/permissions'

import type { StakeholderEditPolicy } from './schemas'

/*
 * Who may do what to a stakeholder, from permission strings and the project's edit policy only:
 * no database here, so the browser may use it to decide what to show (hiding is never the check).
 */

type Editor = Pick<Actor, 'role' | 'partnerId'>

/**
 * Communications leads and administrators edit every stakeholder; a partner edits the ones its
 * partner owns, or any, or none, as the project's stakeholder edit policy says; viewers never.
 */
export function canEditStakeholder(
  user: Editor,
  stakeholder: { ownerPartnerId: number | null },
  policy: StakeholderEditPolicy,
): boolean {
  if (can(user, 'stakeholder:edit:any')) return true
  if (!can(user, 'stakeholder:edit:own') || !user.partnerId) return false
  if (policy === 'any_partner') return true
  if (policy === 'owner') return stakeholder.ownerPartnerId === user.partnerId
  return false
}

/** Whether the user may add stakeholders at all (a partner adds them owned by its own partner). */
export function canCreateStakeholder(user: Editor, policy: StakeholderEditPolicy): boolean {
  if (can(user, 'stakeholder:edit:any')) return true
  return can(user, 'stakeholder:edit:own') && !!user.partnerId && policy !== 'none'
}

/** Only who edits every stakeholder (the communications lead) hands one to another partner. */
export function canAssignOwner(user: Editor): boolean {
  return can(user, 'stakeholder:edit:any')
}

/** The owner of a stakeholder the user adds: the one chosen, or for a partner its own partner. */
export function ownerOfNew(user: Editor, chosen: number | undefined): number | undefined {
  return canAssignOwner(user) ? chosen : (user.partnerId ?? undefined)
}

/** The owner after the user's edit: the one chosen, or for a partner the owner it had. */
export function ownerAfterEdit(
  user: Editor,
  current: number | null,
  chosen: number | undefined,
): number | undefined {
  return canAssignOwner(user) ? chosen : (current ?? undefined)
}

export function canMergeStakeholders(user: Editor): boolean {
  return can(user, 'stakeholder:merge')
}

export function canImportStakeholders(user: Editor): boolean {
  return can(user, 'stakeholder:import')
}
