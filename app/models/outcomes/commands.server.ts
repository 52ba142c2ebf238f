import { eq } from 'drizzle-orm'

import { type Tx } from '#db/client'
import { outcomeActions, outcomeEvents, outcomes, outcomeStakeholders, type OutcomeStatus } from '#db/schema'
import { recordArchive, recordAudit, recordUpdate } from '~/models/audit/index.server'
import { type Actor } from '~/utils/permissions'
import { assertReferences } from '~/utils/references.server'

import {
  canChooseOutcomePartner,
  canCreateOutcomeFor,
  canEditOutcome,
  canVerifyOutcomes,
  OutcomeForbiddenError,
  OutcomeStatusError,
} from './policy'
import { outcomeReferenceErrors } from './references.server'
import { type OutcomeForm } from './schemas'

const now = () => new Date().toISOString()

function toRow(input: OutcomeForm) {
  return {
    type: input.type,
    date: input.date,
    title: input.title,
    description: input.description ?? null,
    evidenceUrl: input.evidenceUrl ?? null,
  }
}

const unique = (ids: number[]) => [...new Set(ids)]

/** Replaces an outcome's stakeholders, actions and events; returns them for the audit. */
function writeLinks(tx: Tx, outcomeId: number, input: OutcomeForm) {
  tx.delete(outcomeStakeholders).where(eq(outcomeStakeholders.outcomeId, outcomeId)).run()
  tx.delete(outcomeActions).where(eq(outcomeActions.outcomeId, outcomeId)).run()
  tx.delete(outcomeEvents).where(eq(outcomeEvents.outcomeId, outcomeId)).run()
  const links = {
    stakeholderIds: unique(input.stakeholderIds),
    actionIds: unique(input.actionIds),
    eventIds: unique(input.eventIds),
  }
  for (const stakeholderId of links.stakeholderIds)
    tx.insert(outcomeStakeholders).values({ outcomeId, stakeholderId }).run()
  for (const actionId of links.actionIds) tx.insert(outcomeActions).values({ outcomeId, actionId }).run()
  for (const eventId of links.eventIds) tx.insert(outcomeEvents).values({ outcomeId, eventId }).run()
  return links
}

function linksOf(tx: Tx, outcomeId: number) {
  return {
    stakeholderIds: tx
      .select({ id: outcomeStakeholders.stakeholderId })
      .from(outcomeStakeholders)
      .where(eq(outcomeStakeholders.outcomeId, outcomeId))
      .all()
      .map((r) => r.id),
    actionIds: tx
      .select({ id: outcomeActions.actionId })
      .from(outcomeActions)
      .where(eq(outcomeActions.outcomeId, outcomeId))
      .all()
      .map((r) => r.id),
    eventIds: tx
      .select({ id: outcomeEvents.eventId })
      .from(outcomeEvents)
      .where(eq(outcomeEvents.outcomeId, outcomeId))
      .all()
      .map((r) => r.id),
  }
}

/**
 * Records a proposed outcome (pending). A partner records its own partner's; whoever holds
 * `outcome:create:any` chooses the partner. Throws InvalidReferencesError for ids that point at nothing.
 */
export function createOutcome(tx: Tx, input: OutcomeForm, actor: Actor) {
  const partnerId = canChooseOutcomePartner(actor) ? (input.partnerId ?? actor.partnerId) : actor.partnerId
  if (!partnerId) {
    if (canChooseOutcomePartner(actor)) assertReferences({ partnerId: ['common:errors.required'] })
    throw new OutcomeForbiddenError('no partner')
  }
  if (!canCreateOutcomeFor(actor, partnerId)) throw new OutcomeForbiddenError()
  if (input.partnerId && input.partnerId !== partnerId) throw new OutcomeForbiddenError('another partner')
  assertReferences(outcomeReferenceErrors(tx, input, partnerId))
  const row = { ...toRow(input), partnerId, status: 'pending' as const, createdBy: actor.id }
  const id = tx.insert(outcomes).values(row).returning({ id: outcomes.id }).get().id
  const links = writeLinks(tx, id, input)
  recordAudit(tx, {
    userId: actor.id,
    entity: 'outcome',
    entityId: id,
    action: 'create',
    after: { ...row, ...links },
    summary: row.title,
  })
  return id
}

