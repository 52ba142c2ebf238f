import { asc, eq, isNull, sql } from 'drizzle-orm'

import { type Tx } from '#db/client'
import { db } from '#db/client'
import { actionTypes, channels } from '#db/schema'
import { recordArchive, recordAudit } from '~/models/audit/index.server'
import { type Actor, assertCan } from '~/utils/permissions'

import { type ListKind, listLabelKey } from './list-labels'

// Types and channels (administrator-editable lists). Every command requires admin:manage itself.

const listTable = (kind: ListKind) => (kind === 'types' ? actionTypes : channels)
const now = () => new Date().toISOString()

/** Entries of a list in the administrator's order; archived ones only when asked. */
export function listEntries(kind: ListKind, { includeArchived = false } = {}) {
  const table = listTable(kind)
  return db
    .select({
      id: table.id,
      key: table.key,
      name: table.name,
      sortOrder: table.sortOrder,
      archivedAt: table.archivedAt,
    })
    .from(table)
    .where(includeArchived ? undefined : isNull(table.archivedAt))
    .orderBy(asc(table.sortOrder), asc(table.id))
    .all()
}

/** Types and channels with the i18n key to show (null: show the stored name). */
export function labelledEntries(kind: ListKind) {
  return listEntries(kind).map((e) => ({ ...e, labelKey: listLabelKey(kind, e) }))
}

const entity = (kind: ListKind) => (kind === 'types' ? 'action_type' : 'channel')

export function addListEntry(tx: Tx, kind: ListKind, name: string, actor: Actor) {
  assertCan(actor, 'admin:manage')
  const table = listTable(kind)
  const max =
    tx
      .select({ m: sql<number | null>`max(${table.sortOrder})` })
      .from(table)
      .get()?.m ?? 0
  const row = tx
    .insert(table)
    .values({ name: name.trim(), sortOrder: max + 10 })
    .returning()
    .get()
  recordAudit(tx, {
    userId: actor.id,
    entity: entity(kind),
    entityId: row.id,
    action: 'create',
    after: { name: row.name, sortOrder: row.sortOrder },
    summary: row.name,
  })
  return row.id
}

export function renameListEntry(tx: Tx, kind: ListKind, id: number, name: string, actor: Actor) {
  assertCan(actor, 'admin:manage')
  const table = listTable(kind)
  const before = tx.select().from(table).where(eq(table.id, id)).get()
  if (!before) return false
  const next = name.trim()
  if (next === before.name) return false
  tx.update(table).set({ name: next, updatedAt: now() }).where(eq(table.id, id)).run()
  recordAudit(tx, {
    userId: actor.id,
    entity: entity(kind),
    entityId: id,
    action: 'update',
    before: { name: before.name },
    after: { name: next },
    summary: next,
  })
  return true
}

/** Swaps an entry with its neighbour above or below (archived entries keep their place). */
export function moveListEntry(tx: Tx, kind: ListKind, id: number, direction: 'up' | 'down', actor: Actor) {
  assertCan(actor, 'admin:manage')
  const table = listTable(kind)
  const all = tx
    .select({ id: table.id, sortOrder: table.sortOrder })
    .from(table)
    .orderBy(asc(table.sortOrder), asc(table.id))
    .all()
  const index = all.findIndex((e) => e.id === id)
  const other = direction === 'up' ? index - 1 : index + 1
  if (index < 0 || other < 0 || other >= all.length) return false
  // Renumber in steps of 10 so equal sort orders never make a swap a no-op.
  const order = all.map((e) => e.id)
  ;[order[index], order[other]] = [order[other], order[index]]
  order.forEach((entryId, i) => {
    const sortOrder = (i + 1) * 10
    if (all.find((e) => e.id === entryId)!.sortOrder !== sortOrder)
      tx.update(table).set({ sortOrder }).where(eq(table.id, entryId)).run()
  })
  recordAudit(tx, {
    userId: actor.id,
    entity: entity(kind),
    entityId: id,
    action: 'update',
    before: { position: index + 1 },
    after: { position: other + 1 },
  })
  return true
}

export function setListEntryArchived(tx: Tx, kind: ListKind, id: number, archived: boolean, actor: Actor) {
  assertCan(actor, 'admin:manage')
  const table = listTable(kind)
  const before = tx.select().from(table).where(eq(table.id, id)).get()
  if (!before || !!before.archivedAt === archived) return false
  const at = archived ? now() : null
  tx.update(table).set({ archivedAt: at, updatedAt: now() }).where(eq(table.id, id)).run()
  recordArchive(
    tx,
    { userId: actor.id, entity: entity(kind), entityId: id, summary: before.name },
    before.archivedAt,
    at,
  )
  return true
}

/** Is this name already used by another entry of the list (archived ones included)? */
export function listEntryNameTaken(kind: ListKind, name: string, exceptId?: number) {
  const wanted = name.toLocaleLowerCase()
  return listEntries(kind, { includeArchived: true }).some(
    (e) => e.name.toLocaleLowerCase() === wanted && e.id !== exceptId,
  )
}
