import { and, asc, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm'
import { z } from 'zod'

import { type Tx } from '#db/client'
import { db } from '#db/client'
import {
  actions,
  actionStakeholders,
  auditLog,
  contacts,
  criteria,
  partners,
  project,
  scales,
  scores,
  stages,
  stakeholderCategories,
  stakeholderPriority,
  stakeholders,
  stakeholderThemes,
  themes,
  tiers,
  users,
} from '#db/schema'
import { recordArchive, recordAudit, recordUpdate } from '~/models/audit.server'
import { forbidden, invariantResponse, requirePermission } from '~/utils/auth.server'
import { can } from '~/utils/permissions'
import type { SessionUser } from '~/utils/session.server'
import { nameKey, normalizeText, webDomainFrom } from '~/utils/text'

import { type StakeholderInput } from './stakeholder-schemas'

export type Stakeholder = typeof stakeholders.$inferSelect

export { builtInCategories, type CategoryKey } from './stakeholder-schemas'
export { countryCodes, type StakeholderInput, stakeholderInputSchema } from './stakeholder-schemas'

/** The stored columns derived from the input: the search and dedupe keys are never written apart. */
function columnsFrom(input: StakeholderInput) {
  const webDomain = webDomainFrom(input.website)
  return {
    name: input.name,
    acronym: input.acronym ?? null,
    categoryId: input.categoryId,
    programme: input.programme ?? null,
    period: input.period ?? null,
    scale: input.scale ?? null,
    country: input.country ?? null,
    city: input.city ?? null,
    website: input.website ?? null,
    webDomain,
    description: input.description ?? null,
    languages: [...new Set(input.languages)],
    ownerPartnerId: input.ownerPartnerId ?? null,
    stage: input.stage,
    nameKey: nameKey(input.name),
    searchText: searchTextFor({ name: input.name, acronym: input.acronym, city: input.city, webDomain }),
  }
}

export function searchTextFor(s: {
  name: string
  acronym?: string | null
  city?: string | null
  webDomain?: string | null
}) {
  return normalizeText([s.name, s.acronym, s.city, s.webDomain].filter(Boolean).join(' '))
}

function auditable(row: Stakeholder, themeIds: number[]) {
  const { searchText: _s, nameKey: _n, createdAt: _c, updatedAt: _u, ...rest } = row
  return { ...rest, themeIds: [...themeIds].sort((a, b) => a - b) }
}

function themeIdsOf(tx: Tx, id: number) {
  return tx
    .select({ themeId: stakeholderThemes.themeId })
    .from(stakeholderThemes)
    .where(eq(stakeholderThemes.stakeholderId, id))
    .all()
    .map((r) => r.themeId)
}

function setThemes(tx: Tx, id: number, themeIds: number[]) {
  tx.delete(stakeholderThemes).where(eq(stakeholderThemes.stakeholderId, id)).run()
  const unique = [...new Set(themeIds)]
  if (unique.length)
    tx.insert(stakeholderThemes)
      .values(unique.map((themeId) => ({ stakeholderId: id, themeId })))
      .run()
}

/** Creates a stakeholder with its themes and an audit row; returns its id. Call inside a transaction. */
export function createStakeholder(tx: Tx, input: StakeholderInput, userId: number | null): number {
  const row = tx
    .insert(stakeholders)
    .values({ ...columnsFrom(input), createdBy: userId })
    .returning()
    .get()
  setThemes(tx, row.id, input.themeIds)
  recordAudit(tx, {
    userId,
    entity: 'stakeholder',
    entityId: row.id,
    action: 'create',
    after: auditable(row, input.themeIds),
    summary: row.name,
  })
  return row.id
}

/**
 * Writes the given fields of a stakeholder (fields left out keep their value) and returns the
 * auditable record before and after. Callers record the audit row (update or merge).
 */
export function writeStakeholderFields(tx: Tx, id: number, input: Partial<StakeholderInput>) {
  const before = tx.select().from(stakeholders).where(eq(stakeholders.id, id)).get()
  if (!before) throw new Error(`Stakeholder ${id} not found`)
  const beforeThemes = themeIdsOf(tx, id)
  const merged: StakeholderInput = {
    name: before.name,
    acronym: before.acronym ?? undefined,
    categoryId: before.categoryId,
    programme: before.programme ?? undefined,
    period: before.period ?? undefined,
    scale: before.scale ?? undefined,
    country: before.country ?? undefined,
    city: before.city ?? undefined,
    website: before.website ?? undefined,
    description: before.description ?? undefined,
    themeIds: beforeThemes,
    languages: before.languages,
    ownerPartnerId: before.ownerPartnerId ?? undefined,
    stage: before.stage,
  }
  // Keys left out keep their value; an optional key given as undefined is cleared. Required
  // fields cannot be cleared, so an undefined there is ignored.
  const required = new Set(['name', 'categoryId', 'stage', 'themeIds', 'languages'])
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined && required.has(key)) continue
    ;(merged as Record<string, unknown>)[key] = value
  }
  const after = tx
    .update(stakeholders)
    .set({ ...columnsFrom(merged), updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` })
    .where(eq(stakeholders.id, id))
    .returning()
    .get()
  if (input.themeIds !== undefined) setThemes(tx, id, merged.themeIds)
  return {
    before: auditable(before, beforeThemes),
    after: auditable(after, merged.themeIds),
    stageChanged: before.stage !== after.stage,
    beforeRow: before,
    afterRow: after,
  }
}

/**
 * Changes the given fields of a stakeholder (fields left out keep their value, so an import can
 * update only the mapped columns) and audits what changed. Returns whether anything changed.
 */
export function updateStakeholder(
  tx: Tx,
  id: number,
  input: Partial<StakeholderInput>,
  userId: number | null,
): boolean {
  const { before, after, stageChanged, beforeRow, afterRow } = writeStakeholderFields(tx, id, input)
  return recordUpdate(
    tx,
    {
      userId,
      entity: 'stakeholder',
      entityId: id,
      summary: stageChanged ? `stage: ${beforeRow.stage} → ${afterRow.stage}` : afterRow.name,
    },
    before,
    after,
  )
}

export function archiveStakeholder(tx: Tx, id: number, userId: number | null) {
  const row = tx.select().from(stakeholders).where(eq(stakeholders.id, id)).get()
  if (!row || row.archivedAt) return false
  const at = new Date().toISOString()
  tx.update(stakeholders).set({ archivedAt: at, updatedAt: at }).where(eq(stakeholders.id, id)).run()
  recordAudit(tx, {
    userId,
    entity: 'stakeholder',
    entityId: id,
    action: 'archive',
    before: { archivedAt: null },
    after: { archivedAt: at },
    summary: row.name,
  })
  return true
}

export function restoreStakeholder(tx: Tx, id: number, userId: number | null) {
  const row = tx.select().from(stakeholders).where(eq(stakeholders.id, id)).get()
  if (!row || !row.archivedAt) return false
  const at = new Date().toISOString()
  tx.update(stakeholders)
    .set({ archivedAt: null, mergedIntoId: null, updatedAt: at })
    .where(eq(stakeholders.id, id))
    .run()
  recordAudit(tx, {
    userId,
    entity: 'stakeholder',
    entityId: id,
    action: 'restore',
    before: { archivedAt: row.archivedAt, mergedIntoId: row.mergedIntoId },
    after: { archivedAt: null, mergedIntoId: null },
    summary: row.name,
  })
  return true
}

/**
 * Field errors for ids that do not exist (or a category archived since), as the form shows them;
 * null when every reference is valid.
 */
export function invalidReferences(input: Partial<StakeholderInput>, current?: { categoryId: number }) {
  const errors: Record<string, string[]> = {}
  if (input.categoryId !== undefined) {
    const category = db
      .select()
      .from(stakeholderCategories)
      .where(eq(stakeholderCategories.id, input.categoryId))
      .get()
    if (!category || (category.archivedAt && category.id !== current?.categoryId))
      errors.categoryId = ['common:errors.choose']
  }
  if (input.ownerPartnerId !== undefined) {
    const partner = db
      .select({ id: partners.id })
      .from(partners)
      .where(eq(partners.id, input.ownerPartnerId))
      .get()
    if (!partner) errors.ownerPartnerId = ['common:errors.choose']
  }
  if (input.themeIds?.length) {
    const found = db
      .select({ id: themes.id })
      .from(themes)
      .where(inArray(themes.id, input.themeIds))
      .all().length
    if (found !== new Set(input.themeIds).size) errors.themeIds = ['common:errors.choose']
  }
  return Object.keys(errors).length ? errors : null
}

// ---------------------------------------------------------------------------------------------
// Permissions

export function stakeholderEditPolicy() {
  return (
    db.select({ policy: project.stakeholderEditPolicy }).from(project).where(eq(project.id, 1)).get()
      ?.policy ?? 'owner'
  )
}

type Editor = Pick<SessionUser, 'role' | 'partnerId'>

/**
 * Communications leads and administrators edit every stakeholder; a partner edits the ones its
 * partner owns, or any, or none, as the project's stakeholder edit policy says; viewers never.
 */
export function canEditStakeholder(
  user: Editor,
  stakeholder: Pick<Stakeholder, 'ownerPartnerId'>,
  policy = stakeholderEditPolicy(),
): boolean {
  if (can(user, 'stakeholder:edit:any')) return true
  if (!can(user, 'stakeholder:edit:own') || !user.partnerId) return false
  if (policy === 'any_partner') return true
  if (policy === 'owner') return stakeholder.ownerPartnerId === user.partnerId
  return false
}

/** For the edit routes: the stakeholder of the URL's :id if the signed-in user may edit it (404, 403 or the sign-in redirect otherwise). */
export async function requireEditableStakeholder(request: Request, rawId: string | undefined) {
  const user = await requirePermission(request, 'stakeholder:read')
  const id = Number(rawId)
  invariantResponse(Number.isInteger(id) && id > 0)
  const stakeholder = getStakeholder(id)
  invariantResponse(stakeholder)
  if (!canEditStakeholder(user, stakeholder)) throw forbidden()
  return { user, stakeholder }
}

/** Whether the user may add stakeholders at all (a partner adds them owned by its own partner). */
export function canCreateStakeholder(user: Editor, policy = stakeholderEditPolicy()): boolean {
  if (can(user, 'stakeholder:edit:any')) return true
  return can(user, 'stakeholder:edit:own') && !!user.partnerId && policy !== 'none'
}

// ---------------------------------------------------------------------------------------------
// The register: filters, search, sort

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
const optionalParam = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess(emptyToUndefined, schema.optional()).catch(undefined)

export const stakeholderSorts = [
  'name',
  '-name',
  'created',
  '-created',
  'updated',
  '-updated',
  'stage',
  'country',
  'score',
  'tier',
] as const
export type StakeholderSort = (typeof stakeholderSorts)[number]

/** The register's URL parameters; anything unreadable is ignored rather than an error page. */
export const stakeholderFilterSchema = z.object({
  q: optionalParam(z.string().trim().max(200)),
  category: optionalParam(z.coerce.number().int().positive()),
  country: optionalParam(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/),
  ),
  stage: optionalParam(z.enum(stages)),
  owner: optionalParam(z.union([z.literal('none'), z.coerce.number().int().positive()])),
  theme: optionalParam(z.coerce.number().int().positive()),
  tier: optionalParam(z.enum([...tiers, 'none'])),
  scale: optionalParam(z.enum(scales)),
  archived: optionalParam(z.enum(['1', 'only'])),
  sort: optionalParam(z.enum(stakeholderSorts)),
})
export type StakeholderFilter = z.infer<typeof stakeholderFilterSchema>

export function parseStakeholderFilter(params: URLSearchParams): StakeholderFilter {
  return stakeholderFilterSchema.parse(Object.fromEntries(params))
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * Search over name, acronym, city and web domain, ignoring case and accents: every word must
 * appear. Words of 3+ characters go through the FTS5 trigram index; shorter ones are checked
 * with LIKE on the (few) rows the index already picked, or on all rows if there is no long word.
 */
function searchCondition(q: string): SQL | undefined {
  const words = [...new Set(normalizeText(q).split(' ').filter(Boolean))].slice(0, 8)
  if (!words.length) return undefined
  const conditions: SQL[] = []
  const long = words.filter((w) => [...w].length >= 3)
  if (long.length) {
    const match = long.map((w) => `"${w.replace(/"/g, '""')}"`).join(' AND ')
    conditions.push(
      sql`${stakeholders.id} in (select rowid from stakeholder_search where stakeholder_search match ${match})`,
    )
  }
  for (const w of words.filter((w) => [...w].length < 3)) {
    conditions.push(sql`${stakeholders.searchText} like ${`%${escapeLike(w)}%`} escape '\\'`)
  }
  return and(...conditions)
}

