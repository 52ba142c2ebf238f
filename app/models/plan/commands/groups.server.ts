import { eq } from 'drizzle-orm'

import { type Tx } from '#db/client'
import { engagementStrategies, stakeholderGroups, strategyMessages } from '#db/schema'
import { recordArchive, recordAudit, recordUpdate } from '~/models/audit/index.server'
import { type Actor } from '~/utils/permissions'
import { assertReferences } from '~/utils/references.server'

import { assertCanEditPlan } from '../policy'
import { filterFromForm } from '../queries/groups.server'
import { groupReferenceErrors } from '../references.server'
import { type GroupForm, type StrategyForm } from '../schemas'

/** Creates a group; throws InvalidReferencesError when its filter names a missing category, owner or theme. */
export function createGroup(tx: Tx, input: GroupForm, actor: Actor) {
  assertCanEditPlan(actor)
  assertReferences(groupReferenceErrors(tx, input))
  const row = { name: input.name, description: input.description ?? null, filter: filterFromForm(input) }
  const id = tx.insert(stakeholderGroups).values(row).returning({ id: stakeholderGroups.id }).get().id
  recordAudit(tx, {
    userId: actor.id,
    entity: 'stakeholder_group',
    entityId: id,
    action: 'create',
    after: row,
    summary: row.name,
  })
  return id
}

export function updateGroup(tx: Tx, id: number, input: GroupForm, actor: Actor) {
  assertCanEditPlan(actor)
  const before = tx.select().from(stakeholderGroups).where(eq(stakeholderGroups.id, id)).get()
  if (!before) return false
  assertReferences(groupReferenceErrors(tx, input, before.filter))
  const row = { name: input.name, description: input.description ?? null, filter: filterFromForm(input) }
  tx.update(stakeholderGroups)
    .set({ ...row, updatedAt: new Date().toISOString() })
    .where(eq(stakeholderGroups.id, id))
    .run()
  recordUpdate(
    tx,
    { userId: actor.id, entity: 'stakeholder_group', entityId: id, summary: row.name },
    before,
    row,
  )
  return true
}

export function setGroupArchived(tx: Tx, id: number, archived: boolean, actor: Actor) {
  assertCanEditPlan(actor)
  const before = tx.select().from(stakeholderGroups).where(eq(stakeholderGroups.id, id)).get()
  if (!before) return false
  const archivedAt = archived ? new Date().toISOString() : null
  tx.update(stakeholderGroups)
    .set({ archivedAt, updatedAt: new Date().toISOString() })
    .where(eq(stakeholderGroups.id, id))
    .run()
  recordArchive(
    tx,
    { userId: actor.id, entity: 'stakeholder_group', entityId: id, summary: before.name },
    before.archivedAt,
    archivedAt,
  )
  return true
}

/** The group's strategy row as it was before this save (no methods yet when created now). */
function strategyRow(tx: Tx, groupId: number, methods: string | null) {
  const strategy = tx
    .select()
    .from(engagementStrategies)
    .where(eq(engagementStrategies.groupId, groupId))
    .get()
  if (!strategy) {
    const created = tx.insert(engagementStrategies).values({ groupId, methods }).returning().get()
    return { ...created, methods: null }
  }
  tx.update(engagementStrategies)
    .set({ methods, updatedAt: new Date().toISOString() })
    .where(eq(engagementStrategies.id, strategy.id))
    .run()
  return strategy
}

/** Saves methods and messages; a language whose message is emptied loses it (the audit keeps the text). */
export function saveGroupStrategy(
  tx: Tx,
  groupId: number,
  input: StrategyForm,
  languages: string[],
  actor: Actor,
) {
  assertCanEditPlan(actor)
  const strategy = strategyRow(tx, groupId, input.methods ?? null)
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
    { userId: actor.id, entity: 'stakeholder_group', entityId: groupId, summary: 'methods and key messages' },
    before,
    after,
  )
}
