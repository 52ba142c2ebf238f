import { and, asc, desc, eq, gte, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm'

import { db, type Tx } from '#db/client'
import {
  actions,
  actionTypes,
  channels,
  events,
  partners,
  plannedActivities,
  stakeholderGroups,
  themes,
} from '#db/schema'
import { containsText } from '~/utils/text-search.server'

import { type ActivityFilter, type ActivityState } from '../schemas'

// Work plan: planned activities, fulfilled by logged actions (actions.activityId)

const validatedCount = sql<number>`(select count(*) from actions fa where fa.activity_id = ${plannedActivities.id} and fa.status = 'validated' and fa.archived_at is null)`
const submittedCount = sql<number>`(select count(*) from actions fa where fa.activity_id = ${plannedActivities.id} and fa.status = 'submitted' and fa.archived_at is null)`

/** done: a validated action fulfils it; awaiting validation: only submitted ones; overdue: due date passed with neither. */
function stateExpression(today: string) {
  return sql<ActivityState>`case when ${validatedCount} > 0 then 'done' when ${submittedCount} > 0 then 'awaiting_validation' when ${plannedActivities.dueDate} < ${today} then 'overdue' else 'planned' end`
}

function activityWhere(f: ActivityFilter, today: string): SQL | undefined {
  const where: SQL[] = [
    f.archived ? isNotNull(plannedActivities.archivedAt) : isNull(plannedActivities.archivedAt),
  ]
  if (f.partner) where.push(eq(plannedActivities.partnerId, f.partner))
  if (f.group) where.push(eq(plannedActivities.groupId, f.group))
  if (f.event) where.push(eq(plannedActivities.eventId, f.event))
  if (f.type) where.push(eq(plannedActivities.typeId, f.type))
  if (f.channel) where.push(eq(plannedActivities.channelId, f.channel))
  if (f.from) where.push(gte(plannedActivities.dueDate, f.from))
  if (f.to) where.push(lte(plannedActivities.dueDate, f.to))
  if (f.q) where.push(containsText(plannedActivities.title, f.q))
  if (f.state) where.push(sql`${stateExpression(today)} = ${f.state}`)
  return and(...where)
}

/** Activities with their partner, type, channel, group and event names, and their state on `today`. */
function selectActivities(today: string) {
  return db
    .select({
      id: plannedActivities.id,
      title: plannedActivities.title,
      description: plannedActivities.description,
      dueDate: plannedActivities.dueDate,
      phase: plannedActivities.phase,
      partnerId: plannedActivities.partnerId,
      partnerName: partners.name,
      typeId: plannedActivities.typeId,
      typeName: actionTypes.name,
      typeKey: actionTypes.key,
      channelId: plannedActivities.channelId,
      channelName: channels.name,
      channelKey: channels.key,
      groupId: plannedActivities.groupId,
      groupName: stakeholderGroups.name,
      eventId: plannedActivities.eventId,
      eventTitle: events.title,
      archivedAt: plannedActivities.archivedAt,
      validated: validatedCount,
      submitted: submittedCount,
      state: stateExpression(today),
    })
    .from(plannedActivities)
    .leftJoin(partners, eq(partners.id, plannedActivities.partnerId))
    .leftJoin(actionTypes, eq(actionTypes.id, plannedActivities.typeId))
    .leftJoin(channels, eq(channels.id, plannedActivities.channelId))
    .leftJoin(stakeholderGroups, eq(stakeholderGroups.id, plannedActivities.groupId))
    .leftJoin(events, eq(events.id, plannedActivities.eventId))
}

/** The work plan, by due date, each activity with its state and the number of actions fulfilling it. */
export function listActivities(
  filter: ActivityFilter,
  page: { limit: number; offset: number },
  today = new Date().toISOString().slice(0, 10),
) {
  const where = activityWhere(filter, today)
  const rows = selectActivities(today)
    .where(where)
    .orderBy(asc(plannedActivities.dueDate), asc(plannedActivities.id))
    .limit(page.limit)
    .offset(page.offset)
    .all()
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(plannedActivities)
    .where(where)
    .get()!.n
  return { rows, total }
}

/**
 * A partner's work-plan activities that are not done and are due by `until` (overdue ones
 * included, however old), soonest first: what the partner's home page lists.
 */
export function openActivitiesDue(partnerId: number, until: string, today: string, limit = 20) {
  return selectActivities(today)
    .where(
      and(
        isNull(plannedActivities.archivedAt),
        eq(plannedActivities.partnerId, partnerId),
        lte(plannedActivities.dueDate, until),
        sql`${stateExpression(today)} <> 'done'`,
      ),
    )
    .orderBy(asc(plannedActivities.dueDate), asc(plannedActivities.id))
    .limit(limit)
    .all()
}

/** One activity with its names and state. */
export function activityWithState(id: number, today = new Date().toISOString().slice(0, 10)) {
  return selectActivities(today).where(eq(plannedActivities.id, id)).get() ?? null
}

/** Whose an activity is (see ActivityScope): its partner and its event's host. */
export function activityScope(activity: { partnerId: number | null; eventId: number | null }, q: Tx = db) {
  const host = activity.eventId
    ? q.select({ id: events.hostPartnerId }).from(events).where(eq(events.id, activity.eventId)).get()
    : undefined
  return { partnerId: activity.partnerId, eventHostPartnerId: host?.id ?? null }
}

export function getActivity(id: number) {
  return db.select().from(plannedActivities).where(eq(plannedActivities.id, id)).get() ?? null
}

/** The form values that reproduce a stored activity. */
export function activityFormValues(activity: typeof plannedActivities.$inferSelect) {
  const str = (v: number | string | null) => (v === null ? undefined : String(v))
  return {
    title: activity.title,
    description: str(activity.description),
    partnerId: str(activity.partnerId),
    dueDate: activity.dueDate,
    typeId: str(activity.typeId),
    channelId: str(activity.channelId),
    groupId: str(activity.groupId),
    eventId: str(activity.eventId),
    phase: str(activity.phase),
  }
}

/** The actions logged against an activity (any status but drafts), newest first. */
export function activityActions(id: number) {
  return db
    .select({
      id: actions.id,
      title: actions.title,
      date: actions.date,
      status: actions.status,
      partnerName: partners.name,
    })
    .from(actions)
    .leftJoin(partners, eq(partners.id, actions.partnerId))
    .where(and(eq(actions.activityId, id), isNull(actions.archivedAt), sql`${actions.status} <> 'draft'`))
    .orderBy(desc(actions.date))
    .all()
}

const live = <T extends { archivedAt: unknown }>(t: T) => isNull(t.archivedAt as never)

/** The lists the plan forms choose from. */
export function planFormOptions() {
  return {
    partners: db
      .select({ value: partners.id, label: partners.name })
      .from(partners)
      .where(live(partners))
      .orderBy(partners.name)
      .all(),
    themes: db
      .select({ value: themes.id, label: themes.name })
      .from(themes)
      .where(live(themes))
      .orderBy(themes.name)
      .all(),
    groups: db
      .select({ value: stakeholderGroups.id, label: stakeholderGroups.name })
      .from(stakeholderGroups)
      .where(live(stakeholderGroups))
      .orderBy(stakeholderGroups.name)
      .all(),
    types: db
      .select({ value: actionTypes.id, label: actionTypes.name, key: actionTypes.key })
      .from(actionTypes)
      .where(live(actionTypes))
      .orderBy(actionTypes.sortOrder)
      .all(),
    channels: db
      .select({ value: channels.id, label: channels.name, key: channels.key })
      .from(channels)
      .where(live(channels))
      .orderBy(channels.sortOrder)
      .all(),
    events: db
      .select({ value: events.id, label: events.title, startDate: events.startDate })
      .from(events)
      .where(live(events))
      .orderBy(desc(events.startDate))
      .all(),
  }
}
