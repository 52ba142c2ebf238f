import { and, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { type AuditAction, auditLog, users } from '#db/schema'

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
  // Stryker disable next-line ConditionalExpression: `true` is equivalent, 'undefinedT…' sorts after every date
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
