import { eq, inArray, sql } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'

import { type Tx } from '#db/client'

/**
 * Checking the ids a form sends: does the row exist (and is it still offered)? Shared by every
 * area's references check (actions, stakeholders, plan, events), so the rule is written once.
 */

type WithId = SQLiteTable & { id: SQLiteColumn }
type Archivable = WithId & { archivedAt: SQLiteColumn }

/** Field errors as the forms show them: field name → i18n keys. */
export type FieldErrors = Record<string, string[]>

export const CHOOSE = ['common:errors.choose']

/** Is there a row with this id? */
export function rowExists(tx: Tx, table: WithId, id: number) {
  return !!tx.select({ id: table.id }).from(table).where(eq(table.id, id)).get()
}

/**
 * Is there a row with this id that is not archived, or is the archived one the record already
 * has (`keep`), so that editing a record never forces a change of what it points at?
 */
export function rowIsLive(tx: Tx, table: Archivable, id: number, keep?: number | null) {
  const row = tx
    .select({ id: table.id, archivedAt: table.archivedAt })
    .from(table)
    .where(eq(table.id, id))
    .get() as { id: number; archivedAt: string | null } | undefined
  return !!row && (!row.archivedAt || row.id === keep)
}

/** Do all these ids exist (repeats counted once)? */
export function allRowsExist(tx: Tx, table: WithId, ids: readonly number[] | null | undefined) {
  const wanted = [...new Set(ids ?? [])]
  if (!wanted.length) return true
  const found = tx
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .where(inArray(table.id, wanted))
    .get()!.n
  return found === wanted.length
}

/**
 * Thrown by a domain command when the form points at records that do not exist; the
 * transaction it runs in is rolled back, so nothing is written. Routes show the errors next to
 * their fields (`orFieldErrors`).
 */
export class InvalidReferencesError extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super(`invalid references: ${Object.keys(fieldErrors).join(', ')}`)
    this.name = 'InvalidReferencesError'
  }
}

/** The commands' guard: throws InvalidReferencesError when there is any field error. */
export function assertReferences(errors: FieldErrors) {
  if (Object.keys(errors).length) throw new InvalidReferencesError(errors)
}

/**
 * Runs a command and hands back its field errors instead of throwing, for the route to answer
 * 400 with `submission.reply({ fieldErrors })`:
 * `const result = orFieldErrors(() => orForbidden(() => db.transaction((tx) => createX(tx, input, user))))`.
 */
export function orFieldErrors<T>(
  command: () => T,
): { ok: true; value: T } | { ok: false; fieldErrors: FieldErrors } {
  try {
    return { ok: true, value: command() }
  } catch (error) {
    if (error instanceof InvalidReferencesError) return { ok: false, fieldErrors: error.fieldErrors }
    throw error
  }
}
