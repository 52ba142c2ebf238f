/**
 * Criteria, their weights and grid axes, and the tier thresholds. A change that moves scores or
 * tiers re-ranks the whole register at once (recompute.server.ts). Commands take the actor and
 * enforce the policy themselves.
 */
import { asc, eq, isNull, sql } from 'drizzle-orm'

import { db, type Tx } from '#db/client'
import { criteria, project } from '#db/schema'
import { recordArchive, recordAudit, recordUpdate } from '~/models/audit/index.server'
import type { Actor } from '~/utils/permissions'

import { assertMayEditCriteria } from './policy'
import { recomputeAllPriorities, retierAll } from './recompute.server'
import type { CriterionInput } from './schemas'
import { type GridCutoffs, type Thresholds, validCutoff, validThresholds } from './scoring'
import { getGridCutoffs, getThresholds, now } from './thresholds.server'

export type Criterion = typeof criteria.$inferSelect

export function listCriteria({ includeArchived = false }: { includeArchived?: boolean } = {}): Criterion[] {
  return db
    .select()
    .from(criteria)
    .where(includeArchived ? undefined : isNull(criteria.archivedAt))
    .orderBy(asc(criteria.sortOrder), asc(criteria.id))
    .all()
}

export function getCriterion(id: number) {
  return db.select().from(criteria).where(eq(criteria.id, id)).get() ?? null
}

export function createCriterion(tx: Tx, input: CriterionInput & { key?: string | null }, actor: Actor) {
  assertMayEditCriteria(actor)
  const userId = actor.id
  const maxOrder = tx
    .select({ n: sql<number>`coalesce(max(${criteria.sortOrder}), 0)` })
    .from(criteria)
    .get()!.n
  const row = tx
    .insert(criteria)
    .values({
      key: input.key ?? null,
      name: input.name,
      description: input.description || null,
      weight: input.weight,
      gridAxis: input.gridAxis ?? null,
      sortOrder: maxOrder + 1,
    })
    .returning()
    .get()
  recordAudit(tx, {
    userId,
    entity: 'criterion',
    entityId: row.id,
    action: 'create',
    after: row,
    summary: `criterion ${row.name} (weight ${row.weight})`,
  })
  recomputeAllPriorities(tx)
  return row
}

export function updateCriterion(tx: Tx, id: number, input: CriterionInput, actor: Actor) {
  assertMayEditCriteria(actor)
  const userId = actor.id
  const before = tx.select().from(criteria).where(eq(criteria.id, id)).get()
  if (!before) return null
  const values = {
    name: input.name,
    description: input.description || null,
    weight: input.weight,
    gridAxis: input.gridAxis ?? null,
  }
  const after = tx
    .update(criteria)
    .set({ ...values, updatedAt: now() })
    .where(eq(criteria.id, id))
    .returning()
    .get()
  const changed = recordUpdate(
    tx,
    { userId, entity: 'criterion', entityId: id, summary: `criterion ${after.name}` },
    before,
    values,
  )
  // A new weight or axis changes every score and grid position: re-rank at once.
  if (changed && (before.weight !== after.weight || before.gridAxis !== after.gridAxis) && !after.archivedAt)
    recomputeAllPriorities(tx)
  return after
}

export function setCriterionArchived(tx: Tx, id: number, archived: boolean, actor: Actor) {
  assertMayEditCriteria(actor)
  const userId = actor.id
  const before = tx.select().from(criteria).where(eq(criteria.id, id)).get()
  if (!before || !!before.archivedAt === archived) return before ?? null
  const after = tx
    .update(criteria)
    .set({ archivedAt: archived ? now() : null, updatedAt: now() })
    .where(eq(criteria.id, id))
    .returning()
    .get()
  recordArchive(
    tx,
    { userId, entity: 'criterion', entityId: id, summary: `criterion ${after.name}` },
    before.archivedAt,
    after.archivedAt,
  )
  recomputeAllPriorities(tx)
  return after
}

export function setThresholds(tx: Tx, input: Thresholds, actor: Actor) {
  assertMayEditCriteria(actor)
  const userId = actor.id
  if (!validThresholds(input)) throw new Error('invalid thresholds')
  const before = getThresholds(tx)
  tx.update(project)
    .set({ tierAThreshold: input.tierA, tierBThreshold: input.tierB, updatedAt: now() })
    .where(eq(project.id, 1))
    .run()
  const changed = recordUpdate(
    tx,
    { userId, entity: 'project', entityId: 1, summary: 'tier thresholds' },
    { tierAThreshold: before.tierA, tierBThreshold: before.tierB },
    { tierAThreshold: input.tierA, tierBThreshold: input.tierB },
  )
  if (changed) retierAll(tx, input)
  return changed
}

/** The cut-offs of the power/interest grid: only where quadrants are drawn moves, no score. */
export function setGridCutoffs(tx: Tx, input: GridCutoffs, actor: Actor) {
  assertMayEditCriteria(actor)
  if (!validCutoff(input.influence) || !validCutoff(input.interest)) throw new Error('invalid cut-offs')
  const before = getGridCutoffs(tx)
  tx.update(project)
    .set({ gridInfluenceCutoff: input.influence, gridInterestCutoff: input.interest, updatedAt: now() })
    .where(eq(project.id, 1))
    .run()
  return recordUpdate(
    tx,
    { userId: actor.id, entity: 'project', entityId: 1, summary: 'grid cut-offs' },
    { gridInfluenceCutoff: before.influence, gridInterestCutoff: before.interest },
    { gridInfluenceCutoff: input.influence, gridInterestCutoff: input.interest },
  )
}
