import { and, asc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm'

import { type Tx } from '#db/client'
import { db } from '#db/client'
import {
  engagementStrategies,
  partners,
  scales,
  stages,
  stakeholderCategories,
  type StakeholderFilter as SavedFilter,
  stakeholderGroups,
  stakeholderPriority,
  stakeholders,
  strategyMessages,
  themes,
  tiers,
} from '#db/schema'

import { recordArchive, recordAudit, recordUpdate } from './audit.server'
import {
  groupFilterKeys,
  type GroupForm,
  groupFormSchema,
  type StrategyForm,
  strategyFormSchema,
} from './plan-forms'
import { stakeholderFilterSchema, stakeholderWhere } from './stakeholders.server'

/** A saved filter read back through the register's own schema (unknown or bad values are dropped). */
export function parseSavedFilter(filter: SavedFilter | Record<string, unknown> | null | undefined) {
  const clean = Object.fromEntries(
    Object.entries(filter ?? {}).filter(
      ([k, v]) => k !== 'sort' && k !== 'archived' && v !== undefined && v !== null && v !== '',
    ),
  )
  return stakeholderFilterSchema.parse(clean)
}

/**
 * The condition (over the `stakeholders` table) that selects a group's members: the register's own
 * filter (a group shows exactly what /stakeholders?<filter> shows), restricted to live records.
 * Members are always current: nothing is copied when a group is saved.
 */
export function groupMembersWhere(filter: SavedFilter | Record<string, unknown>): SQL {
  const register = stakeholderWhere(parseSavedFilter(filter))
  return and(isNull(stakeholders.archivedAt), isNull(stakeholders.mergedIntoId), register ?? sql`1 = 1`)!
}

// ---------------------------------------------------------------------------------------------
// Stakeholder groups: named saved filters with their methods and key messages per language

export { groupFilterKeys, type GroupForm, groupFormSchema, type StrategyForm, strategyFormSchema }

/** The saved filter: the register's URL parameters as strings, empty ones left out. */
export function filterFromForm(input: Partial<GroupForm>): SavedFilter {
  const filter: SavedFilter = {}
  for (const key of groupFilterKeys) {
    const v = input[key]
    if (v !== undefined && v !== null && v !== '') filter[key] = String(v)
  }
  return filter
}

/** "/stakeholders?category=3&tier=A": the register showing exactly the group's members. */
export function registerLink(filter: SavedFilter) {
  const params = new URLSearchParams()
  for (const key of groupFilterKeys) if (filter[key]) params.set(key, filter[key]!)
  const s = params.toString()
  return s ? `/stakeholders?${s}` : '/stakeholders'
}

export function groupMemberCount(filter: SavedFilter) {
  return db
    .select({ n: sql<number>`count(*)` })
    .from(stakeholders)
    .where(groupMembersWhere(filter))
    .get()!.n
}

export function listGroups(options: { archived?: boolean } = {}) {
  const rows = db
    .select()
    .from(stakeholderGroups)
    .where(options.archived ? isNotNull(stakeholderGroups.archivedAt) : isNull(stakeholderGroups.archivedAt))
    .orderBy(asc(stakeholderGroups.name))
    .all()
  return rows.map((g) => ({
    ...g,
    members: groupMemberCount(g.filter),
    registerLink: registerLink(g.filter),
  }))
}

export function getGroup(id: number) {
  return db.select().from(stakeholderGroups).where(eq(stakeholderGroups.id, id)).get() ?? null
}

/** The group's current members (a page), best-scored first. */
export function groupMembers(filter: SavedFilter, page: { limit: number; offset: number }) {
  return db
    .select({
      id: stakeholders.id,
      name: stakeholders.name,
      country: stakeholders.country,
      stage: stakeholders.stage,
      categoryName: stakeholderCategories.name,
      categoryKey: stakeholderCategories.key,
      tier: stakeholderPriority.tier,
      ownerName: partners.name,
    })
    .from(stakeholders)
    .leftJoin(stakeholderCategories, eq(stakeholderCategories.id, stakeholders.categoryId))
    .leftJoin(stakeholderPriority, eq(stakeholderPriority.stakeholderId, stakeholders.id))
    .leftJoin(partners, eq(partners.id, stakeholders.ownerPartnerId))
    .where(groupMembersWhere(filter))
    .orderBy(sql`${stakeholderPriority.score} desc nulls last`, asc(stakeholders.name))
    .limit(page.limit)
    .offset(page.offset)
    .all()
}

export function createGroup(tx: Tx, input: GroupForm, userId: number) {
  const row = { name: input.name, description: input.description ?? null, filter: filterFromForm(input) }
  const id = tx.insert(stakeholderGroups).values(row).returning({ id: stakeholderGroups.id }).get().id
  recordAudit(tx, {
    userId,
    entity: 'stakeholder_group',
    entityId: id,
    action: 'create',
    after: row,
    summary: row.name,
  })
  return id
}

export function updateGroup(tx: Tx, id: number, input: GroupForm, userId: number) {
  const before = tx.select().from(stakeholderGroups).where(eq(stakeholderGroups.id, id)).get()
  if (!before) return false
  const row = { name: input.name, description: input.description ?? null, filter: filterFromForm(input) }
  tx.update(stakeholderGroups)
    .set({ ...row, updatedAt: new Date().toISOString() })
    .where(eq(stakeholderGroups.id, id))
    .run()
  recordUpdate(tx, { userId, entity: 'stakeholder_group', entityId: id, summary: row.name }, before, row)
  return true
}

export function setGroupArchived(tx: Tx, id: number, archived: boolean, userId: number) {
  const before = tx.select().from(stakeholderGroups).where(eq(stakeholderGroups.id, id)).get()
  if (!before) return false
  const archivedAt = archived ? new Date().toISOString() : null
  tx.update(stakeholderGroups)
    .set({ archivedAt, updatedAt: new Date().toISOString() })
    .where(eq(stakeholderGroups.id, id))
    .run()
  recordArchive(
    tx,
    { userId, entity: 'stakeholder_group', entityId: id, summary: before.name },
    before.archivedAt,
    archivedAt,
  )
  return true
}

/** The group's methods and key messages per language (its engagement_strategies row). */
export function groupStrategy(groupId: number) {
  const strategy = db
    .select()
    .from(engagementStrategies)
    .where(eq(engagementStrategies.groupId, groupId))
    .get()
  if (!strategy) return { id: null as number | null, methods: '', messages: {} as Record<string, string> }
  const messages = db
    .select()
    .from(strategyMessages)
    .where(eq(strategyMessages.strategyId, strategy.id))
    .orderBy(asc(strategyMessages.language))
    .all()
  return {
    id: strategy.id,
    methods: strategy.methods ?? '',
    messages: Object.fromEntries(messages.map((m) => [m.language, m.message])) as Record<string, string>,
  }
}

/** Saves methods and messages; a language whose message is emptied loses it (the audit keeps the text). */
export function saveGroupStrategy(
  tx: Tx,
  groupId: number,
  input: StrategyForm,
  languages: string[],
  userId: number,
) {
  let strategy = tx.select().from(engagementStrategies).where(eq(engagementStrategies.groupId, groupId)).get()
  if (!strategy) {
    strategy = tx
      .insert(engagementStrategies)
      .values({ groupId, methods: input.methods ?? null })
      .returning()
      .get()
  } else {
    tx.update(engagementStrategies)
      .set({ methods: input.methods ?? null, updatedAt: new Date().toISOString() })
      .where(eq(engagementStrategies.id, strategy.id))
      .run()
  }
  const existing = tx
    .select()
    .from(strategyMessages)
    .where(eq(strategyMessages.strategyId, strategy.id))
    .all()
  const before: Record<string, unknown> = { methods: strategy.methods ?? null }
  const after: Record<string, unknown> = { methods: input.methods ?? null }
  for (const language of languages) {
    const text = input.messages[language]
    const current = existing.find((m) => m.language === language)
    before[`message_${language}`] = current?.message ?? null
    after[`message_${language}`] = text ?? null
    if (current && text)
      tx.update(strategyMessages).set({ message: text }).where(eq(strategyMessages.id, current.id)).run()
    else if (current && !text) tx.delete(strategyMessages).where(eq(strategyMessages.id, current.id)).run()
    else if (!current && text)
      tx.insert(strategyMessages).values({ strategyId: strategy.id, language, message: text }).run()
  }
  recordUpdate(
    tx,
    { userId, entity: 'stakeholder_group', entityId: groupId, summary: 'methods and key messages' },
    before,
    after,
  )
}

/** The lists the group filter form chooses from. */
export function groupFilterOptions() {
  return {
    categories: db
      .select({
        value: stakeholderCategories.id,
        label: stakeholderCategories.name,
        key: stakeholderCategories.key,
      })
      .from(stakeholderCategories)
      .where(isNull(stakeholderCategories.archivedAt))
      .orderBy(stakeholderCategories.sortOrder)
      .all(),
    partners: db
      .select({ value: partners.id, label: partners.name })
      .from(partners)
      .where(isNull(partners.archivedAt))
      .orderBy(partners.name)
      .all(),
    themes: db
      .select({ value: themes.id, label: themes.name })
      .from(themes)
      .where(isNull(themes.archivedAt))
      .orderBy(themes.name)
      .all(),
    stages,
    tiers,
    scales,
  }
}
