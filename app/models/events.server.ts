import { and, desc, eq, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm'
import { z } from 'zod'

import { type Tx } from '#db/client'
import { db } from '#db/client'
import { actions, type EventKind, eventKinds, events, partners, stakeholderGroups, themes } from '#db/schema'

import { recordArchive, recordAudit, recordUpdate } from './audit.server'
import { listActivities } from './plan.server'
import { emptyToUndefined, type EventForm, eventFormSchema } from './plan-forms'

export type Event = typeof events.$inferSelect
export { eventKinds }

const isoDate = /^\d{4}-\d{2}-\d{2}$/
export { type EventForm, eventFormSchema }

function toRow(input: EventForm) {
  return {
    kind: input.kind,
    title: input.title,
    themeId: input.themeId ?? null,
    startDate: input.startDate,
    endDate: input.endDate ?? null,
    place: input.place ?? null,
    online: input.online,
    hostPartnerId: input.hostPartnerId ?? null,
    registrations: input.registrations ?? null,
    attendance: input.attendance ?? null,
    description: input.description ?? null,
    crossBorder: input.crossBorder,
    planTargetGroupIds: input.planTargetGroupIds,
    planMessages: input.planMessages ?? null,
    planNotes: input.planNotes ?? null,
  }
}

export function createEvent(tx: Tx, input: EventForm, userId: number) {
  const row = toRow(input)
  const id = tx.insert(events).values(row).returning({ id: events.id }).get().id
  recordAudit(tx, { userId, entity: 'event', entityId: id, action: 'create', after: row, summary: row.title })
  return id
}

export function updateEvent(tx: Tx, id: number, input: EventForm, userId: number) {
  const before = tx.select().from(events).where(eq(events.id, id)).get()
  if (!before) return false
  const row = toRow(input)
  tx.update(events)
    .set({ ...row, updatedAt: new Date().toISOString() })
    .where(eq(events.id, id))
    .run()
  recordUpdate(tx, { userId, entity: 'event', entityId: id, summary: row.title }, before, row)
  return true
}

export function setEventArchived(tx: Tx, id: number, archived: boolean, userId: number) {
  const before = tx.select().from(events).where(eq(events.id, id)).get()
  if (!before) return false
  const archivedAt = archived ? new Date().toISOString() : null
  tx.update(events).set({ archivedAt, updatedAt: new Date().toISOString() }).where(eq(events.id, id)).run()
  recordArchive(
    tx,
    { userId, entity: 'event', entityId: id, summary: before.title },
    before.archivedAt,
    archivedAt,
  )
  return true
}

export const eventFilterSchema = z.object({
  kind: z.preprocess(emptyToUndefined, z.enum(eventKinds).optional()).catch(undefined),
  from: z.preprocess(emptyToUndefined, z.string().regex(isoDate).optional()).catch(undefined),
  to: z.preprocess(emptyToUndefined, z.string().regex(isoDate).optional()).catch(undefined),
  partner: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional()).catch(undefined),
  q: z.preprocess(emptyToUndefined, z.string().trim().max(200).optional()).catch(undefined),
  archived: z.preprocess(emptyToUndefined, z.literal('1').optional()).catch(undefined),
})
export type EventFilter = z.infer<typeof eventFilterSchema>

function eventWhere(f: EventFilter): SQL | undefined {
  const where: SQL[] = [f.archived ? isNotNull(events.archivedAt) : isNull(events.archivedAt)]
  if (f.kind) where.push(eq(events.kind, f.kind))
  // An event is in the range when it overlaps it (a campaign spans a period).
  if (f.from) where.push(sql`coalesce(${events.endDate}, ${events.startDate}) >= ${f.from}`)
  if (f.to) where.push(lte(events.startDate, f.to))
  if (f.partner) where.push(eq(events.hostPartnerId, f.partner))
  if (f.q)
    where.push(
      sql`lower(${events.title}) like ${`%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`,
    )
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
  const groupIds = event.event.planTargetGroupIds ?? []
  const targetGroups = groupIds.length
    ? db
        .select({ id: stakeholderGroups.id, name: stakeholderGroups.name })
        .from(stakeholderGroups)
        .where(
          sql`${stakeholderGroups.id} in (${sql.join(
            groupIds.map((g) => sql`${g}`),
            sql`, `,
          )})`,
        )
        .all()
    : []
  const activities = listActivities({ event: id, archived: undefined }, { limit: 500, offset: 0 }, today).rows
  const loggedActions = db
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
        eq(actions.eventId, id),
        isNull(actions.archivedAt),
        sql`${actions.status} in ('submitted', 'validated')`,
      ),
    )
    .orderBy(actions.date, actions.id)
    .all()
  const summary = {
    planned: activities.length,
    done: activities.filter((a) => a.state === 'done').length,
    overdue: activities.filter((a) => a.state === 'overdue').length,
    actions: loggedActions.length,
    validated: loggedActions.filter((a) => a.status === 'validated').length,
    participants: loggedActions
      .filter((a) => a.status === 'validated')
      .reduce((s, a) => s + (a.participants ?? 0), 0),
  }
  return { ...event, targetGroups, activities, loggedActions, summary }
}

/** Options for the event select of other forms (the action form, the work plan). */
export function eventOptions() {
  return db
    .select({ id: events.id, title: events.title, startDate: events.startDate, kind: events.kind })
    .from(events)
    .where(isNull(events.archivedAt))
    .orderBy(desc(events.startDate))
    .all()
}

export type { EventKind }
