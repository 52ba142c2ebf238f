import { z } from 'zod'

import { auditActions } from '#db/schema'
import type { AuditFilters } from '~/models/audit/index.server'

import { isoDate } from './schemas'

/** The audit page's filters and how its values read; the log itself is in models/audit.server.ts. */
const auditFilterSchema = z.object({
  entity: z.string().trim().max(60).optional().catch(undefined),
  entityId: z.coerce.number().int().positive().optional().catch(undefined),
  user: z.coerce.number().int().positive().optional().catch(undefined),
  action: z.enum(auditActions).optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
})
export type AuditUrlFilter = z.infer<typeof auditFilterSchema>

/** The audit filters from the URL; a malformed value is ignored rather than failing the page. */
export function auditFilterFromUrl(url: URL): AuditUrlFilter {
  return auditFilterSchema.parse(Object.fromEntries([...url.searchParams].filter(([, v]) => v !== '')))
}

export function auditFilters(f: AuditUrlFilter): AuditFilters {
  return { entity: f.entity, entityId: f.entityId, userId: f.user, action: f.action, from: f.from, to: f.to }
}

/** One value as people read it in the audit list and its CSV. */
export function auditValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (Array.isArray(value)) {
    if (!value.length) return '—'
    return value.every((v) => typeof v !== 'object' || v === null)
      ? value.join(', ')
      : value.map(auditValue).join(' | ')
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
    return entries.length ? entries.map(([k, v]) => `${k}: ${auditValue(v)}`).join('; ') : '—'
  }
  return String(value)
}

/** "field: old -> new" lines for one audit row (only "new" on a create, only "old" when nothing follows). */
export function auditChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])]
  return keys.map((field) => ({
    field,
    before: before && field in before ? auditValue(before[field]) : null,
    after: after && field in after ? auditValue(after[field]) : null,
  }))
}