/** The register's filter as one SQL condition, reused by groups and dashboards. */
export function stakeholderWhere(filter: StakeholderFilter): SQL | undefined {
  return whereFor(filter, 'list')
}

/**
 * `tier` and `theme` as a list of ids from their link table's index (the right shape for counting) or, for a page
 * read in index order, as a probe per row, so SQLite walks the sort's index and stops at the page's LIMIT instead
 * of sorting every match (tiers and themes each hold a sizeable share of the register).
 */
function whereFor(filter: StakeholderFilter, tierAs: 'list' | 'probe'): SQL | undefined {
  const where: (SQL | undefined)[] = []
  if (filter.archived === 'only') where.push(isNotNull(stakeholders.archivedAt))
  else if (filter.archived !== '1') where.push(isNull(stakeholders.archivedAt))
  if (filter.q) where.push(searchCondition(filter.q))
  if (filter.category) where.push(eq(stakeholders.categoryId, filter.category))
  if (filter.country) where.push(eq(stakeholders.country, filter.country))
  if (filter.stage) where.push(eq(stakeholders.stage, filter.stage))
  if (filter.owner === 'none') where.push(isNull(stakeholders.ownerPartnerId))
  else if (filter.owner) where.push(eq(stakeholders.ownerPartnerId, filter.owner))
  if (filter.scale) where.push(eq(stakeholders.scale, filter.scale))
  if (filter.theme && tierAs === 'probe') {
    where.push(
      sql`exists (select 1 from ${stakeholderThemes} where ${stakeholderThemes.stakeholderId} = ${stakeholders.id} and ${stakeholderThemes.themeId} = ${filter.theme})`,
    )
  } else if (filter.theme) {
    where.push(
      sql`${stakeholders.id} in (select ${stakeholderThemes.stakeholderId} from ${stakeholderThemes} where ${stakeholderThemes.themeId} = ${filter.theme})`,
    )
  }
  // The probe is a scalar subquery rather than EXISTS: an EXISTS becomes a join for which SQLite first builds a Bloom
  // filter over all of stakeholder_priority (8 ms), which a 50-row page never needs.
  const tierOf = sql`(select ${stakeholderPriority.tier} from ${stakeholderPriority} where ${stakeholderPriority.stakeholderId} = ${stakeholders.id})`
  if (filter.tier === 'none' && tierAs === 'probe') {
    where.push(sql`${tierOf} is null`)
  } else if (filter.tier === 'none') {
    where.push(
      sql`${stakeholders.id} not in (select ${stakeholderPriority.stakeholderId} from ${stakeholderPriority})`,
    )
  } else if (filter.tier && tierAs === 'probe') {
    where.push(sql`${tierOf} = ${filter.tier}`)
  } else if (filter.tier) {
    where.push(
      sql`${stakeholders.id} in (select ${stakeholderPriority.stakeholderId} from ${stakeholderPriority} where ${stakeholderPriority.tier} = ${filter.tier})`,
    )
  }
  const defined = where.filter((w): w is SQL => w !== undefined)
  return defined.length ? and(...defined) : undefined
}

