import { type Actor, assertCan } from '~/utils/permissions'

/** Who may invite a user by e-mail (and invite them again): the administrators. Throws ForbiddenError otherwise. */
export function assertMayInvite(actor: Actor | null | undefined): void {
  assertCan(actor, 'admin:manage')
}
