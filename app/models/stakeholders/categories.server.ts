import { asc, eq, isNull, sql } from 'drizzle-orm'

import { db, type Tx } from '#db/client'
import { stakeholderCategories } from '#db/schema'
import { recordArchive, recordAudit, recordUpdate } from '~/models/audit/index.server'
import { type Actor, assertCan } from '~/utils/permissions'

/*
 * The register's categories, which the administrator adds, renames, orders and archives: each
 * write takes the acting user and needs admin:manage.
 */

export function listCategories({ includeArchived = false } = {}) {
  return db
    .select()
    .from(stakeholderCategories)
    .where(includeArchived ? undefined : isNull(stakeholderCategories.archivedAt))
    .orderBy(asc(stakeholderCategories.sortOrder), asc(stakeholderCategories.id))
    .all()
}

export function createCategory(tx: Tx, input: { name: string; isFundedProject: boolean }, actor: Actor) {
  assertCan(actor, 'admin:manage')
  const userId = actor.id
  const max = tx
    .select({ n: sql<number>`coalesce(max(${stakeholderCategories.sortOrder}), 0)` })
    .from(stakeholderCategories)
    .get()!.n
  const row = tx
    .insert(stakeholderCategories)
    .values({ name: input.name, isFundedProject: input.isFundedProject, sortOrder: max + 10 })
    .returning()
    .get()
  recordAudit(tx, {
    userId,
    entity: 'stakeholder_category',
    entityId: row.id,
    action: 'create',
    after: row,
    summary: row.name,
  })
  return row.id
}

export function updateCategory(
  tx: Tx,
  id: number,
  input: { name: string; isFundedProject: boolean },
  actor: Actor,
) {
  assertCan(actor, 'admin:manage')
  const userId = actor.id
  const before = tx.select().from(stakeholderCategories).where(eq(stakeholderCategories.id, id)).get()
  if (!before) return false
  const after = tx
    .update(stakeholderCategories)
    .set({ name: input.name, isFundedProject: input.isFundedProject, updatedAt: new Date().toISOString() })
    .where(eq(stakeholderCategories.id, id))
    .returning()
    .get()
  return recordUpdate(
    tx,
    { userId, entity: 'stakeholder_category', entityId: id, summary: after.name },
    before,
    after,
  )
}

/** Swaps a category with its neighbour above (-1) or below (+1) and renumbers the list. */
export function moveCategory(tx: Tx, id: number, direction: -1 | 1, actor: Actor) {
  assertCan(actor, 'admin:manage')
  const userId = actor.id
  const list = tx
    .select({ id: stakeholderCategories.id, sortOrder: stakeholderCategories.sortOrder })
    .from(stakeholderCategories)
    .orderBy(asc(stakeholderCategories.sortOrder), asc(stakeholderCategories.id))
    .all()
  const index = list.findIndex((c) => c.id === id)
  const target = index + direction
  if (index < 0 || target < 0 || target >= list.length) return false
  ;[list[index], list[target]] = [list[target], list[index]]
  list.forEach((c, i) => {
    if (c.sortOrder !== (i + 1) * 10)
      tx.update(stakeholderCategories)
        .set({ sortOrder: (i + 1) * 10 })
        .where(eq(stakeholderCategories.id, c.id))
        .run()
  })
  recordAudit(tx, {
    userId,
    entity: 'stakeholder_category',
    entityId: id,
    action: 'update',
    before: { position: index + 1 },
    after: { position: target + 1 },
  })
  return true
}

export function setCategoryArchived(tx: Tx, id: number, archived: boolean, actor: Actor) {
  assertCan(actor, 'admin:manage')
  const userId = actor.id
  const row = tx.select().from(stakeholderCategories).where(eq(stakeholderCategories.id, id)).get()
  if (!row || !!row.archivedAt === archived) return false
  const at = archived ? new Date().toISOString() : null
  tx.update(stakeholderCategories).set({ archivedAt: at }).where(eq(stakeholderCategories.id, id)).run()
  recordArchive(
    tx,
    { userId, entity: 'stakeholder_category', entityId: id, summary: row.name },
    row.archivedAt,
    at,
  )
  return true
}
