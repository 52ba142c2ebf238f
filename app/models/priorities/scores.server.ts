/**
 * Scores: a stakeholder's value (1-5) on each criterion, with the reason and who gave it. A
 * change supersedes the current row (never deletes it), so the history is kept.
 */
import { and, desc, eq, isNull } from 'drizzle-orm'

import { db, type Tx } from '#db/client'
import { criteria, scores, stakeholders, users } from '#db/schema'
import { recordAudit } from '~/models/audit/index.server'
import type { Actor } from '~/utils/permissions'

import { assertMayScore } from './policy'
import { getPriority, recomputePriorities } from './recompute.server'
import { isScoreValue } from './scoring'
import { now } from './thresholds.server'

export type ScoreChange = { criterionId: number; value: number | null; rationale?: string | null }

type Score = typeof scores.$inferSelect

function currentScore(tx: Tx, stakeholderId: number, criterionId: number): Score | undefined {
  return tx
    .select()
    .from(scores)
    .where(
      and(
        eq(scores.stakeholderId, stakeholderId),
        eq(scores.criterionId, criterionId),
        isNull(scores.supersededAt),
      ),
    )
    .get()
}

/** Applies one change (see scoreStakeholder); false when it changes nothing. */
function applyChange(
  tx: Tx,
  stakeholderId: number,
  change: ScoreChange,
  userId: number | null,
  stamp: string,
): boolean {
  if (change.value !== null && !isScoreValue(change.value))
    throw new Error(`score out of range: ${change.value}`)
  const current = currentScore(tx, stakeholderId, change.criterionId)
  const rationale = change.rationale?.trim() || null
  if (
    current &&
    current.value === change.value &&
    (change.rationale === undefined || (current.rationale ?? null) === rationale)
  )
    return false
  if (!current && change.value === null) return false
  if (current) tx.update(scores).set({ supersededAt: stamp }).where(eq(scores.id, current.id)).run()
  if (change.value === null) {
    recordAudit(tx, {
      userId,
      entity: 'score',
      entityId: current!.id,
      action: 'archive',
      before: { stakeholderId, criterionId: change.criterionId, value: current!.value },
      summary: `cleared score of stakeholder ${stakeholderId}`,
    })
    return true
  }
  const row = tx
    .insert(scores)
    .values({
      stakeholderId,
      criterionId: change.criterionId,
      value: change.value,
      // A new value keeps the reason given before only if no new one is given.
      rationale: change.rationale === undefined ? (current?.rationale ?? null) : rationale,
      userId,
      createdAt: stamp,
    })
    .returning()
    .get()
  recordAudit(tx, {
    userId,
    entity: 'score',
    entityId: row.id,
    action: 'create',
    before: current ? { value: current.value, rationale: current.rationale } : null,
    after: { stakeholderId, criterionId: change.criterionId, value: row.value, rationale: row.rationale },
    summary: `scored stakeholder ${stakeholderId}`,
  })
  return true
}

/**
 * Sets (or clears, with value null) a stakeholder's current score on criteria. The current row is
 * superseded, never deleted, so the history is kept; an unchanged value is a no-op. Recomputes the
 * stakeholder's priority. Returns how many scores changed. Needs `priority:score`.
 */
export function scoreStakeholder(
  tx: Tx,
  stakeholderId: number,
  changes: readonly ScoreChange[],
  actor: Actor,
): number {
  assertMayScore(actor)
  const userId = actor.id
  let changed = 0
  const stamp = now()
  for (const change of changes) if (applyChange(tx, stakeholderId, change, userId, stamp)) changed++
  if (changed) recomputePriorities(tx, [stakeholderId])
  return changed
}

/** A stakeholder that may be scored: neither archived nor merged into another. */
export function isScorableStakeholder(id: number): boolean {
  return !!db
    .select({ id: stakeholders.id })
    .from(stakeholders)
    .where(and(eq(stakeholders.id, id), isNull(stakeholders.archivedAt), isNull(stakeholders.mergedIntoId)))
    .get()
}

/** A stakeholder's name (archived or merged ones too), for "saved" messages. */
export function stakeholderName(id: number): string | null {
  if (!Number.isInteger(id) || id <= 0) return null
  return (
    db.select({ name: stakeholders.name }).from(stakeholders).where(eq(stakeholders.id, id)).get()?.name ??
    null
  )
}

export type ScoreHistoryEntry = {
  id: number
  criterionId: number
  criterionName: string
  value: number
  rationale: string | null
  createdAt: string
  supersededAt: string | null
  userName: string | null
}

/** Every score a stakeholder was given, newest first (current ones have supersededAt null). */
export function scoreHistory(stakeholderId: number, limit = 200): ScoreHistoryEntry[] {
  return db
    .select({
      id: scores.id,
      criterionId: scores.criterionId,
      criterionName: criteria.name,
      value: scores.value,
      rationale: scores.rationale,
      createdAt: scores.createdAt,
      supersededAt: scores.supersededAt,
      userName: users.name,
    })
    .from(scores)
    .innerJoin(criteria, eq(criteria.id, scores.criterionId))
    .leftJoin(users, eq(users.id, scores.userId))
    .where(eq(scores.stakeholderId, stakeholderId))
    .orderBy(desc(scores.createdAt), desc(scores.id))
    .limit(limit)
    .all()
}

/** The history panel of the scoring grid: an active stakeholder, its scores and its priority. */
export function scoreHistoryPanel(stakeholderId: number) {
  if (!Number.isInteger(stakeholderId) || stakeholderId <= 0) return null
  const stakeholder = db
    .select({ id: stakeholders.id, name: stakeholders.name })
    .from(stakeholders)
    .where(and(eq(stakeholders.id, stakeholderId), isNull(stakeholders.archivedAt)))
    .get()
  if (!stakeholder) return null
  return { stakeholder, entries: scoreHistory(stakeholder.id), priority: getPriority(stakeholder.id) }
}
