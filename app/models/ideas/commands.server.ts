import { and, eq } from 'drizzle-orm'

import { type Tx } from '#db/client'
import { ideaComments, ideaMembers, ideas, ideaSupports } from '#db/schema'
import { recordAudit, recordUpdate } from '~/models/audit/index.server'
import { createActivity } from '~/models/plan/index.server'
import { type Actor, assertCan } from '~/utils/permissions'

import { assertIdea, canCommentIdea, canDecideIdea, canEditIdea, canJoinIdea, canSupportIdea } from './policy'
import { type AdoptForm, type IdeaForm } from './schemas'

const ENTITY = 'idea'

function loadIdea(tx: Tx, id: number) {
  return tx.select().from(ideas).where(eq(ideas.id, id)).get()
}

/** Posts a proposal on the board, as its author's partner. */
export function createIdea(tx: Tx, input: IdeaForm, actor: Actor) {
  assertCan(actor, 'idea:create')
  const row = {
    column: input.column,
    title: input.title,
    body: input.body ?? null,
    authorId: actor.id,
    partnerId: actor.partnerId,
  }
  const id = tx.insert(ideas).values(row).returning({ id: ideas.id }).get().id
  recordAudit(tx, {
    userId: actor.id,
    entity: ENTITY,
    entityId: id,
    action: 'create',
    after: row,
    summary: row.title,
  })
  return id
}

/** The author changes their open proposal. Returns false when there is none. */
export function updateIdea(tx: Tx, id: number, input: IdeaForm, actor: Actor) {
  const before = loadIdea(tx, id)
  if (!before) return false
  assertIdea(canEditIdea(actor, before), 'edit')
  const after = { column: input.column, title: input.title, body: input.body ?? null }
  tx.update(ideas)
    .set({ ...after, updatedAt: new Date().toISOString() })
    .where(eq(ideas.id, id))
    .run()
  recordUpdate(tx, { userId: actor.id, entity: ENTITY, entityId: id, summary: after.title }, before, after)
  return true
}

function setStatus(
  tx: Tx,
  before: typeof ideas.$inferSelect,
  change: Partial<typeof ideas.$inferInsert> & { status: 'adopted' | 'closed' | 'withdrawn' },
  actor: Actor,
) {
  tx.update(ideas)
    .set({ ...change, updatedAt: new Date().toISOString() })
    .where(eq(ideas.id, before.id))
    .run()
  recordAudit(tx, {
    userId: actor.id,
    entity: ENTITY,
    entityId: before.id,
    action: 'status',
    before: { status: before.status },
    after: change,
    summary: before.title,
  })
}

/** The author takes back their open proposal. */
export function withdrawIdea(tx: Tx, id: number, actor: Actor) {
  const before = loadIdea(tx, id)
  if (!before) return false
  assertIdea(canEditIdea(actor, before), 'withdraw')
  setStatus(tx, before, { status: 'withdrawn' }, actor)
  return true
}

/** The communications lead closes an open proposal, saying why. */
export function closeIdea(tx: Tx, id: number, reason: string, actor: Actor) {
  const before = loadIdea(tx, id)
  if (!before) return false
  assertIdea(canDecideIdea(actor, before), 'close')
  const text = reason.trim()
  if (!text) throw new Error('a reason is required')
  setStatus(tx, before, { status: 'closed', closeReason: text }, actor)
  return true
}

/**
 * The communications lead turns an open proposal into a work-plan activity (created in the work
 * plan, its description the proposal's text) and links the two. Returns the activity's id.
 */
export function adoptIdea(tx: Tx, id: number, input: AdoptForm, actor: Actor) {
  const before = loadIdea(tx, id)
  if (!before) return null
  assertIdea(canDecideIdea(actor, before), 'adopt')
  const activityId = createActivity(
    tx,
    {
      title: input.title,
      description: before.body ?? undefined,
      partnerId: input.partnerId,
      dueDate: input.dueDate,
    },
    actor,
  )
  setStatus(tx, before, { status: 'adopted', activityId }, actor)
  return activityId
}

/** Adds (`on`) or withdraws the actor's support: at most one per user. Returns whether it changed. */
export function setIdeaSupport(tx: Tx, id: number, on: boolean, actor: Actor) {
  const idea = loadIdea(tx, id)
  if (!idea) return false
  assertCan(actor, 'idea:support')
  if (on) assertIdea(canSupportIdea(actor, idea), 'support')
  const changed = on
    ? tx.insert(ideaSupports).values({ ideaId: id, userId: actor.id }).onConflictDoNothing().run().changes
    : tx
        .delete(ideaSupports)
        .where(and(eq(ideaSupports.ideaId, id), eq(ideaSupports.userId, actor.id)))
        .run().changes
  if (changed) audit(tx, idea, actor, { support: on })
  return changed > 0
}

/** "I want to be involved" (`on`) or leaving the working group. Returns whether it changed. */
export function setIdeaMembership(tx: Tx, id: number, on: boolean, actor: Actor) {
  const idea = loadIdea(tx, id)
  if (!idea) return false
  assertCan(actor, 'idea:support')
  if (on) assertIdea(canJoinIdea(actor, idea), 'join')
  const changed = on
    ? tx.insert(ideaMembers).values({ ideaId: id, userId: actor.id }).onConflictDoNothing().run().changes
    : tx
        .delete(ideaMembers)
        .where(and(eq(ideaMembers.ideaId, id), eq(ideaMembers.userId, actor.id)))
        .run().changes
  if (changed) audit(tx, idea, actor, { involved: on })
  return changed > 0
}

export function commentOnIdea(tx: Tx, id: number, body: string, actor: Actor) {
  const idea = loadIdea(tx, id)
  if (!idea) return null
  assertIdea(canCommentIdea(actor, idea), 'comment on')
  const text = body.trim()
  if (!text) throw new Error('a comment needs text')
  const commentId = tx
    .insert(ideaComments)
    .values({ ideaId: id, userId: actor.id, body: text })
    .returning({ id: ideaComments.id })
    .get().id
  audit(tx, idea, actor, { comment: text })
  return commentId
}

function audit(tx: Tx, idea: { id: number; title: string }, actor: Actor, after: Record<string, unknown>) {
  recordAudit(tx, {
    userId: actor.id,
    entity: ENTITY,
    entityId: idea.id,
    action: 'update',
    after,
    summary: idea.title,
  })
}
