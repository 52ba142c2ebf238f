/** What the calendar shows: live events (over their days) and live work-plan activities (on their due date). */
import { and, asc, gte, isNull, lte, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { events, partners, plannedActivities } from '#db/schema'
import { type Actor, ForbiddenError } from '~/utils/permissions'

import { canReadCalendar } from './policy'

export type CalendarEntry = {
  kind: 'event' | 'activity'
  id: number
  title: string
  /** First and last day (ISO dates, inclusive); an activity's deadline is one day. */
  start: string
  end: string
  place: string | null
  partnerName: string | null
  href: string
}

/** The entries that touch the days from `from` to `to` (inclusive), by first day. */
export function calendarEntries(actor: Actor, from: string, to: string): CalendarEntry[] {
  if (!canReadCalendar(actor)) throw new ForbiddenError('missing plan:read')
  const eventEnd = sql<string>`coalesce(${events.endDate}, ${events.startDate})`
  const eventRows = db
    .select({
      id: events.id,
      title: events.title,
      start: events.startDate,
      end: eventEnd,
      place: events.place,
      partnerName: partners.name,
    })
    .from(events)
    .leftJoin(partners, sql`${partners.id} = ${events.hostPartnerId}`)
    .where(and(isNull(events.archivedAt), lte(events.startDate, to), gte(eventEnd, from)))
    .all()
  const activityRows = db
    .select({
      id: plannedActivities.id,
      title: plannedActivities.title,
      due: plannedActivities.dueDate,
      partnerName: partners.name,
    })
    .from(plannedActivities)
    .leftJoin(partners, sql`${partners.id} = ${plannedActivities.partnerId}`)
    .where(
      and(
        isNull(plannedActivities.archivedAt),
        gte(plannedActivities.dueDate, from),
        lte(plannedActivities.dueDate, to),
      ),
    )
    .orderBy(asc(plannedActivities.dueDate))
    .all()
  const entries: CalendarEntry[] = [
    ...eventRows.map((e) => ({ kind: 'event' as const, ...e, href: `/events/${e.id}` })),
    ...activityRows.map((a) => ({
      kind: 'activity' as const,
      id: a.id,
      title: a.title,
      start: a.due,
      end: a.due,
      place: null,
      partnerName: a.partnerName,
      href: `/plan/workplan/${a.id}`,
    })),
  ]
  return entries.sort((a, b) => a.start.localeCompare(b.start) || a.kind.localeCompare(b.kind) || a.id - b.id)
}
