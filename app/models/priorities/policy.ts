/**
 * Who may do what in prioritisation, in permission strings only (no database): the server's
 * commands enforce it and the browser may use it to decide what to show.
 *
 * A command's actor is the signed-in user; `null` is the system itself (the seed, the merge of
 * duplicates, tests), which writes without a user and is not checked.
 */
import { type Actor, assertCan, can } from '~/utils/permissions'

export type PriorityActor = Actor | null

type Subject = Pick<Actor, 'role'> | null | undefined

/** Scoring stakeholders on the criteria. */
export const mayScore = (actor: Subject) => can(actor, 'priority:score')

/** Criteria, weights, tier thresholds and engagement strategies. */
export const mayEditCriteria = (actor: Subject) => can(actor, 'priority:criteria')

export function assertMayScore(actor: PriorityActor): void {
  if (actor) assertCan(actor, 'priority:score')
}

export function assertMayEditCriteria(actor: PriorityActor): void {
  if (actor) assertCan(actor, 'priority:criteria')
}

/** The user id the audit log records for the actor (none for the system). */
export const auditUserId = (actor: PriorityActor) => actor?.id ?? null
