import { and, asc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm'

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
import { stakeholderFilterSchema, stakeholderWhere } from '~/models/stakeholders/index.server'

import { groupFilterKeys, type GroupForm } from '../schemas'

// Stakeholder groups: named saved filters with their methods and key messages per language

/** A saved filter read back through the register's own schema (unknown or bad values are dropped). */
export function parseSavedFilter(filter: SavedFilter | Record<string, unknown> | null | undefined) {
  const clean = Object.fromEntries(
    Object.entries(filter ?? {}).filter(
      // A group is a register fact: the contact history (notContactedSince) is no part of it, so its members
      // change only with the register (the dashboards keep them until then, register-cache).
      ([k, v]) =>
        k !== 'sort' &&
        k !== 'archived' &&
        k !== 'notContactedSince' &&
        v !== undefined &&
        v !== null &&
        v !== '',
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
