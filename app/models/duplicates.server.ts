import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import { z } from 'zod'

import { type Tx } from '#db/client'
import { db, sqlite } from '#db/client'
import { actionStakeholders, contacts, partners, scores, stakeholders, stakeholderThemes } from '#db/schema'
import { changedFields, recordAudit } from '~/models/audit.server'
import { recomputePriorities } from '~/models/priorities.server'
import { type StakeholderInput, writeStakeholderFields } from '~/models/stakeholders.server'

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
  const shape = (reason: DuplicateReason, rows: { key: string; ids: string }[]): DuplicateGroup[] =>
    rows
      .map((r) => ({ reason, key: r.key, ids: idsOf(r.ids) }))
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

/** The fields a person chooses between when merging; themes and languages are united. */
export const mergeFields = [
  'name',
  'acronym',
  'categoryId',
  'programme',
  'period',
  'scale',
  'country',
  'city',
  'website',
  'description',
  'ownerPartnerId',
  'stage',
] as const
export type MergeField = (typeof mergeFields)[number]

export const mergeSchema = z
  .object({
    survivorId: z.coerce.number().int().positive(),
    loserId: z.coerce.number().int().positive(),
    ...Object.fromEntries(
      mergeFields.map((f) => [`pick_${f}`, z.enum(['survivor', 'loser']).default('survivor')]),
    ),
  })
  .refine((v) => v.survivorId !== v.loserId, {
    message: 'stakeholders:duplicatesPage.sameRecord',
    path: ['loserId'],
  })
export type MergeInput = {
  survivorId: number
  loserId: number
  picks: Partial<Record<MergeField, 'survivor' | 'loser'>>
}

export class MergeError extends Error {}

/**
 * Merges `loserId` into `survivorId`: chosen field values go to the survivor; contacts, the actions
 * that reached the loser, its score history and themes move to the survivor; the loser is archived
 * with mergedIntoId set. Join-table rows the survivor already has are kept once (insert-or-ignore,
 * then delete). Audited as 'merge' on both records. Call inside a transaction.
 */
export function mergeStakeholders(tx: Tx, { survivorId, loserId, picks }: MergeInput, userId: number | null) {
  if (survivorId === loserId) throw new MergeError('sameRecord')
  const survivor = tx.select().from(stakeholders).where(eq(stakeholders.id, survivorId)).get()
  const loser = tx.select().from(stakeholders).where(eq(stakeholders.id, loserId)).get()
  if (!survivor || !loser) throw new MergeError('notFound')
  if (survivor.archivedAt || loser.archivedAt) throw new MergeError('archivedRecord')

  const chosen: Partial<StakeholderInput> = {}
  for (const field of mergeFields) {
    if (picks[field] !== 'loser') continue
    const value = loser[field]
    ;(chosen as Record<string, unknown>)[field] = value === null ? undefined : value
  }
  const themeIds = (id: number) =>
    tx
      .select({ t: stakeholderThemes.themeId })
      .from(stakeholderThemes)
      .where(eq(stakeholderThemes.stakeholderId, id))
      .all()
      .map((r) => r.t)
  chosen.themeIds = [...new Set([...themeIds(survivorId), ...themeIds(loserId)])]
  chosen.languages = [...new Set([...survivor.languages, ...loser.languages])]
  const { before, after } = writeStakeholderFields(tx, survivorId, chosen)

  const movedContacts = tx
    .update(contacts)
    .set({ stakeholderId: survivorId })
    .where(eq(contacts.stakeholderId, loserId))
    .returning({ id: contacts.id })
    .all().length
  const movedActions = tx
    .select({ n: sql<number>`count(*)` })
    .from(actionStakeholders)
    .where(eq(actionStakeholders.stakeholderId, loserId))
    .get()!.n
  tx.insert(actionStakeholders)
    .select(
      tx
        .select({
          actionId: actionStakeholders.actionId,
          stakeholderId: sql<number>`${survivorId}`.as('stakeholder_id'),
          // Filled with the survivor's category by the link trigger (migration 0014).
          categoryId: sql<number | null>`null`.as('category_id'),
        })
        .from(actionStakeholders)
        .where(eq(actionStakeholders.stakeholderId, loserId)),
    )
    .onConflictDoNothing()
    .run()
  tx.delete(actionStakeholders).where(eq(actionStakeholders.stakeholderId, loserId)).run()
  tx.delete(stakeholderThemes).where(eq(stakeholderThemes.stakeholderId, loserId)).run()

  // Score history moves; where both had a current score on a criterion, the survivor's stays current.
  const at = new Date().toISOString()
  tx.update(scores)
    .set({ supersededAt: at })
    .where(
      and(
        eq(scores.stakeholderId, loserId),
        isNull(scores.supersededAt),
        sql`${scores.criterionId} in (select s2.criterion_id from scores s2 where s2.stakeholder_id = ${survivorId} and s2.superseded_at is null)`,
      ),
    )
    .run()
  const movedScores = tx
    .update(scores)
    .set({ stakeholderId: survivorId })
    .where(eq(scores.stakeholderId, loserId))
    .returning({ id: scores.id })
    .all().length
  recomputePriorities(tx as never, [survivorId, loserId])

  tx.update(stakeholders)
    .set({ archivedAt: at, mergedIntoId: survivorId, updatedAt: at })
    .where(eq(stakeholders.id, loserId))
    .run()

  const diff = changedFields(before, after)
  const moved = { contacts: movedContacts, actions: movedActions, scores: movedScores }
  recordAudit(tx, {
    userId,
    entity: 'stakeholder',
    entityId: survivorId,
    action: 'merge',
    before: { ...(diff?.before ?? {}) },
    after: { ...(diff?.after ?? {}), mergedFromId: loserId, mergedFromName: loser.name, moved },
    summary: `${loser.name} (#${loserId}) → ${survivor.name} (#${survivorId})`,
  })
  recordAudit(tx, {
    userId,
    entity: 'stakeholder',
    entityId: loserId,
    action: 'merge',
    before: { archivedAt: null, mergedIntoId: null },
    after: { archivedAt: at, mergedIntoId: survivorId, moved },
    summary: `${loser.name} (#${loserId}) → ${survivor.name} (#${survivorId})`,
  })
  return moved
}
