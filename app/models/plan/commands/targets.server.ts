import { eq } from 'drizzle-orm'

import { type Tx } from '#db/client'
import { targets } from '#db/schema'
import { getProject } from '~/models/admin/index.server'
import { recordArchive, recordAudit, recordUpdate } from '~/models/audit/index.server'
import { type Actor } from '~/utils/permissions'
import { assertReferences } from '~/utils/references.server'

import { assertCanEditPlan } from '../policy'
import { periodBounds } from '../queries/targets.server'
import { targetReferenceErrors } from '../references.server'
import { splitFacet, type TargetForm } from '../schemas'

function toRow(input: TargetForm) {
  const project = getProject()
  if (!project) throw new Error('no project')
  const bounds = periodBounds(input.periodKind, input, project)
  if (!bounds) throw new Error('bad period')
  const [breakdown, breakdownValue] = splitFacet(input.facet)
  return {
    label: input.label || null,
    metric: input.metric,
    periodKind: input.periodKind,
    periodStart: bounds.start,
    periodEnd: bounds.end,
    breakdown,
    breakdownValue,
    value: input.value,
  }
}

/** Creates a target; throws InvalidReferencesError for a period or facet that does not exist. */
export function createTarget(tx: Tx, input: TargetForm, actor: Actor) {
  assertCanEditPlan(actor)
  assertReferences(targetReferenceErrors(input))
  const row = toRow(input)
  const created = tx.insert(targets).values(row).returning().get()
  recordAudit(tx, {
    userId: actor.id,
    entity: 'target',
    entityId: created.id,
    action: 'create',
    after: row,
    summary: `target ${row.metric}`,
  })
  return created
}

export function updateTarget(tx: Tx, id: number, input: TargetForm, actor: Actor) {
  assertCanEditPlan(actor)
  const before = tx.select().from(targets).where(eq(targets.id, id)).get()
  if (!before) return null
  assertReferences(targetReferenceErrors(input, before))
  const row = toRow(input)
  tx.update(targets)
    .set({ ...row, updatedAt: new Date().toISOString() })
    .where(eq(targets.id, id))
    .run()
  recordUpdate(
    tx,
    { userId: actor.id, entity: 'target', entityId: id, summary: `target ${row.metric}` },
    before,
    row,
  )
  return { ...before, ...row }
}

export function setTargetArchived(tx: Tx, id: number, archived: boolean, actor: Actor) {
  assertCanEditPlan(actor)
  const before = tx.select().from(targets).where(eq(targets.id, id)).get()
  if (!before) return null
  const archivedAt = archived ? new Date().toISOString() : null
  tx.update(targets).set({ archivedAt, updatedAt: new Date().toISOString() }).where(eq(targets.id, id)).run()
  recordArchive(tx, { userId: actor.id, entity: 'target', entityId: id }, before.archivedAt, archivedAt)
  return true
}
