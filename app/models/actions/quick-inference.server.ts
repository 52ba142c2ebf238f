import { and, asc, eq, isNull } from 'drizzle-orm'

import { db } from '#db/client'
import { actionTypes, channels, stakeholderCategories, stakeholders } from '#db/schema'

import { inferChannel, linkDomain } from './channel-from-link'
import { type ActionInput } from './input'

/** The key of an action type (null for types the administrator added). */
function typeKeyOf(typeId: number) {
  return db.select({ key: actionTypes.key }).from(actionTypes).where(eq(actionTypes.id, typeId)).get()?.key
}

function channelIdByKey(key: string) {
  return db
    .select({ id: channels.id })
    .from(channels)
    .where(and(eq(channels.key, key), isNull(channels.archivedAt)))
    .get()?.id
}

/** The press outlet in the register whose website is the link's site (the oldest record if several). */
function outletOfLink(link: string) {
  const domain = linkDomain(link)
  if (!domain) return undefined
  return db
    .select({ id: stakeholders.id })
    .from(stakeholders)
    .innerJoin(stakeholderCategories, eq(stakeholderCategories.id, stakeholders.categoryId))
    .where(
      and(
        eq(stakeholders.webDomain, domain),
        eq(stakeholderCategories.key, 'media'),
        isNull(stakeholders.archivedAt),
        isNull(stakeholders.mergedIntoId),
      ),
    )
    .orderBy(asc(stakeholders.id))
    .get()?.id
}

/**
 * What the quick form lets the partner leave out: the channel, when left empty, from the link and
 * the type (channel-from-link.ts), else the one remembered for the same type (form memory); for a
 * press article, the outlet whose site the link is on joins the stakeholders reached.
 */
export function withInferredDetails<T extends ActionInput>(
  input: T,
  remembered: { typeId?: number; channelId?: number } = {},
): T & { channelId: number | null; stakeholderIds: number[] } {
  const typeKey = typeKeyOf(input.typeId)
  let channelId = input.channelId ?? null
  if (!channelId) {
    const key = inferChannel({ link: input.evidenceUrl, typeKey })
    channelId = (key && channelIdByKey(key)) || null
  }
  if (!channelId && remembered.typeId === input.typeId) channelId = remembered.channelId ?? null
  let stakeholderIds = input.stakeholderIds ?? []
  if (typeKey === 'press' && input.evidenceUrl) {
    const outlet = outletOfLink(input.evidenceUrl)
    if (outlet && !stakeholderIds.includes(outlet)) stakeholderIds = [...stakeholderIds, outlet]
  }
  return { ...input, channelId, stakeholderIds }
}
