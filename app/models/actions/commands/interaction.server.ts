/**
 * An interaction with one stakeholder (a meeting, a call, an e-mail) recorded from its page: an
 * action of the acting user's partner, with that stakeholder, submitted for review like any other.
 * Meetings and calls are bilateral meetings (in person / other channel), e-mails "other".
 */
import { and, eq, isNull } from 'drizzle-orm'

import type { Tx } from '#db/client'
import { actionTypes, channels } from '#db/schema'
import type { Actor } from '~/utils/permissions'

import { ActionForbiddenError } from '../policy'
import { createAction } from './create.server'

export const interactionKinds = ['meeting', 'call', 'email'] as const
export type InteractionKind = (typeof interactionKinds)[number]

const mapping: Record<InteractionKind, { type: string; channel: string }> = {
  meeting: { type: 'bilateral_meeting', channel: 'in_person' },
  call: { type: 'bilateral_meeting', channel: 'other' },
  email: { type: 'other', channel: 'other' },
}

export type InteractionInput = {
  stakeholderId: number
  kind: InteractionKind
  date: string
  /** The action's title, e.g. "Meeting with Gmina Miasta Gdańsk" in the user's language. */
  title: string
  note?: string | null
}

function idByKey(tx: Tx, table: typeof actionTypes | typeof channels, key: string) {
  return tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.key, key), isNull(table.archivedAt)))
    .get()?.id
}

export function logInteraction(tx: Tx, input: InteractionInput, actor: Actor): number {
  if (!actor.partnerId) throw new ActionForbiddenError('an interaction is logged for the user’s own partner')
  const { type, channel } = mapping[input.kind]
  const typeId = idByKey(tx, actionTypes, type) ?? idByKey(tx, actionTypes, 'other')
  if (!typeId) throw new Error(`no action type ${type}`)
  return createAction(
    tx,
    {
      partnerId: actor.partnerId,
      typeId,
      channelId: idByKey(tx, channels, channel) ?? null,
      date: input.date,
      title: input.title,
      description: input.note ?? null,
      stakeholderIds: [input.stakeholderId],
    },
    actor,
  )
}