function orderFor(sort: StakeholderSort | undefined): SQL[] {
  switch (sort) {
    case '-name':
      return [desc(stakeholders.nameKey), desc(stakeholders.id)]
    case 'created':
      return [asc(stakeholders.createdAt), asc(stakeholders.id)]
    case '-created':
      return [desc(stakeholders.createdAt), desc(stakeholders.id)]
    case 'updated':
      return [asc(stakeholders.updatedAt), asc(stakeholders.id)]
    case '-updated':
      return [desc(stakeholders.updatedAt), desc(stakeholders.id)]
    case 'stage':
      // The same expression as the index stakeholders_active_stage_idx, so SQLite reads the page from it.
      return [
        sql`case ${stakeholders.stage} when 'identified' then 1 when 'contacted' then 2 when 'engaged' then 3 when 'collaborating' then 4 else 5 end`,
        asc(stakeholders.nameKey),
      ]
    case 'country':
      // Index order (archived_at, country, name_key): records without a country come first.
      return [asc(stakeholders.country), asc(stakeholders.nameKey)]
    case 'score':
    case 'tier':
      // Tiers are score thresholds, so both orders are the same; unscored records come last.
      return [
        sql`${stakeholderPriority.score} is null`,
        desc(stakeholderPriority.score),
        asc(stakeholders.id),
      ]
    default:
      return [asc(stakeholders.nameKey), asc(stakeholders.id)]
  }
}

