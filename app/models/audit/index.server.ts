/*
 * The audit log: every command records what it changed, in the same transaction. The writers
 * are here; the log's reads (the admin page) are in ./queries.server.ts.
 */
import { type Tx } from '#db/client'
import { type AuditAction, auditLog } from '#db/schema'

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

export { auditEntities, type AuditFilters, listAudit } from './queries.server'
