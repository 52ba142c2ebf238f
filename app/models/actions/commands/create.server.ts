import { and, eq, sql } from 'drizzle-orm'

import { type Tx } from '#db/client'
import { preparedOnce } from '#db/client'
import { actions } from '#db/schema'
import { recordAudit } from '~/models/audit/index.server'
import type { Actor } from '~/utils/permissions'

import { type ActionInput, assertInput } from '../input'
import { ActionForbiddenError, canCreateFor } from '../policy'
import { now, writeLinks } from './links.server'

const insertedActionColumns = [
  'partnerId',
  'createdBy',
  'date',
  'month',
  'typeId',
  'channelId',
  'title',
  'description',
  'evidenceUrl',
  'participants',
  'onlineReach',
  'engagements',
  'status',
  'submittedAt',
  'eventId',
  'activityId',
  'materialId',
  'clientKey',
] as const
const insertActionQuery = preparedOnce((db) =>
  db
    .insert(actions)
    .values(
      Object.fromEntries(
        insertedActionColumns.map((c) => [c, sql.placeholder(c)]),
      ) as unknown as typeof actions.$inferInsert,
    )
    .returning({ id: actions.id })
    .prepare(),
)

/** The action this user already logged with this submission key, if any. */
export function actionIdByClientKey(tx: Tx, userId: number, clientKey: string): number | null {
  const row = tx
    .select({ id: actions.id })
    .from(actions)
    .where(and(eq(actions.createdBy, userId), eq(actions.clientKey, clientKey)))
    .get()
  return row?.id ?? null
}

/**
 * Logs a dissemination action (the quick form and the bulk import both come here): derives the
 * month, sets the status (submitted unless a draft), links languages, stakeholders and themes,
 * and audits the creation. Returns the new id. Call inside a transaction.
 *
 * Exactly once: an input with a `clientKey` this user already logged with returns that action's
 * id and writes nothing (the offline queue resends, a double tap posts twice). Transactions are
 * immediate (db/client.ts), so two server processes cannot both pass the look-up; the unique
 * index (created_by, client_key) is the last line.
 */
export function createAction(tx: Tx, input: ActionInput, user: Actor): number {
  if (!canCreateFor(user, input.partnerId))
    throw new ActionForbiddenError('cannot log actions for this partner')
  assertInput(input)
  const clientKey = input.clientKey || null
  const earlier = clientKey ? actionIdByClientKey(tx, user.id, clientKey) : null
  if (earlier) return earlier
  const status = input.status === 'draft' ? 'draft' : 'submitted'
  const values = {
    partnerId: input.partnerId,
    createdBy: user.id,
    date: input.date,
    month: input.date.slice(0, 7),
    typeId: input.typeId,
    channelId: input.channelId ?? null,
    title: input.title.trim(),
    description: input.description?.trim() || null,
    evidenceUrl: input.evidenceUrl?.trim() || null,
    participants: input.participants ?? null,
    onlineReach: input.onlineReach ?? null,
    engagements: input.engagements ?? null,
    status,
    submittedAt: status === 'submitted' ? now() : null,
    eventId: input.eventId ?? null,
    activityId: input.activityId ?? null,
    materialId: input.materialId ?? null,
    clientKey,
  } as const satisfies Record<(typeof insertedActionColumns)[number], unknown>
  // Prepared once (the hot path of logging an action); it runs inside the caller's transaction.
  const id = insertActionQuery().get(values)!.id
  const links = writeLinks(tx, id, input)
  recordAudit(tx, {
    userId: user.id,
    entity: 'action',
    entityId: id,
    action: 'create',
    after: { ...values, ...links },
    summary: values.title,
  })
  return id
}
