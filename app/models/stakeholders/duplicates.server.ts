import { eq, inArray, sql } from 'drizzle-orm'

import { db, sqlite } from '#db/client'
import { partners, stakeholders } from '#db/schema'

import { dismissedMemberKeys, memberKeyOf } from './dismissals.server'

export const duplicateReasons = ['name', 'domain', 'email'] as const
export type DuplicateReason = (typeof duplicateReasons)[number]

/**
 * A web domain shared by more records than this is a shared host (urbact.eu/networks/...,
 * interregeurope.eu/..., a social network), not a sign of one organisation entered twice.
 */
export const MAX_DOMAIN_GROUP = 10

export type DuplicateGroup = { reason: DuplicateReason; key: string; ids: number[] }

const idsOf = (csv: string) => [...new Set(csv.split(',').map(Number))].sort((a, b) => a - b)

/**
 * Likely duplicates across the whole register (archived records left out): the same normalised
 * name, the same web domain, or a contact e-mail shared by two stakeholders. Each is one GROUP BY
 * over an indexed column. `limit` caps the groups returned per reason; totals count them all.
 */
export function findDuplicateGroups({ limit = 100 }: { limit?: number } = {}) {
  const raw = sqlite()
  const byName = raw
    .prepare(
      `select name_key as key, group_concat(id) as ids from stakeholders
        where archived_at is null and name_key <> ''
        group by name_key having count(*) > 1`,
    )
    .all() as { key: string; ids: string }[]
  const byDomain = raw
    .prepare(
      `select web_domain as key, group_concat(id) as ids from stakeholders
        where archived_at is null and web_domain is not null
        group by web_domain having count(*) between 2 and ${MAX_DOMAIN_GROUP}`,
    )
    .all() as { key: string; ids: string }[]
  const byEmail = raw
    .prepare(
      `select c.email_key as key, group_concat(distinct c.stakeholder_id) as ids from contacts c
         join stakeholders s on s.id = c.stakeholder_id
        where c.email_key is not null and c.archived_at is null and c.erased_at is null and s.archived_at is null
        group by c.email_key having count(distinct c.stakeholder_id) > 1`,
    )
    .all() as { key: string; ids: string }[]
  // Groups dismissed as "not duplicates" are not proposed again while their members are the same.
  const dismissed = dismissedMemberKeys()
  const shape = (reason: DuplicateReason, rows: { key: string; ids: string }[]): DuplicateGroup[] =>
    rows
      .map((r) => ({ reason, key: r.key, ids: idsOf(r.ids) }))
      .filter((g) => !dismissed.has(memberKeyOf(g.ids)))
      .sort((a, b) => b.ids.length - a.ids.length || a.key.localeCompare(b.key))
  const groups = {
    name: shape('name', byName),
    domain: shape('domain', byDomain),
    email: shape('email', byEmail),
  }
  return {
    total: groups.name.length + groups.domain.length + groups.email.length,
    totals: { name: groups.name.length, domain: groups.domain.length, email: groups.email.length },
    groups: [
      ...groups.name.slice(0, limit),
      ...groups.domain.slice(0, limit),
      ...groups.email.slice(0, limit),
    ],
  }
}

/** The records named by some duplicate groups, for showing them side by side. */
export function duplicateCandidates(ids: number[]) {
  if (!ids.length) return []
  return db
    .select({
      id: stakeholders.id,
      name: stakeholders.name,
      acronym: stakeholders.acronym,
      city: stakeholders.city,
      country: stakeholders.country,
      webDomain: stakeholders.webDomain,
      ownerName: partners.name,
      contacts: sql<number>`(select count(*) from contacts c where c.stakeholder_id = ${stakeholders.id} and c.archived_at is null)`,
    })
    .from(stakeholders)
    .leftJoin(partners, eq(partners.id, stakeholders.ownerPartnerId))
    .where(inArray(stakeholders.id, ids))
    .all()
}
