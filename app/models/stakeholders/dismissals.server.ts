import { desc, eq, inArray } from 'drizzle-orm'

import { db, type Tx } from '#db/client'
import { duplicateDismissals, stakeholders, users } from '#db/schema'
import { recordAudit } from '~/models/audit/index.server'
import { type Actor, ForbiddenError } from '~/utils/permissions'

import { canMergeStakeholders } from './policy'

/**
 * "Not duplicates": the communications lead dismisses a proposed group; the same members are not
 * proposed again (whatever the reason they matched on) until the dismissal is undone. A group that
 * gains or loses a member is a new group and is proposed again.
 */

/** The sorted ids of a group, the key a dismissal remembers. */
export function memberKeyOf(ids: readonly number[]) {
  return [...new Set(ids)].sort((a, b) => a - b).join(',')
}

/** The member keys of every dismissed group, for leaving them out of the proposals. */
export function dismissedMemberKeys(): Set<string> {
  return new Set(
    db
      .select({ key: duplicateDismissals.memberKey })
      .from(duplicateDismissals)
      .all()
      .map((r) => r.key),
  )
}

/** Thrown when the dismissed group is not (or no longer) what the page showed. */
export class DismissalError extends Error {
  constructor(message: 'changed' | 'notFound') {
    super(message)
    this.name = 'DismissalError'
  }
}

type Group = { reason: string; key: string; ids: readonly number[] }

/**
 * Dismisses a group as "not duplicates". `current` is the group as the register has it now (the
 * caller finds it by reason and key): the dismissal must name exactly its members.
 */
export function dismissDuplicateGroup(tx: Tx, shown: Group, current: Group | undefined, actor: Actor) {
  if (!canMergeStakeholders(actor)) throw new ForbiddenError('may not dismiss duplicates')
  if (!current) throw new DismissalError('notFound')
  const memberKey = memberKeyOf(shown.ids)
  if (memberKey !== memberKeyOf(current.ids)) throw new DismissalError('changed')
  const id = tx
    .insert(duplicateDismissals)
    .values({ reason: current.reason, groupKey: current.key, memberKey, userId: actor.id })
    .returning({ id: duplicateDismissals.id })
    .get().id
  recordAudit(tx, {
    userId: actor.id,
    entity: 'duplicate_dismissal',
    entityId: id,
    action: 'create',
    after: { reason: current.reason, key: current.key, ids: memberKey },
    summary: current.key,
  })
  return id
}

/** Undoes a dismissal: the group is proposed again. Returns false when there is none. */
export function undoDuplicateDismissal(tx: Tx, id: number, actor: Actor) {
  if (!canMergeStakeholders(actor)) throw new ForbiddenError('may not dismiss duplicates')
  const before = tx.select().from(duplicateDismissals).where(eq(duplicateDismissals.id, id)).get()
  if (!before) return false
  tx.delete(duplicateDismissals).where(eq(duplicateDismissals.id, id)).run()
  recordAudit(tx, {
    userId: actor.id,
    entity: 'duplicate_dismissal',
    entityId: id,
    action: 'restore',
    before: { reason: before.reason, key: before.groupKey, ids: before.memberKey },
    summary: before.groupKey,
  })
  return true
}

/** The dismissed groups, newest first, with their members' names and who dismissed them. */
export function listDuplicateDismissals() {
  const rows = db
    .select({
      id: duplicateDismissals.id,
      reason: duplicateDismissals.reason,
      key: duplicateDismissals.groupKey,
      memberKey: duplicateDismissals.memberKey,
      createdAt: duplicateDismissals.createdAt,
      userName: users.name,
    })
    .from(duplicateDismissals)
    .leftJoin(users, eq(users.id, duplicateDismissals.userId))
    .orderBy(desc(duplicateDismissals.id))
    .all()
  const ids = [...new Set(rows.flatMap((r) => r.memberKey.split(',').map(Number)))]
  const names = new Map(
    ids.length
      ? db
          .select({ id: stakeholders.id, name: stakeholders.name })
          .from(stakeholders)
          .where(inArray(stakeholders.id, ids))
          .all()
          .map((s) => [s.id, s.name])
      : [],
  )
  return rows.map(({ memberKey, ...r }) => ({
    ...r,
    members: memberKey.split(',').map((id) => ({ id: Number(id), name: names.get(Number(id)) ?? `#${id}` })),
  }))
}
