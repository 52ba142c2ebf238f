import { type Actor, assertCan, can } from '~/utils/permissions'

/**
 * Who may do what with the partner league. Everyone signed in reads the standings and the rules
 * (`league:read`) while the league is on; the communications lead (and the administrator) switches
 * it on and off (`league:manage`). Pure: the browser may use it to decide what to show.
 */

export function canManageLeague(actor: Actor | null | undefined) {
  return can(actor, 'league:manage')
}

/** The commands' guard: throws ForbiddenError unless the actor may switch the league. */
export function assertMayManageLeague(actor: Actor | null | undefined) {
  assertCan(actor, 'league:manage')
}
