import { and, eq, isNull, sql } from 'drizzle-orm'

import { type Tx } from '#db/client'
import { actionStakeholders, contacts, scores, stakeholders, stakeholderThemes } from '#db/schema'
import { changedFields, recordAudit } from '~/models/audit/index.server'
import { recomputePriorities } from '~/models/priorities/index.server'
import { type Actor, ForbiddenError } from '~/utils/permissions'

import { writeStakeholderFields } from './commands.server'
import { canMergeStakeholders } from './policy'
import { mergeFields, type MergeInput, type StakeholderInput } from './schemas'

export class MergeError extends Error {}

type Row = typeof stakeholders.$inferSelect

/** The survivor's new values: the fields picked from the loser, themes and languages of both. */
function mergedValues(tx: Tx, survivor: Row, loser: Row, picks: MergeInput['picks']) {
  const chosen: Partial<StakeholderInput> = {}
  for (const field of mergeFields) {
    if (picks[field] !== 'loser') continue
    const value = loser[field]
    ;(chosen as Record<string, unknown>)[field] = value ?? undefined
  }
  const themeIds = (id: number) =>
    tx
      .select({ t: stakeholderThemes.themeId })
      .from(stakeholderThemes)
      .where(eq(stakeholderThemes.stakeholderId, id))
      .all()
      .map((r) => r.t)
  chosen.themeIds = [...new Set([...themeIds(survivor.id), ...themeIds(loser.id)])]
  chosen.languages = [...new Set([...survivor.languages, ...loser.languages])]
  return chosen
}

/** Moves the loser's contacts and the actions that reached it; returns how many of each. */
function moveLinks(tx: Tx, survivorId: number, loserId: number) {
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
          // Stryker disable next-line StringLiteral: equivalent, insert ... select fills the columns by position, not by alias
          stakeholderId: sql<number>`${survivorId}`.as('stakeholder_id'),
          // Filled with the survivor's category by the link trigger (migration 0014).
          // Stryker disable next-line StringLiteral: equivalent, insert ... select fills the columns by position, not by alias
          categoryId: sql<number | null>`null`.as('category_id'),
        })
        .from(actionStakeholders)
        .where(eq(actionStakeholders.stakeholderId, loserId)),
    )
    .onConflictDoNothing()
    .run()
  tx.delete(actionStakeholders).where(eq(actionStakeholders.stakeholderId, loserId)).run()
  tx.delete(stakeholderThemes).where(eq(stakeholderThemes.stakeholderId, loserId)).run()
  return { contacts: movedContacts, actions: movedActions }
}

/** Moves the score history; where both had a current score on a criterion, the survivor's stays current. */
function moveScores(tx: Tx, survivorId: number, loserId: number, at: string) {
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
  const moved = tx
    .update(scores)
    .set({ stakeholderId: survivorId })
    .where(eq(scores.stakeholderId, loserId))
    .returning({ id: scores.id })
    .all().length
  recomputePriorities(tx as never, [survivorId, loserId])
  return moved
}

/**
 * Merges `loserId` into `survivorId`: chosen field values go to the survivor; contacts, the actions
 * that reached the loser, its score history and themes move to the survivor; the loser is archived
 * with mergedIntoId set. Join-table rows the survivor already has are kept once (insert-or-ignore,
 * then delete). Audited as 'merge' on both records. A person needs `stakeholder:merge`. Call inside
 * a transaction.
 */
export function mergeStakeholders(tx: Tx, { survivorId, loserId, picks }: MergeInput, by: Actor) {
  if (!canMergeStakeholders(by)) throw new ForbiddenError('may not merge stakeholders')
  if (survivorId === loserId) throw new MergeError('sameRecord')
  const survivor = tx.select().from(stakeholders).where(eq(stakeholders.id, survivorId)).get()
  const loser = tx.select().from(stakeholders).where(eq(stakeholders.id, loserId)).get()
  if (!survivor || !loser) throw new MergeError('notFound')
  if (survivor.archivedAt || loser.archivedAt) throw new MergeError('archivedRecord')

  const { before, after } = writeStakeholderFields(tx, survivorId, mergedValues(tx, survivor, loser, picks))
  const links = moveLinks(tx, survivorId, loserId)
  const at = new Date().toISOString()
  const moved = { ...links, scores: moveScores(tx, survivorId, loserId, at) }
  tx.update(stakeholders)
    .set({ archivedAt: at, mergedIntoId: survivorId, updatedAt: at })
    .where(eq(stakeholders.id, loserId))
    .run()

  const diff = changedFields(before, after)
  const summary = `${loser.name} (#${loserId}) → ${survivor.name} (#${survivorId})`
  const userId = by.id
  recordAudit(tx, {
    userId,
    entity: 'stakeholder',
    entityId: survivorId,
    action: 'merge',
    before: { ...(diff?.before ?? {}) },
    after: { ...(diff?.after ?? {}), mergedFromId: loserId, mergedFromName: loser.name, moved },
    summary,
  })
  recordAudit(tx, {
    userId,
    entity: 'stakeholder',
    entityId: loserId,
    action: 'merge',
    before: { archivedAt: null, mergedIntoId: null },
    after: { archivedAt: at, mergedIntoId: survivorId, moved },
    summary,
  })
  return moved
}
