import { eq } from 'drizzle-orm'

import { db } from '#db/client'
import { type partners, type themes } from '#db/schema'
import { recordArchive } from '~/models/audit/index.server'
import type { Actor } from '~/utils/permissions'

import { assertMayAdminister } from './policy'

export type FieldError = { field: string; message: string }
export type Result<T = undefined> = { ok: true; value: T } | { ok: false; error: FieldError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (field: string, message: string): Result<never> => ({
  ok: false,
  error: { field, message },
})

export const now = () => new Date().toISOString()

/**
 * The commands' guard: the acting user (the session user; scripts and tests pass a real user as
 * an Actor too) must hold admin:manage (ForbiddenError otherwise). Returns the actor's id for the
 * audit rows.
 */
export function assertAdministrator(actor: Actor): number {
  assertMayAdminister(actor)
  return actor.id
}

/** Archives or restores a theme or a partner, with its audit row. */
export function setArchived(
  table: typeof themes | typeof partners,
  entity: string,
  id: number,
  archived: boolean,
  userId: number,
): boolean {
  return db.transaction((tx) => {
    const row = tx
      .select({ name: table.name, archivedAt: table.archivedAt })
      .from(table)
      .where(eq(table.id, id))
      .get()
    if (!row) return false
    if (!!row.archivedAt === archived) return true
    const archivedAt = archived ? now() : null
    tx.update(table).set({ archivedAt, updatedAt: now() }).where(eq(table.id, id)).run()
    recordArchive(tx, { userId, entity, entityId: id, summary: row.name }, row.archivedAt, archivedAt)
    return true
  })
}
