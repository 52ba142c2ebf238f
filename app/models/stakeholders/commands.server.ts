import { eq, sql } from 'drizzle-orm'

import { type Tx } from '#db/client'
import { stakeholders } from '#db/schema'
import { recordAudit, recordUpdate } from '~/models/audit/index.server'
import { type Actor, ForbiddenError } from '~/utils/permissions'

import { auditable, columnsFrom, setThemes, themeIdsOf } from './columns.server'
import { canCreateStakeholder, canEditStakeholder, ownerAfterEdit, ownerOfNew } from './policy'
import { stakeholderEditPolicy } from './queries/options.server'
import type { StakeholderInput } from './schemas'

/*
 * The register's writes. Each takes the acting user (`Actor`: the signed-in user, the user who
 * started an import job, the seed's demo account) and checks their rights itself
 * (ForbiddenError). Call inside a transaction.
 */

type Row = typeof stakeholders.$inferSelect

/** Throws ForbiddenError unless the actor may edit this stakeholder. */
function assertEditable(tx: Tx, by: Actor, row: Pick<Row, 'ownerPartnerId'>) {
  if (!canEditStakeholder(by, row, stakeholderEditPolicy(tx)))
    throw new ForbiddenError('may not edit this stakeholder')
}

/**
 * Creates a stakeholder with its themes and an audit row; returns its id. A partner adds
 * stakeholders owned by its own partner, whatever owner the input names.
 */
export function createStakeholder(tx: Tx, input: StakeholderInput, by: Actor): number {
  if (!canCreateStakeholder(by, stakeholderEditPolicy(tx)))
    throw new ForbiddenError('may not add stakeholders')
  input = { ...input, ownerPartnerId: ownerOfNew(by, input.ownerPartnerId) }
  const userId = by.id
  const row = tx
    .insert(stakeholders)
    .values({ ...columnsFrom(input), createdBy: userId })
    .returning()
    .get()
  setThemes(tx, row.id, input.themeIds)
  recordAudit(tx, {
    userId,
    entity: 'stakeholder',
    entityId: row.id,
    action: 'create',
    after: auditable(row, themeIdsOf(tx, row.id)),
    summary: row.name,
  })
  return row.id
}

/**
 * Writes the given fields of a stakeholder (fields left out keep their value) and returns the
 * auditable record before and after. Callers record the audit row (update or merge).
 */
export function writeStakeholderFields(tx: Tx, id: number, input: Partial<StakeholderInput>) {
  const before = tx.select().from(stakeholders).where(eq(stakeholders.id, id)).get()
  if (!before) throw new Error(`Stakeholder ${id} not found`)
  const beforeThemes = themeIdsOf(tx, id)
  const merged: StakeholderInput = {
    name: before.name,
    acronym: before.acronym ?? undefined,
    categoryId: before.categoryId,
    programme: before.programme ?? undefined,
    period: before.period ?? undefined,
    scale: before.scale ?? undefined,
    country: before.country ?? undefined,
    city: before.city ?? undefined,
    website: before.website ?? undefined,
    description: before.description ?? undefined,
    themeIds: beforeThemes,
    languages: before.languages,
    ownerPartnerId: before.ownerPartnerId ?? undefined,
    stage: before.stage,
  }
  // Keys left out keep their value; an optional key given as undefined is cleared. Required
  // fields cannot be cleared, so an undefined there is ignored.
  const required = new Set(['name', 'categoryId', 'stage', 'themeIds', 'languages'])
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined && required.has(key)) continue
    ;(merged as Record<string, unknown>)[key] = value
  }
  const after = tx
    .update(stakeholders)
    .set({ ...columnsFrom(merged), updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` })
    .where(eq(stakeholders.id, id))
    .returning()
    .get()
  if (input.themeIds !== undefined) setThemes(tx, id, merged.themeIds)
  return {
    before: auditable(before, beforeThemes),
    after: auditable(after, themeIdsOf(tx, id)),
    stageChanged: before.stage !== after.stage,
    beforeRow: before,
    afterRow: after,
  }
}

/**
 * Changes the given fields of a stakeholder (fields left out keep their value, so an import can
 * update only the mapped columns) and audits what changed. Returns whether anything changed.
 * Only who may hand stakeholders to another partner changes the owner.
 */
export function updateStakeholder(tx: Tx, id: number, input: Partial<StakeholderInput>, by: Actor): boolean {
  const current = tx.select().from(stakeholders).where(eq(stakeholders.id, id)).get()
  if (!current) throw new Error(`Stakeholder ${id} not found`)
  assertEditable(tx, by, current)
  if ('ownerPartnerId' in input)
    input = { ...input, ownerPartnerId: ownerAfterEdit(by, current.ownerPartnerId, input.ownerPartnerId) }
  const { before, after, stageChanged, beforeRow, afterRow } = writeStakeholderFields(tx, id, input)
  return recordUpdate(
    tx,
    {
      userId: by.id,
      entity: 'stakeholder',
      entityId: id,
      summary: stageChanged ? `stage: ${beforeRow.stage} → ${afterRow.stage}` : afterRow.name,
    },
    before,
    after,
  )
}

export function archiveStakeholder(tx: Tx, id: number, by: Actor) {
  const row = tx.select().from(stakeholders).where(eq(stakeholders.id, id)).get()
  if (!row || row.archivedAt) return false
  assertEditable(tx, by, row)
  const at = new Date().toISOString()
  tx.update(stakeholders).set({ archivedAt: at, updatedAt: at }).where(eq(stakeholders.id, id)).run()
  recordAudit(tx, {
    userId: by.id,
    entity: 'stakeholder',
    entityId: id,
    action: 'archive',
    before: { archivedAt: null },
    after: { archivedAt: at },
    summary: row.name,
  })
  return true
}

export function restoreStakeholder(tx: Tx, id: number, by: Actor) {
  const row = tx.select().from(stakeholders).where(eq(stakeholders.id, id)).get()
  if (!row || !row.archivedAt) return false
  assertEditable(tx, by, row)
  const at = new Date().toISOString()
  tx.update(stakeholders)
    .set({ archivedAt: null, mergedIntoId: null, updatedAt: at })
    .where(eq(stakeholders.id, id))
    .run()
  recordAudit(tx, {
    userId: by.id,
    entity: 'stakeholder',
    entityId: id,
    action: 'restore',
    before: { archivedAt: row.archivedAt, mergedIntoId: row.mergedIntoId },
    after: { archivedAt: null, mergedIntoId: null },
    summary: row.name,
  })
  return true
}
