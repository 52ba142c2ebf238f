import { and, eq, ne } from 'drizzle-orm'

import { type Tx } from '#db/client'
import { resultIndicators, resultIndicatorValues } from '#db/schema'
import { recordArchive, recordAudit, recordUpdate } from '~/models/audit/index.server'
import { type Actor, ForbiddenError } from '~/utils/permissions'
import { assertReferences } from '~/utils/references.server'

import { type IndicatorForm, type IndicatorValueForm } from './indicator-schemas'
import { canEditIndicators } from './policy'

function assertMay(actor: Actor) {
  if (!canEditIndicators(actor)) throw new ForbiddenError('may not edit result indicators')
}

function toRow(input: IndicatorForm) {
  return {
    code: input.code,
    name: input.name,
    definition: input.definition,
    unit: input.unit,
    baselineValue: input.baselineValue,
    baselineDate: input.baselineDate ?? null,
    target: input.target ?? null,
    source: input.source ?? null,
    method: input.method,
    outcomeTypes: input.method === 'computed' ? input.outcomeTypes : [],
    counts: input.counts,
  }
}

function assertCodeFree(tx: Tx, code: string, id?: number) {
  const clash = tx
    .select({ id: resultIndicators.id })
    .from(resultIndicators)
    .where(and(eq(resultIndicators.code, code), id ? ne(resultIndicators.id, id) : undefined))
    .get()
  if (clash) assertReferences({ code: ['results:errors.codeTaken'] })
}

/** Adds one of the project's own KPIs (plan:edit). */
export function createIndicator(tx: Tx, input: IndicatorForm, actor: Actor) {
  assertMay(actor)
  assertCodeFree(tx, input.code)
  const row = { ...toRow(input), kind: 'kpi' as const, sortOrder: 100 }
  const id = tx.insert(resultIndicators).values(row).returning({ id: resultIndicators.id }).get().id
  recordAudit(tx, {
    userId: actor.id,
    entity: 'result_indicator',
    entityId: id,
    action: 'create',
    after: row,
    summary: row.code,
  })
  return id
}

/**
 * Changes an indicator's definition, baseline, target, source and method (plan:edit). A programme
 * indicator keeps its code.
 */
export function updateIndicator(tx: Tx, id: number, input: IndicatorForm, actor: Actor) {
  assertMay(actor)
  const before = tx.select().from(resultIndicators).where(eq(resultIndicators.id, id)).get()
  if (!before) return false
  const row = toRow({ ...input, code: before.kind === 'programme' ? before.code : input.code })
  assertCodeFree(tx, row.code, id)
  tx.update(resultIndicators)
    .set({ ...row, updatedAt: new Date().toISOString() })
    .where(eq(resultIndicators.id, id))
    .run()
  recordUpdate(
    tx,
    { userId: actor.id, entity: 'result_indicator', entityId: id, summary: row.code },
    before,
    row,
  )
  return true
}

/** Enters a value of an indicator at a date with its evidence (a link or a note); who and when are kept. */
export function addIndicatorValue(tx: Tx, indicatorId: number, input: IndicatorValueForm, actor: Actor) {
  assertMay(actor)
  const indicator = tx.select().from(resultIndicators).where(eq(resultIndicators.id, indicatorId)).get()
  if (!indicator) return null
  const row = {
    indicatorId,
    date: input.date,
    value: input.value!,
    evidenceUrl: input.evidenceUrl ?? null,
    note: input.note ?? null,
    createdBy: actor.id,
  }
  const id = tx.insert(resultIndicatorValues).values(row).returning({ id: resultIndicatorValues.id }).get().id
  recordAudit(tx, {
    userId: actor.id,
    entity: 'result_indicator_value',
    entityId: id,
    action: 'create',
    after: row,
    summary: `${indicator.code} ${row.date}: ${row.value}`,
  })
  return id
}

/** Removes (archives) an entered value. */
export function archiveIndicatorValue(tx: Tx, indicatorId: number, valueId: number, actor: Actor) {
  assertMay(actor)
  const before = tx.select().from(resultIndicatorValues).where(eq(resultIndicatorValues.id, valueId)).get()
  if (!before || before.indicatorId !== indicatorId || before.archivedAt) return false
  const archivedAt = new Date().toISOString()
  tx.update(resultIndicatorValues).set({ archivedAt }).where(eq(resultIndicatorValues.id, valueId)).run()
  recordArchive(
    tx,
    {
      userId: actor.id,
      entity: 'result_indicator_value',
      entityId: valueId,
      summary: `${before.date}: ${before.value}`,
    },
    null,
    archivedAt,
  )
  return true
}
