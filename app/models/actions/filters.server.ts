import { and, eq, exists, gte, isNull, lte, or, type SQL, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { actionLanguages, actions, actionStakeholders, actionThemes } from '#db/schema'
import type { Actor } from '~/utils/permissions'

import type { ActionFilter } from './filter-schema'

// The one definition of "which actions", shared by the list, the CSV and the dashboards.

/** Escapes LIKE wildcards so a search for "50%" means the characters. */
function likeContains(value: string) {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** Actions with this language (or theme): a bounded probe per row. */
function hasLanguage(language: string) {
  return exists(
    db
      .select({ one: sql`1` })
      .from(actionLanguages)
      .where(and(eq(actionLanguages.actionId, actions.id), eq(actionLanguages.language, language)))
      .limit(1),
  )
}

function hasTheme(themeId: number) {
  return exists(
    db
      .select({ one: sql`1` })
      .from(actionThemes)
      .where(and(eq(actionThemes.actionId, actions.id), eq(actionThemes.themeId, themeId)))
      .limit(1),
  )
}

/** Trigram full-text index for 3+ characters (fast at a million rows); LIKE for shorter input. */
function titleMatches(text: string) {
  const q = text.toLowerCase()
  if (q.length >= 3) {
    const phrase = `"${q.replace(/"/g, '""')}"`
    return sql`${actions.id} in (select rowid from action_title_search where action_title_search match ${phrase})`
  }
  return sql`${actions.title} like ${likeContains(text)} escape '\\'`
}

/** "Mine": the user's partner's actions, or those they logged themselves. */
function mineWhere(user?: Pick<Actor, 'id' | 'partnerId'> | null) {
  if (!user) return sql`0`
  if (user.partnerId) return or(eq(actions.partnerId, user.partnerId), eq(actions.createdBy, user.id))
  return eq(actions.createdBy, user.id)
}

/**
 * The SQL condition for a filter over `actions` (archived actions are always left out).
 * `mine` needs the user: their partner's actions, or those they logged themselves.
 */
export function actionWhere(
  filter: ActionFilter,
  user?: Pick<Actor, 'id' | 'partnerId'> | null,
): SQL | undefined {
  const where: (SQL | undefined)[] = [isNull(actions.archivedAt)]
  if (filter.partner) where.push(eq(actions.partnerId, filter.partner))
  if (filter.type) where.push(eq(actions.typeId, filter.type))
  if (filter.channel) where.push(eq(actions.channelId, filter.channel))
  if (filter.status) where.push(eq(actions.status, filter.status))
  if (filter.from) where.push(gte(actions.date, filter.from))
  if (filter.to) where.push(lte(actions.date, filter.to))
  if (filter.event) where.push(eq(actions.eventId, filter.event))
  if (filter.language) where.push(hasLanguage(filter.language))
  if (filter.stakeholder) {
    // A stakeholder is reached by few actions: start from them (its index) rather than from the dates.
    where.push(
      sql`${actions.id} in (select ${actionStakeholders.actionId} from ${actionStakeholders} where ${actionStakeholders.stakeholderId} = ${filter.stakeholder})`,
    )
  }
  if (filter.theme) where.push(hasTheme(filter.theme))
  if (filter.q) where.push(titleMatches(filter.q))
  if (filter.mine) where.push(mineWhere(user))
  return and(...where)
}
