import { and, eq, inArray, isNull, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { actions, actionStakeholders, stakeholders } from '#db/schema'
import { stakeholderWhere } from '~/models/stakeholders/index.server'

// The stakeholder picker of the quick form.

/** Stakeholders by id (to show the chosen ones again after a failed submit). */
export function stakeholdersByIds(ids: number[]) {
  if (!ids.length) return []
  return db
    .select({
      id: stakeholders.id,
      name: stakeholders.name,
      city: stakeholders.city,
      country: stakeholders.country,
    })
    .from(stakeholders)
    .where(inArray(stakeholders.id, ids.slice(0, 500)))
    .orderBy(stakeholders.name)
    .all()
}

export type PickerStakeholder = { id: number; name: string; city: string | null; country: string | null }

/** Stakeholders matching a search (same search as the register), for the picker. */
export function searchStakeholdersForPicker(q: string, limit = 20): PickerStakeholder[] {
  const where = stakeholderWhere({ q })
  if (!q.trim()) return []
  return db
    .select({
      id: stakeholders.id,
      name: stakeholders.name,
      city: stakeholders.city,
      country: stakeholders.country,
    })
    .from(stakeholders)
    .where(where)
    .orderBy(stakeholders.nameKey)
    .limit(limit)
    .all()
}

/**
 * A few stakeholders worth offering before any search: those a partner reached in its latest
 * actions, then those it owns. Bounded queries, so they stay cheap on a large log.
 */
export function suggestedStakeholders(partnerId: number | null, limit = 12): PickerStakeholder[] {
  if (!partnerId) return []
  const recent = db.all<PickerStakeholder>(sql`
    select s.id, s.name, s.city, s.country from ${stakeholders} s
    join ${actionStakeholders} ast on ast.stakeholder_id = s.id
    where ast.action_id in (select id from ${actions} where partner_id = ${partnerId} and archived_at is null order by date desc limit 200)
      and s.archived_at is null
    group by s.id order by max(ast.action_id) desc limit ${limit}`)
  if (recent.length >= limit) return recent
  const owned = db
    .select({
      id: stakeholders.id,
      name: stakeholders.name,
      city: stakeholders.city,
      country: stakeholders.country,
    })
    .from(stakeholders)
    .where(and(eq(stakeholders.ownerPartnerId, partnerId), isNull(stakeholders.archivedAt)))
    .orderBy(stakeholders.nameKey)
    .limit(limit)
    .all()
  const seen = new Set(recent.map((r) => r.id))
  return [...recent, ...owned.filter((o) => !seen.has(o.id))].slice(0, limit)
}