const listColumns = {
  id: stakeholders.id,
  name: stakeholders.name,
  acronym: stakeholders.acronym,
  categoryId: stakeholders.categoryId,
  categoryKey: stakeholderCategories.key,
  categoryName: stakeholderCategories.name,
  scale: stakeholders.scale,
  country: stakeholders.country,
  city: stakeholders.city,
  website: stakeholders.website,
  webDomain: stakeholders.webDomain,
  stage: stakeholders.stage,
  ownerPartnerId: stakeholders.ownerPartnerId,
  ownerName: partners.name,
  score: stakeholderPriority.score,
  tier: stakeholderPriority.tier,
  archivedAt: stakeholders.archivedAt,
  mergedIntoId: stakeholders.mergedIntoId,
  createdAt: stakeholders.createdAt,
  updatedAt: stakeholders.updatedAt,
}

function registerQuery(filter: StakeholderFilter) {
  return db
    .select(listColumns)
    .from(stakeholders)
    .innerJoin(stakeholderCategories, eq(stakeholderCategories.id, stakeholders.categoryId))
    .leftJoin(partners, eq(partners.id, stakeholders.ownerPartnerId))
    .leftJoin(stakeholderPriority, eq(stakeholderPriority.stakeholderId, stakeholders.id))
    .where(stakeholderWhere(filter))
    .orderBy(...orderFor(filter.sort))
}

