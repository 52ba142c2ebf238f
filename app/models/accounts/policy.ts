import { type Actor, assertCan, can } from '~/utils/permissions'

/** Who may invite a user by e-mail (and invite them again): the administrators. */
export function mayInvite(actor: Actor | null | undefined): boolean {
  return can(actor, 'admin:manage')
}

/** The invitation commands' guard: throws ForbiddenError unless the actor may invite. */
export function assertMayInvite(actor: Actor | null | undefined): void {
  assertCan(actor, 'admin:manage')
}
