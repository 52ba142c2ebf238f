import { db } from '#db/client'
import { stakeholders } from '#db/schema'

import { stakeholderWhere } from '../where.server'

export type StakeholderMatch = { id: number; name: string; city: string | null; country: string | null }

/** Stakeholders matching a search (the register's search), by name, for the picker. */
export function searchStakeholders(q: string, limit = 20): StakeholderMatch[] {
  if (!q.trim()) return []
  return db
    .select({
      id: stakeholders.id,
      name: stakeholders.name,
      city: stakeholders.city,
      country: stakeholders.country,
    })
    .from(stakeholders)
    .where(stakeholderWhere({ q }))
    .orderBy(stakeholders.nameKey)
    .limit(limit)
    .all()
}
