import { type Actor, assertCan } from '~/utils/permissions'

/** The commands' guard: throws ForbiddenError unless the actor may administer. */
export function assertMayAdminister(actor: Actor | null | undefined): void {
  assertCan(actor, 'admin:manage')
}

/** An administrator never changes their own role (they could lock everyone out). */
export function mayChangeRole<R extends string>(actorId: number, userId: number, from: R, to: R): boolean {
  return actorId !== userId || from === to
}

/** An administrator never deactivates their own account. */
export function mayDeactivate(actorId: number, userId: number): boolean {
  return actorId !== userId
}
