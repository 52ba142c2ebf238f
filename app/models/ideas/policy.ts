import { type Actor, can, ForbiddenError } from '~/utils/permissions'

import { type IdeaStatusName } from './schemas'

/**
 * Who may do what on the co-creation board. Everyone signed in reads it (`idea:read`); partners and
 * the communications lead post proposals (`idea:create`), support them, comment and join their
 * working groups (`idea:support`); the communications lead turns a proposal into a work-plan
 * activity or closes it, and sees the working group's e-mails (`idea:moderate`). An author edits or
 * withdraws their own proposal while it is open. Pure: the browser may use it to decide what to
 * show; the commands enforce it.
 */

type IdeaLike = { authorId: number; status: IdeaStatusName }

export function canPostIdeas(actor: Actor | null | undefined) {
  return can(actor, 'idea:create')
}

/** The author, while the proposal is open. */
export function canEditIdea(actor: Actor | null | undefined, idea: IdeaLike) {
  return idea.status === 'open' && !!actor && actor.id === idea.authorId && can(actor, 'idea:create')
}

/** Support an open proposal of someone else (once; withdrawing it is always allowed). */
export function canSupportIdea(actor: Actor | null | undefined, idea: IdeaLike) {
  return idea.status === 'open' && !!actor && actor.id !== idea.authorId && can(actor, 'idea:support')
}

/** Comment on a proposal that is not withdrawn. */
export function canCommentIdea(actor: Actor | null | undefined, idea: IdeaLike) {
  return idea.status !== 'withdrawn' && can(actor, 'idea:support')
}

/** Join the working group of an open or adopted proposal (leaving is always allowed). */
export function canJoinIdea(actor: Actor | null | undefined, idea: IdeaLike) {
  return (idea.status === 'open' || idea.status === 'adopted') && can(actor, 'idea:support')
}

/** The communications lead: CSV export, working group's e-mails, decisions. */
export function canModerateIdeas(actor: Actor | null | undefined) {
  return can(actor, 'idea:moderate')
}

/** Adopt as an activity or close with a reason: only an open proposal. */
export function canDecideIdea(actor: Actor | null | undefined, idea: IdeaLike) {
  return idea.status === 'open' && canModerateIdeas(actor)
}

/** The commands' guard: throws ForbiddenError unless `allowed`. */
export function assertIdea(allowed: boolean, what: string) {
  if (!allowed) throw new ForbiddenError(`may not ${what} this proposal`)
}
