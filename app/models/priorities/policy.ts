/**
 * Who may do what in prioritisation, in permission strings only (no database): the server's
 * commands enforce it and the browser may use it to decide what to show.
 *
 * A command's actor is the acting user (the signed-in user, the seed's demo account, a test's
 * user); every command checks it, there is no unchecked "system" actor.
 */
import { type Actor, assertCan, can } from '~/utils/permissions'

type Subject = Pick<Actor, 'role'> | null | undefined

/** Scoring stakeholders on the criteria. */
export const mayScore = (actor: Subject) => can(actor, 'priority:score')

/** Criteria, weights, tier thresholds and engagement strategies. */
export const mayEditCriteria = (actor: Subject) => can(actor, 'priority:criteria')

export function assertMayScore(actor: Actor): void {
  assertCan(actor, 'priority:score')
}

export function assertMayEditCriteria(actor: Actor): void {
  assertCan(actor, 'priority:criteria')
}