export type StakeholderListRow = Awaited<ReturnType<typeof listStakeholders>>['rows'][number]

const countOf = (query: SQL) => db.get<{ n: number }>(sql`select count(*) as n from ${query}`).n

/**
 * How many stakeholders match. When the filter is only a tier, a theme or nothing (the common register views), the
 * count is read from the link table's index, less the archived records among them (few), instead of probing a row
 * of the register for each of tens of thousands of matches.
 */
function countStakeholders(filter: StakeholderFilter): number {
  const { sort: _sort, archived, tier, theme, ...rest } = filter
  const simple =
    archived === undefined && Object.values(rest).every((v) => v === undefined) && !(tier && theme)
  if (simple) {
    const archivedMatches = db
      .select({ n: sql<number>`count(*)` })
      .from(stakeholders)
      .where(whereFor({ ...filter, archived: 'only' }, 'list'))
      .get()!.n
    const all = countOf(sql`${stakeholders}`)
    if (tier === 'none') return all - countOf(sql`${stakeholderPriority}`) - archivedMatches
    if (tier)
      return (
        countOf(sql`${stakeholderPriority} where ${stakeholderPriority.tier} = ${tier}`) - archivedMatches
      )
    if (theme)
      return (
        countOf(sql`${stakeholderThemes} where ${stakeholderThemes.themeId} = ${theme}`) - archivedMatches
      )
    return all - archivedMatches
  }
  return db
    .select({ n: sql<number>`count(*)` })
    .from(stakeholders)
    .where(whereFor(filter, 'list'))
    .get()!.n
}

/** The list rows of the given ids, in that order: the joins run for one page only. */
function rowsByIds(ids: number[]) {
  if (!ids.length) return []
  const found = db
    .select(listColumns)
    .from(stakeholders)
    .innerJoin(stakeholderCategories, eq(stakeholderCategories.id, stakeholders.categoryId))
    .leftJoin(partners, eq(partners.id, stakeholders.ownerPartnerId))
    .leftJoin(stakeholderPriority, eq(stakeholderPriority.stakeholderId, stakeholders.id))
    .where(inArray(stakeholders.id, ids))
    .all()
  const byId = new Map(found.map((r) => [r.id, r]))
  return ids.map((id) => byId.get(id)).filter((r): r is (typeof found)[number] => r !== undefined)
}

