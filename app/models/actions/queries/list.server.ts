import { asc, desc, eq, inArray, sql } from 'drizzle-orm'

import { db } from '#db/client'
import {
  actionLanguages,
  actions,
  actionStakeholders,
  actionThemes,
  actionTypes,
  channels,
  events,
  partners,
  stakeholders,
  themes,
} from '#db/schema'
import type { Actor } from '~/utils/permissions'

import type { ActionFilter } from '../filter-schema'
import { actionWhere } from '../filters.server'

/** Above this many matches the list says "more than 1,000" rather than counting a million rows. */
export const COUNT_CAP = 1_000

/**
 * One page of actions for a filter, newest first (or oldest), with the total number of matches
 * counted up to COUNT_CAP (so the count stays cheap on a very large log).
 */
export function listActions(
  filter: ActionFilter,
  page: { limit: number; offset: number },
  user?: Pick<Actor, 'id' | 'partnerId'> | null,
) {
  const where = actionWhere(filter, user)
  const order =
    filter.sort === 'date_asc' ? [asc(actions.date), asc(actions.id)] : [desc(actions.date), desc(actions.id)]
  // First the page's ids from the actions table alone (an index walk), then their details:
  // the joins and the language lists are only computed for the 50 rows shown.
  // On a deep page the same walk counts: it reads on past the page up to COUNT_CAP + 1 matches,
  // so the capped count costs no second pass over the matches (page 20 walked its 1,000 matches
  // twice). On early pages a separate count is cheaper: without an order SQLite counts in rowid
  // order, where the per-row language/theme probes hit neighbouring index pages.
  const deep = page.offset * 2 >= COUNT_CAP
  const countAhead = deep ? Math.max(page.limit, COUNT_CAP + 1 - page.offset) : page.limit
  const ids = db
    .select({ id: actions.id })
    .from(actions)
    .where(where)
    .orderBy(...order)
    .limit(countAhead)
    .offset(page.offset)
    .all()
    .map((r) => r.id)
  const pageIds = ids.slice(0, page.limit)
  const details = pageIds.length
    ? db
        .select({
          id: actions.id,
          date: actions.date,
          title: actions.title,
          status: actions.status,
          partnerId: actions.partnerId,
          partnerName: partners.name,
          typeId: actions.typeId,
          typeKey: actionTypes.key,
          typeName: actionTypes.name,
          channelId: actions.channelId,
          channelKey: channels.key,
          channelName: channels.name,
          participants: actions.participants,
          onlineReach: actions.onlineReach,
          engagements: actions.engagements,
          evidenceUrl: actions.evidenceUrl,
          createdBy: actions.createdBy,
          languages: sql<
            string | null
          >`(select group_concat(language, ',') from ${actionLanguages} where ${actionLanguages.actionId} = ${actions.id})`,
        })
        .from(actions)
        .innerJoin(partners, eq(partners.id, actions.partnerId))
        .innerJoin(actionTypes, eq(actionTypes.id, actions.typeId))
        .leftJoin(channels, eq(channels.id, actions.channelId))
        .where(inArray(actions.id, pageIds))
        .all()
    : []
  const byId = new Map(
    details.map((r) => [r.id, { ...r, languages: r.languages ? r.languages.split(',').sort() : [] }]),
  )
  const rows = pageIds.map((id) => byId.get(id)!).filter(Boolean)
  // Counting stops at COUNT_CAP + 1 matches: past that the list says "more than 1,000".
  const capped =
    deep && ids.length
      ? page.offset + ids.length
      : db.get<{ n: number }>(
          sql`select count(*) as n from (select 1 from ${actions} where ${where ?? sql`1`} limit ${COUNT_CAP + 1})`,
        ).n
  return { rows, total: Math.min(capped, COUNT_CAP), totalIsCapped: capped > COUNT_CAP }
}

/** Every action of a filter for the CSV export, in list order, with names resolved. */
export function exportActions(filter: ActionFilter, user?: Pick<Actor, 'id' | 'partnerId'> | null) {
  const where = actionWhere(filter, user)
  const order =
    filter.sort === 'date_asc' ? [asc(actions.date), asc(actions.id)] : [desc(actions.date), desc(actions.id)]
  return db
    .select({
      id: actions.id,
      date: actions.date,
      partner: partners.name,
      typeKey: actionTypes.key,
      typeName: actionTypes.name,
      channelKey: channels.key,
      channelName: channels.name,
      title: actions.title,
      status: actions.status,
      participants: actions.participants,
      onlineReach: actions.onlineReach,
      engagements: actions.engagements,
      evidenceUrl: actions.evidenceUrl,
      event: events.title,
      returnComment: actions.returnComment,
      languages: sql<
        string | null
      >`(select group_concat(language, ', ') from ${actionLanguages} where ${actionLanguages.actionId} = ${actions.id})`,
      themes: sql<
        string | null
      >`(select group_concat(t.name, ', ') from ${actionThemes} at join ${themes} t on t.id = at.theme_id where at.action_id = ${actions.id})`,
      stakeholders: sql<
        string | null
      >`(select group_concat(s.name, '; ') from ${actionStakeholders} ast join ${stakeholders} s on s.id = ast.stakeholder_id where ast.action_id = ${actions.id})`,
      description: actions.description,
    })
    .from(actions)
    .innerJoin(partners, eq(partners.id, actions.partnerId))
    .innerJoin(actionTypes, eq(actionTypes.id, actions.typeId))
    .leftJoin(channels, eq(channels.id, actions.channelId))
    .leftJoin(events, eq(events.id, actions.eventId))
    .where(where)
    .orderBy(...order)
    .all()
}
