import { and, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm'

import { db, type Tx } from '#db/client'
import { type AuditAction, auditLog, users } from '#db/schema'

type Values = Record<string, unknown>

/** The fields that differ between two versions of a record, as before/after pairs. */
export function changedFields(before: Values, after: Values): { before: Values; after: Values } | null {
  const b: Values = {}
  const a: Values = {}
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'updatedAt' || key === 'createdAt') continue
    if (!(key in after)) continue
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key] ?? null
      a[key] = after[key] ?? null
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null
}

export type AuditEntry = {
  userId: number | null
  entity: string
  entityId: number | null
  action: AuditAction
  before?: Values | null
  after?: Values | null
  summary?: string
}

/** Writes one audit row; call it inside the same transaction as the change it records. */
export function recordAudit(tx: Tx, entry: AuditEntry) {
  tx.insert(auditLog)
    .values({
      userId: entry.userId,
      entity: entry.entity,
      entityId: entry.entityId,
      action: entry.action,
      before: entry.before ?? null,
      after: entry.after ?? null,
      summary: entry.summary ?? null,
    })
    .run()
}

/**
 * Records an update with only the changed fields; does nothing if nothing changed.
 * Returns whether anything changed.
 */
export function recordUpdate(
  tx: Tx,
  base: Omit<AuditEntry, 'action' | 'before' | 'after'>,
  before: Values,
  after: Values,
) {
  const diff = changedFields(before, after)
  if (!diff) return false
  recordAudit(tx, { ...base, action: 'update', ...diff })
  return true
}

/** Records an archive (`after` set) or a restore (`after` null) of one record's archivedAt. */
export function recordArchive(
  tx: Tx,
  base: Omit<AuditEntry, 'action' | 'before' | 'after'>,
  before: string | null,
  after: string | null,
) {
  recordAudit(tx, {
    ...base,
    action: after ? 'archive' : 'restore',
    before: { archivedAt: before },
    after: { archivedAt: after },
  })
}

export type AuditFilters = {
  entity?: string
  entityId?: number
  userId?: number
  action?: AuditAction
  from?: string
  to?: string
}

export function listAudit(filters: AuditFilters, page: { limit: number; offset: number }) {
  const where: SQL[] = []
  if (filters.entity) where.push(eq(auditLog.entity, filters.entity))
  if (filters.entityId) where.push(eq(auditLog.entityId, filters.entityId))
  if (filters.userId) where.push(eq(auditLog.userId, filters.userId))
  if (filters.action) where.push(eq(auditLog.action, filters.action))
  if (filters.from) where.push(gte(auditLog.at, filters.from))
  if (filters.to) where.push(lte(auditLog.at, `${filters.to}T23:59:59.999Z`))
  const condition = where.length ? and(...where) : undefined
  const rows = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
      summary: auditLog.summary,
      userId: auditLog.userId,
      userName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(condition)
    .orderBy(desc(auditLog.id))
    .limit(page.limit)
    .offset(page.offset)
    .all()
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(auditLog)
    .where(condition)
    .get()!.n
  return { rows, total }
}

export function auditEntities(): string[] {
  return db
    .selectDistinct({ entity: auditLog.entity })
    .from(auditLog)
    .orderBy(auditLog.entity)
    .all()
    .map((r) => r.entity)
}