/** One page of the register and the total matching the filter. */
export function listStakeholders(filter: StakeholderFilter, page: { limit: number; offset: number }) {
  const byScore = filter.sort === 'score' || filter.sort === 'tier'
  if (
    filter.q &&
    normalizeText(filter.q)
      .split(' ')
      .some((w) => [...w].length >= 3)
  ) {
    // A search through the trigram index is sorted in a temporary b-tree anyway: counting in the same pass (a window over
    // the matches) saves reading the full-text index twice. Only the ids are sorted; the page's rows are read after.
    const base = db
      .select({ id: stakeholders.id, total: sql<number>`count(*) over ()` })
      .from(stakeholders)
      .$dynamic()
    const counted = (
      byScore
        ? base.leftJoin(stakeholderPriority, eq(stakeholderPriority.stakeholderId, stakeholders.id))
        : base
    )
      .where(whereFor(filter, 'list'))
      .orderBy(...orderFor(filter.sort))
      .limit(page.limit)
      .offset(page.offset)
      .all()
    if (counted.length || page.offset === 0) {
      return { rows: rowsByIds(counted.map((r) => r.id)), total: counted[0]?.total ?? 0 }
    }
  }
  const total = countStakeholders(filter)
  if (byScore) return { rows: listByScore(filter, page), total }
  // The page's ids first, from the sort's index alone (paging deep into the register skips index entries, not joined
  // rows), then the 50 rows with their names.
  const ids = db
    .select({ id: stakeholders.id })
    .from(stakeholders)
    .where(whereFor(filter, 'probe'))
    .orderBy(...orderFor(filter.sort))
    .limit(page.limit)
    .offset(page.offset)
    .all()
    .map((r) => r.id)
  return { rows: rowsByIds(ids), total }
}

/**
 * Highest score first, then the unscored by name: two queries, so the scored part walks the
 * score index of stakeholder_priority instead of sorting the whole register.
 */
function listByScore(filter: StakeholderFilter, page: { limit: number; offset: number }) {
  const where = stakeholderWhere(filter)
  const scored = db
    .select({ id: stakeholderPriority.stakeholderId })
    .from(stakeholderPriority)
    .innerJoin(stakeholders, eq(stakeholders.id, stakeholderPriority.stakeholderId))
    .where(where)
    .orderBy(desc(stakeholderPriority.score), asc(stakeholderPriority.stakeholderId))
    .limit(page.limit)
    .offset(page.offset)
    .all()
    .map((r) => r.id)
  if (scored.length === page.limit || (filter.tier && filter.tier !== 'none')) return rowsByIds(scored)
  const scoredCount = db
    .select({ n: sql<number>`count(*)` })
    .from(stakeholderPriority)
    .innerJoin(stakeholders, eq(stakeholders.id, stakeholderPriority.stakeholderId))
    .where(where)
    .get()!.n
  const unscored = db
    .select({ id: stakeholders.id })
    .from(stakeholders)
    .where(whereFor({ ...filter, tier: 'none' }, 'probe'))
    .orderBy(...orderFor('name'))
    .limit(page.limit - scored.length)
    .offset(Math.max(0, page.offset - scoredCount))
    .all()
    .map((r) => r.id)
  return rowsByIds([...scored, ...unscored])
}

/** Every stakeholder matching the filter, for the CSV export, with themes as names. */
export function exportStakeholders(filter: StakeholderFilter) {
  const rows = registerQuery(filter).all()
  const themeNames = new Map(
    db
      .select({ id: themes.id, name: themes.name })
      .from(themes)
      .all()
      .map((t) => [t.id, t.name]),
  )
  const extra = new Map<
    number,
    {
      programme: string | null
      period: string | null
      description: string | null
      languages: string[]
      themes: string[]
    }
  >()
  const ids = rows.map((r) => r.id)
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000)
    for (const r of db
      .select({
        id: stakeholders.id,
        programme: stakeholders.programme,
        period: stakeholders.period,
        description: stakeholders.description,
        languages: stakeholders.languages,
      })
      .from(stakeholders)
      .where(inArray(stakeholders.id, chunk))
      .all()) {
      extra.set(r.id, { ...r, themes: [] })
    }
    for (const t of db
      .select()
      .from(stakeholderThemes)
      .where(inArray(stakeholderThemes.stakeholderId, chunk))
      .all()) {
      extra.get(t.stakeholderId)?.themes.push(themeNames.get(t.themeId) ?? String(t.themeId))
    }
  }
  return rows.map((r) => ({ ...r, ...extra.get(r.id)! }))
}

// ---------------------------------------------------------------------------------------------
// One stakeholder