/**
 * Changes an outcome and its links. Its partner may until it is verified (and cannot hand it to
 * another partner); the verifier may always. A returned outcome edited by its partner is proposed again.
 */
export function updateOutcome(tx: Tx, id: number, input: OutcomeForm, actor: Actor) {
  const before = tx.select().from(outcomes).where(eq(outcomes.id, id)).get()
  if (!before) return false
  if (!canEditOutcome(actor, before)) throw new OutcomeForbiddenError()
  const partnerId = canChooseOutcomePartner(actor) ? (input.partnerId ?? before.partnerId) : before.partnerId
  if (input.partnerId && input.partnerId !== partnerId) throw new OutcomeForbiddenError('another partner')
  assertReferences(outcomeReferenceErrors(tx, input, partnerId, before.partnerId))
  const resubmit = before.status === 'returned' && !canVerifyOutcomes(actor)
  const row = {
    ...toRow(input),
    partnerId,
    ...(resubmit ? { status: 'pending' as const } : {}),
  }
  const linksBefore = linksOf(tx, id)
  tx.update(outcomes)
    .set({ ...row, updatedAt: now() })
    .where(eq(outcomes.id, id))
    .run()
  const links = writeLinks(tx, id, input)
  recordUpdate(
    tx,
    { userId: actor.id, entity: 'outcome', entityId: id, summary: row.title },
    { ...before, ...linksBefore },
    { ...row, ...links },
  )
  return true
}

const transitions: Record<OutcomeStatus, OutcomeStatus[]> = {
  pending: ['verified', 'returned'],
  returned: ['verified', 'pending'],
  verified: ['returned'],
}

/** Verifies an outcome, or returns it with a comment (outcome:verify); audited before/after. */
export function setOutcomeStatus(
  tx: Tx,
  id: number,
  status: 'verified' | 'returned',
  actor: Actor,
  comment?: string | null,
) {
  const before = tx.select().from(outcomes).where(eq(outcomes.id, id)).get()
  if (!before || before.archivedAt) throw new OutcomeForbiddenError('not found')
  if (!canVerifyOutcomes(actor)) throw new OutcomeForbiddenError()
  if (!transitions[before.status].includes(status)) throw new OutcomeStatusError(before.status, status)
  const returnComment = status === 'returned' ? comment?.trim() || null : null
  if (status === 'returned' && !returnComment) throw new Error('a returned outcome needs a comment')
  const at = now()
  const patch = {
    status,
    returnComment,
    verifiedAt: status === 'verified' ? at : null,
    verifiedBy: status === 'verified' ? actor.id : null,
  }
  tx.update(outcomes)
    .set({ ...patch, updatedAt: at })
    .where(eq(outcomes.id, id))
    .run()
  recordAudit(tx, {
    userId: actor.id,
    entity: 'outcome',
    entityId: id,
    action: 'status',
    before: {
      status: before.status,
      returnComment: before.returnComment,
      verifiedAt: before.verifiedAt,
      verifiedBy: before.verifiedBy,
    },
    after: patch,
    summary: `${before.status} → ${status}`,
  })
}

/** Archives (never deletes) or restores an outcome: whoever may edit it. */
export function setOutcomeArchived(tx: Tx, id: number, archived: boolean, actor: Actor) {
  const before = tx.select().from(outcomes).where(eq(outcomes.id, id)).get()
  if (!before) return false
  if (!canEditOutcome(actor, { ...before, archivedAt: null })) throw new OutcomeForbiddenError()
  const archivedAt = archived ? now() : null
  if (Boolean(before.archivedAt) === archived) return true
  tx.update(outcomes).set({ archivedAt, updatedAt: now() }).where(eq(outcomes.id, id)).run()
  recordArchive(
    tx,
    { userId: actor.id, entity: 'outcome', entityId: id, summary: before.title },
    before.archivedAt,
    archivedAt,
  )
  return true
}
