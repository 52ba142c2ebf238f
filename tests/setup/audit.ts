import { and, count, desc, eq } from 'drizzle-orm'
import { expect } from 'vitest'

import { db } from '#db/client'
import { auditLog } from '#db/schema'
import { type Actor, ForbiddenError } from '~/utils/permissions'

import { tx } from './db'

/**
 * The newest audit row (of one entity, and one record of it, when given): what a command has
 * just written. Throws when there is none, so a test reads the row's fields without guessing.
 */
export function lastAudit(entity?: string, entityId?: number) {
  const row = db
    .select()
    .from(auditLog)
    .where(
      and(
        entity === undefined ? undefined : eq(auditLog.entity, entity),
        entityId === undefined ? undefined : eq(auditLog.entityId, entityId),
      ),
    )
    .orderBy(desc(auditLog.id))
    .get()
  if (!row) throw new Error(`no audit row${entity ? ` for ${entity}` : ''}${entityId ? ` ${entityId}` : ''}`)
  return row
}

/** The number of rows in the audit log. */
export const auditCount = () => db.select({ n: count() }).from(auditLog).get()!.n

/** The actor is refused (ForbiddenError) and nothing is written: no audit row either. */
export function expectRefused(actor: Actor, command: (by: Actor) => unknown) {
  const audits = auditCount()
  expect(() => tx(() => command(actor))).toThrow(ForbiddenError)
  expect(auditCount()).toBe(audits)
}