export function getStakeholder(id: number) {
  const row = db
    .select({
      stakeholder: stakeholders,
      categoryKey: stakeholderCategories.key,
      categoryName: stakeholderCategories.name,
      categoryIsFundedProject: stakeholderCategories.isFundedProject,
      ownerName: partners.name,
      mergedIntoName: sql<
        string | null
      >`(select s2.name from stakeholders s2 where s2.id = ${stakeholders.mergedIntoId})`,
    })
    .from(stakeholders)
    .innerJoin(stakeholderCategories, eq(stakeholderCategories.id, stakeholders.categoryId))
    .leftJoin(partners, eq(partners.id, stakeholders.ownerPartnerId))
    .where(eq(stakeholders.id, id))
    .get()
  if (!row) return null
  const themeRows = db
    .select({ id: themes.id, name: themes.name })
    .from(stakeholderThemes)
    .innerJoin(themes, eq(themes.id, stakeholderThemes.themeId))
    .where(eq(stakeholderThemes.stakeholderId, id))
    .orderBy(themes.name)
    .all()
  const priority =
    db.select().from(stakeholderPriority).where(eq(stakeholderPriority.stakeholderId, id)).get() ?? null
  return {
    ...row.stakeholder,
    categoryKey: row.categoryKey,
    categoryName: row.categoryName,
    categoryIsFundedProject: row.categoryIsFundedProject,
    ownerName: row.ownerName,
    mergedIntoName: row.mergedIntoName,
    themes: themeRows,
    themeIds: themeRows.map((t) => t.id),
    priority,
  }
}
export type StakeholderDetail = NonNullable<ReturnType<typeof getStakeholder>>

export type TimelineItem =
  | {
      kind: 'audit'
      at: string
      action: string
      userName: string | null
      summary: string | null
      before: Record<string, unknown> | null
      after: Record<string, unknown> | null
    }
  | {
      kind: 'action'
      at: string
      actionId: number
      title: string
      status: string
      partnerName: string
      participants: number | null
      onlineReach: number | null
    }
  | {
      kind: 'score'
      at: string
      criterionName: string
      criterionKey: string | null
      value: number
      userName: string | null
      rationale: string | null
      superseded: boolean
    }

/** Everything that touched a stakeholder, newest first: its audit trail, the actions that reached it, its scores. */
export function stakeholderTimeline(id: number, limit = 200): TimelineItem[] {
  const audit = db
    .select({
      at: auditLog.at,
      action: auditLog.action,
      userName: users.name,
      summary: auditLog.summary,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(eq(auditLog.entity, 'stakeholder'), eq(auditLog.entityId, id)))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all()
    .map((r) => ({ kind: 'audit' as const, ...r }))
  const reached = db
    .select({
      at: actions.date,
      actionId: actions.id,
      title: actions.title,
      status: actions.status,
      partnerName: partners.name,
      participants: actions.participants,
      onlineReach: actions.onlineReach,
    })
    .from(actionStakeholders)
    .innerJoin(actions, eq(actions.id, actionStakeholders.actionId))
    .innerJoin(partners, eq(partners.id, actions.partnerId))
    .where(
      and(
        eq(actionStakeholders.stakeholderId, id),
        inArray(actions.status, ['submitted', 'validated']),
        isNull(actions.archivedAt),
      ),
    )
    .orderBy(desc(actions.date))
    .limit(limit)
    .all()
    .map((r) => ({ kind: 'action' as const, ...r }))
  const scoreRows = db
    .select({
      at: scores.createdAt,
      criterionName: criteria.name,
      criterionKey: criteria.key,
      value: scores.value,
      userName: users.name,
      rationale: scores.rationale,
      supersededAt: scores.supersededAt,
    })
    .from(scores)
    .innerJoin(criteria, eq(criteria.id, scores.criterionId))
    .leftJoin(users, eq(users.id, scores.userId))
    .where(eq(scores.stakeholderId, id))
    .orderBy(desc(scores.id))
    .limit(limit)
    .all()
    .map(({ supersededAt, ...r }) => ({ kind: 'score' as const, ...r, superseded: supersededAt !== null }))
  return [...audit, ...reached, ...scoreRows]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, limit)
}

export function contactCount(stakeholderId: number) {
  return db
    .select({ n: sql<number>`count(*)` })
    .from(contacts)
    .where(and(eq(contacts.stakeholderId, stakeholderId), isNull(contacts.archivedAt)))
    .get()!.n
}

// ---------------------------------------------------------------------------------------------
// Categories

export type Category = typeof stakeholderCategories.$inferSelect

export function listCategories({ includeArchived = false } = {}) {
  return db
    .select()
    .from(stakeholderCategories)
    .where(includeArchived ? undefined : isNull(stakeholderCategories.archivedAt))
    .orderBy(asc(stakeholderCategories.sortOrder), asc(stakeholderCategories.id))
    .all()
}

export const categoryNameSchema = z
  .string({ required_error: 'common:errors.required' })
  .trim()
  .min(1, 'common:errors.required')
  .max(120, 'common:errors.tooLong')

