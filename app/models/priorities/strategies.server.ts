/**
 * Engagement strategies: the methods and key messages (per working language) for each quadrant of
 * the power/interest grid and each stakeholder group, and the strategy that applies to one
 * stakeholder.
 */
import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm'

import { db, type Tx } from '#db/client'
import {
  engagementStrategies,
  type Quadrant,
  quadrants,
  stakeholderGroups,
  stakeholders,
  strategyMessages,
} from '#db/schema'
import { recordAudit, recordUpdate } from '~/models/audit/index.server'
import { groupMembersWhere } from '~/models/plan/index.server'
import type { Actor } from '~/utils/permissions'

import { assertMayEditCriteria } from './policy'
import { getPriority, type Priority } from './recompute.server'
import { quadrantFor } from './scoring'
import { getGridCutoffs, now } from './thresholds.server'

export type StrategyView = {
  id: number | null
  quadrant: Quadrant | null
  groupId: number | null
  groupName: string | null
  methods: string
  /** language -> message */
  messages: Record<string, string>
  updatedAt: string | null
}

function messagesFor(strategyIds: number[]) {
  const out = new Map<number, Record<string, string>>()
  if (!strategyIds.length) return out
  const rows = db
    .select()
    .from(strategyMessages)
    .where(inArray(strategyMessages.strategyId, strategyIds))
    .orderBy(asc(strategyMessages.id))
    .all()
  for (const m of rows) {
    const map = out.get(m.strategyId) ?? {}
    map[m.language] = m.message
    out.set(m.strategyId, map)
  }
  return out
}

/** The strategy of each quadrant (an empty one where none was written yet). */
export function quadrantStrategies(): Record<Quadrant, StrategyView> {
  const rows = db
    .select()
    .from(engagementStrategies)
    .where(and(isNotNull(engagementStrategies.quadrant), isNull(engagementStrategies.groupId)))
    .orderBy(asc(engagementStrategies.id))
    .all()
  const messages = messagesFor(rows.map((r) => r.id))
  const result = {} as Record<Quadrant, StrategyView>
  for (const q of quadrants) {
    const row = rows.find((r) => r.quadrant === q)
    result[q] = {
      id: row?.id ?? null,
      quadrant: q,
      groupId: null,
      groupName: null,
      methods: row?.methods ?? '',
      messages: row ? (messages.get(row.id) ?? {}) : {},
      updatedAt: row?.updatedAt ?? null,
    }
  }
  return result
}

/** Every active stakeholder group with its strategy (empty where none was written yet). */
export function groupStrategies(groupIds?: number[]): StrategyView[] {
  if (groupIds && !groupIds.length) return []
  const groups = db
    .select({ id: stakeholderGroups.id, name: stakeholderGroups.name })
    .from(stakeholderGroups)
    .where(
      and(
        isNull(stakeholderGroups.archivedAt),
        groupIds ? inArray(stakeholderGroups.id, groupIds) : undefined,
      ),
    )
    .orderBy(asc(stakeholderGroups.name))
    .all()
  if (!groups.length) return []
  const rows = db
    .select()
    .from(engagementStrategies)
    .where(
      inArray(
        engagementStrategies.groupId,
        groups.map((g) => g.id),
      ),
    )
    .orderBy(asc(engagementStrategies.id))
    .all()
  const messages = messagesFor(rows.map((r) => r.id))
  return groups.map((g) => {
    const row = rows.find((r) => r.groupId === g.id)
    return {
      id: row?.id ?? null,
      quadrant: null,
      groupId: g.id,
      groupName: g.name,
      methods: row?.methods ?? '',
      messages: row ? (messages.get(row.id) ?? {}) : {},
      updatedAt: row?.updatedAt ?? null,
    }
  })
}

export type StrategyTarget = { quadrant: Quadrant } | { groupId: number }

type Strategy = typeof engagementStrategies.$inferSelect
type StrategyInput = { methods: string; messages: Record<string, string> }

function currentMessages(tx: Tx, strategyId: number | undefined): Record<string, string> {
  const messages: Record<string, string> = {}
  if (strategyId === undefined) return messages
  for (const m of tx.select().from(strategyMessages).where(eq(strategyMessages.strategyId, strategyId)).all())
    messages[m.language] = m.message
  return messages
}

/** The target's strategy row with the new methods, created where none was written yet. */
function upsertStrategy(tx: Tx, target: StrategyTarget, existing: Strategy | undefined, methods: string) {
  if (!existing)
    return tx
      .insert(engagementStrategies)
      .values({
        quadrant: 'quadrant' in target ? target.quadrant : null,
        groupId: 'groupId' in target ? target.groupId : null,
        methods: methods || null,
      })
      .returning()
      .get()
  tx.update(engagementStrategies)
    .set({ methods: methods || null, updatedAt: now() })
    .where(eq(engagementStrategies.id, existing.id))
    .run()
  return existing
}

