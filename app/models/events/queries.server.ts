import { and, desc, eq, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { actions, events, partners, stakeholderGroups, themes } from '#db/schema'
import { containsText } from '~/utils/text-search.server'

import { listActivities } from '../plan/queries/activities.server'
import { type EventFilter } from './schemas'

export type Event = typeof events.$inferSelect

function eventWhere(f: EventFilter): SQL | undefined {
  const where: SQL[] = [f.archived ? isNotNull(events.archivedAt) : isNull(events.archivedAt)]
  if (f.kind) where.push(eq(events.kind, f.kind))
  // An event is in the range when it overlaps it (a campaign spans a period).
  if (f.from) where.push(sql`coalesce(${events.endDate}, ${events.startDate}) >= ${f.from}`)
  if (f.to) where.push(lte(events.startDate, f.to))
  if (f.partner) where.push(eq(events.hostPartnerId, f.partner))
  if (f.q) where.push(containsText(events.title, f.q))
  return and(...where)
}

/** Events with their host, theme and how many actions were logged for them. */
export function listEvents(filter: EventFilter, page: { limit: number; offset: number }) {
  const where = eventWhere(filter)
  const rows = db
    .select({
      id: events.id,
      kind: events.kind,
      title: events.title,
      startDate: events.startDate,
      endDate: events.endDate,
      place: events.place,
      online: events.online,
      registrations: events.registrations,
      attendance: events.attendance,
      hostName: partners.name,
      themeName: themes.name,
      archivedAt: events.archivedAt,
      actionCount: sql<number>`(select count(*) from ${actions} where ${actions.eventId} = ${events.id} and ${actions.archivedAt} is null and ${actions.status} in ('submitted', 'validated'))`,
      plannedCount: sql<number>`(select count(*) from planned_activities pa where pa.event_id = ${events.id} and pa.archived_at is null)`,
    })
    .from(events)
    .leftJoin(partners, eq(partners.id, events.hostPartnerId))
    .leftJoin(themes, eq(themes.id, events.themeId))
    .where(where)
    .orderBy(desc(events.startDate), desc(events.id))
    .limit(page.limit)
    .offset(page.offset)
    .all()
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(events)
    .where(where)
    .get()!.n
  return { rows, total }
}

export function getEvent(id: number) {
  return db.select().from(events).where(eq(events.id, id)).get() ?? null
}

/** The form values that reproduce a stored event. */
export function eventFormValues(event: Event) {
  const str = (v: number | string | null) => (v === null ? undefined : String(v))
  return {
    kind: event.kind,
    title: event.title,
    themeId: str(event.themeId),
    startDate: event.startDate,
    endDate: str(event.endDate),
    place: str(event.place),
    online: event.online ? 'on' : undefined,
    hostPartnerId: str(event.hostPartnerId),
    registrations: str(event.registrations),
    attendance: str(event.attendance),
    description: str(event.description),
    crossBorder: event.crossBorder ? 'on' : undefined,
    planTargetGroupIds: (event.planTargetGroupIds ?? []).map(String),
    planMessages: str(event.planMessages),
    planNotes: str(event.planNotes),
  }
}

function targetGroups(groupIds: number[]) {
  if (!groupIds.length) return []
  return db
    .select({ id: stakeholderGroups.id, name: stakeholderGroups.name })
    .from(stakeholderGroups)
    .where(
      sql`${stakeholderGroups.id} in (${sql.join(
        groupIds.map((g) => sql`${g}`),
        sql`, `,
      )})`,
    )
    .all()
}

/** The submitted and validated actions logged for an event, by date. */
function loggedActions(eventId: number) {
  return db
    .select({
      id: actions.id,
      title: actions.title,
      date: actions.date,
      status: actions.status,
      participants: actions.participants,
      onlineReach: actions.onlineReach,
      activityId: actions.activityId,
      partnerName: partners.name,
    })
    .from(actions)
    .leftJoin(partners, eq(partners.id, actions.partnerId))
    .where(
      and(
        eq(actions.eventId, eventId),
        isNull(actions.archivedAt),
        sql`${actions.status} in ('submitted', 'validated')`,
      ),
    )
    .orderBy(actions.date, actions.id)
    .all()
}

/** An event with its plan, and planned against done: activities (fulfilled by actions) and the actions logged for it. */
export function eventDetail(id: number, today = new Date().toISOString().slice(0, 10)) {
  const event = db
    .select({ event: events, hostName: partners.name, themeName: themes.name })
    .from(events)
    .leftJoin(partners, eq(partners.id, events.hostPartnerId))
    .leftJoin(themes, eq(themes.id, events.themeId))
    .where(eq(events.id, id))
    .get()
  if (!event) return null
  const groups = targetGroups(event.event.planTargetGroupIds ?? [])
  const activities = listActivities({ event: id, archived: undefined }, { limit: 500, offset: 0 }, today).rows
  const logged = loggedActions(id)
  const validated = logged.filter((a) => a.status === 'validated')
  const summary = {
    planned: activities.length,
    done: activities.filter((a) => a.state === 'done').length,
    overdue: activities.filter((a) => a.state === 'overdue').length,
    actions: logged.length,
    validated: validated.length,
    participants: validated.reduce((s, a) => s + (a.participants ?? 0), 0),
  }
  return { ...event, targetGroups: groups, activities, loggedActions: logged, summary }
}
