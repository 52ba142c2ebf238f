/**
 * Who may do what to outcomes, in permission strings only (the browser may ask it what to show;
 * the commands ask it before they write). A partner proposes outcomes of its own partner and
 * edits them until they are verified; the communications lead verifies or returns them.
 */
import type { OutcomeStatus } from '#db/schema'
import { type Actor, can, canForPartner, ForbiddenError } from '~/utils/permissions'

type Owned = { partnerId: number; status: OutcomeStatus; archivedAt?: string | null }

/** May the actor read the outcomes register? */
export function canReadOutcomes(actor: Actor | null | undefined) {
  return can(actor, 'outcome:read')
}

/** May the actor open the new outcome form at all (for some partner)? */
export function canProposeOutcomes(actor: Actor | null | undefined) {
  return can(actor, 'outcome:create:any') || (actor?.partnerId != null && can(actor, 'outcome:create:own'))
}

/** May the actor choose the partner of an outcome (otherwise it is the actor's own)? */
export function canChooseOutcomePartner(actor: Actor | null | undefined) {
  return can(actor, 'outcome:create:any')
}

/** May the actor record an outcome for this partner? */
export function canCreateOutcomeFor(actor: Actor | null | undefined, partnerId: number | null | undefined) {
  return canForPartner(actor, 'outcome:create', partnerId)
}

/** Edit (and archive, and manage the files of) an outcome: its partner until verified; the verifier always. */
export function canEditOutcome(actor: Actor | null | undefined, outcome: Owned) {
  if (outcome.archivedAt && !can(actor, 'outcome:verify')) return false
  if (!canForPartner(actor, 'outcome:edit', outcome.partnerId)) return false
  return outcome.status !== 'verified' || can(actor, 'outcome:verify')
}

/** May the actor verify or return proposed outcomes? */
export function canVerifyOutcomes(actor: Actor | null | undefined) {
  return can(actor, 'outcome:verify')
}

/** Thrown by the outcome commands when the actor may not do what they asked (routes answer 403). */
export class OutcomeForbiddenError extends ForbiddenError {
  constructor(message = 'forbidden') {
    super(message)
    this.name = 'OutcomeForbiddenError'
  }
}

/** Thrown when a status change makes no sense from the current status (routes answer 409). */
export class OutcomeStatusError extends Error {
  constructor(
    public from: OutcomeStatus,
    public to: OutcomeStatus,
  ) {
    super(`cannot go from ${from} to ${to}`)
    this.name = 'OutcomeStatusError'
  }
}

/** May the actor define result indicators and KPIs, set baselines and targets, and enter values? */
export function canEditIndicators(actor: Actor | null | undefined) {
  return can(actor, 'plan:edit')
}