/** Writes the messages of the form's languages; returns the messages after the change. */
function writeMessages(
  tx: Tx,
  strategyId: number,
  input: Record<string, string>,
  beforeMessages: Record<string, string>,
) {
  const afterMessages: Record<string, string> = {}
  for (const [language, raw] of Object.entries(input)) {
    const message = raw.trim()
    const existing = tx
      .select()
      .from(strategyMessages)
      .where(and(eq(strategyMessages.strategyId, strategyId), eq(strategyMessages.language, language)))
      .get()
    if (!message) {
      if (existing) tx.delete(strategyMessages).where(eq(strategyMessages.id, existing.id)).run()
      continue
    }
    afterMessages[language] = message
    if (existing) {
      if (existing.message !== message)
        tx.update(strategyMessages).set({ message }).where(eq(strategyMessages.id, existing.id)).run()
    } else tx.insert(strategyMessages).values({ strategyId, language, message }).run()
  }
  // Languages not in the form (no longer working languages) keep their messages.
  for (const [language, message] of Object.entries(beforeMessages))
    if (!(language in input)) afterMessages[language] = message
  return afterMessages
}

/**
 * Writes the methods and key messages (per language) of a quadrant's or a group's strategy.
 * A message left empty removes that language's message; the audit row keeps the old text.
 * Needs `priority:criteria`.
 */
export function saveStrategy(tx: Tx, target: StrategyTarget, input: StrategyInput, actor: Actor) {
  assertMayEditCriteria(actor)
  const userId = actor.id
  const where =
    'quadrant' in target
      ? and(eq(engagementStrategies.quadrant, target.quadrant), isNull(engagementStrategies.groupId))
      : eq(engagementStrategies.groupId, target.groupId)
  const existing = tx.select().from(engagementStrategies).where(where).get()
  const beforeMessages = currentMessages(tx, existing?.id)
  const before = { methods: existing?.methods ?? null, messages: beforeMessages }
  const strategy = upsertStrategy(tx, target, existing, input.methods)
  const afterMessages = writeMessages(tx, strategy.id, input.messages, beforeMessages)
  const after = { methods: input.methods || null, messages: afterMessages }
  const label =
    'quadrant' in target ? `strategy for ${target.quadrant}` : `strategy for group ${target.groupId}`
  if (
    before.methods === null &&
    !Object.keys(beforeMessages).length &&
    strategy.createdAt === strategy.updatedAt
  )
    recordAudit(tx, {
      userId,
      entity: 'engagement_strategy',
      entityId: strategy.id,
      action: 'create',
      after,
      summary: label,
    })
  else
    recordUpdate(
      tx,
      { userId, entity: 'engagement_strategy', entityId: strategy.id, summary: label },
      before,
      after,
    )
  return strategy.id
}

export function getGroup(id: number) {
  return (
    db
      .select()
      .from(stakeholderGroups)
      .where(and(eq(stakeholderGroups.id, id), isNull(stakeholderGroups.archivedAt)))
      .get() ?? null
  )
}

/** The groups whose saved filter includes the stakeholder. */
export function groupsOfStakeholder(stakeholderId: number): number[] {
  const groups = db.select().from(stakeholderGroups).where(isNull(stakeholderGroups.archivedAt)).all()
  const ids: number[] = []
  for (const g of groups) {
    // The group's own membership rule (the register's filter), checked against this one row.
    const hit = db
      .select({ id: stakeholders.id })
      .from(stakeholders)
      .where(and(eq(stakeholders.id, stakeholderId), groupMembersWhere(g.filter ?? {})))
      .get()
    if (hit) ids.push(g.id)
  }
  return ids
}

export type StakeholderStrategy = {
  priority: Priority | null
  quadrant: Quadrant | null
  strategy: StrategyView | null
  groups: StrategyView[]
}

/** The stakeholder's place on the grid, its quadrant's strategy and messages, and its groups' strategies. */
export function strategyForStakeholder(stakeholderId: number): StakeholderStrategy {
  const priority = getPriority(stakeholderId)
  const quadrant = quadrantFor(priority?.influence, priority?.interest, getGridCutoffs())
  const strategy = quadrant ? quadrantStrategies()[quadrant] : null
  const groups = groupStrategies(groupsOfStakeholder(stakeholderId)).filter((g) => g.id !== null)
  return { priority, quadrant, strategy, groups }
}