export function createCategory(
  tx: Tx,
  input: { name: string; isFundedProject: boolean },
  userId: number | null,
) {
  const max = tx
    .select({ n: sql<number>`coalesce(max(${stakeholderCategories.sortOrder}), 0)` })
    .from(stakeholderCategories)
    .get()!.n
  const row = tx
    .insert(stakeholderCategories)
    .values({ name: input.name, isFundedProject: input.isFundedProject, sortOrder: max + 10 })
    .returning()
    .get()
  recordAudit(tx, {
    userId,
    entity: 'stakeholder_category',
    entityId: row.id,
    action: 'create',
    after: row,
    summary: row.name,
  })
  return row.id
}

export function updateCategory(
  tx: Tx,
  id: number,
  input: { name: string; isFundedProject: boolean },
  userId: number | null,
) {
  const before = tx.select().from(stakeholderCategories).where(eq(stakeholderCategories.id, id)).get()
  if (!before) return false
  const after = tx
    .update(stakeholderCategories)
    .set({ name: input.name, isFundedProject: input.isFundedProject, updatedAt: new Date().toISOString() })
    .where(eq(stakeholderCategories.id, id))
    .returning()
    .get()
  return recordUpdate(
    tx,
    { userId, entity: 'stakeholder_category', entityId: id, summary: after.name },
    before,
    after,
  )
}

/** Swaps a category with its neighbour above (-1) or below (+1) and renumbers the list. */
export function moveCategory(tx: Tx, id: number, direction: -1 | 1, userId: number | null) {
  const list = tx
    .select({ id: stakeholderCategories.id, sortOrder: stakeholderCategories.sortOrder })
    .from(stakeholderCategories)
    .orderBy(asc(stakeholderCategories.sortOrder), asc(stakeholderCategories.id))
    .all()
  const index = list.findIndex((c) => c.id === id)
  const target = index + direction
  if (index < 0 || target < 0 || target >= list.length) return false
  ;[list[index], list[target]] = [list[target], list[index]]
  list.forEach((c, i) => {
    if (c.sortOrder !== (i + 1) * 10)
      tx.update(stakeholderCategories)
        .set({ sortOrder: (i + 1) * 10 })
        .where(eq(stakeholderCategories.id, c.id))
        .run()
  })
  recordAudit(tx, {
    userId,
    entity: 'stakeholder_category',
    entityId: id,
    action: 'update',
    before: { position: index + 1 },
    after: { position: target + 1 },
  })
  return true
}

export function setCategoryArchived(tx: Tx, id: number, archived: boolean, userId: number | null) {
  const row = tx.select().from(stakeholderCategories).where(eq(stakeholderCategories.id, id)).get()
  if (!row || !!row.archivedAt === archived) return false
  const at = archived ? new Date().toISOString() : null
  tx.update(stakeholderCategories).set({ archivedAt: at }).where(eq(stakeholderCategories.id, id)).run()
  recordArchive(
    tx,
    { userId, entity: 'stakeholder_category', entityId: id, summary: row.name },
    row.archivedAt,
    at,
  )
  return true
}

// ---------------------------------------------------------------------------------------------
// Options for forms and filters

export function stakeholderFormOptions() {
  return {
    categories: listCategories({ includeArchived: true }),
    partners: db
      .select({ id: partners.id, name: partners.name })
      .from(partners)
      .where(isNull(partners.archivedAt))
      .orderBy(partners.name)
      .all(),
    themes: db
      .select({ id: themes.id, name: themes.name })
      .from(themes)
      .where(isNull(themes.archivedAt))
      .orderBy(themes.name)
      .all(),
    workingLanguages:
      db.select({ l: project.workingLanguages }).from(project).where(eq(project.id, 1)).get()?.l ?? [],
  }
}

/** Countries actually used in the register (for the filter), most frequent first is not needed: alphabetical. */
export function usedCountries(): string[] {
  return db
    .selectDistinct({ country: stakeholders.country })
    .from(stakeholders)
    .where(isNotNull(stakeholders.country))
    .orderBy(stakeholders.country)
    .all()
    .map((r) => r.country!)
}

// Bulk writers (the import writes 10,000 rows with prepared statements) derive the same stored
// columns and audit values as createStakeholder, so search and dedupe keys never drift.
export { auditable as stakeholderAuditValues, columnsFrom as stakeholderColumnsFrom }
