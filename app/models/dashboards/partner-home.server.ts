/**
 * The home page of a user who acts for one partner: what is theirs this month. Their partner's
 * actions of the month by status, the returned ones waiting to be fixed, the events their partner
 * hosts next (with whether each has its own communication plan) and their work-plan activities
 * due soon or overdue.
 */
import { and, asc, between, desc, eq, gte, isNull, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { actions, type ActionStatus, events, partners } from '#db/schema'
import { openActivitiesDue } from '~/models/plan/index.server'
import type { Actor } from '~/utils/permissions'

import { firstDay, lastDay } from './months'
import { homePartnerOf } from './policy'

/** Activities due within this many days count as "due soon". */
export const DUE_SOON_DAYS = 30
const EVENTS_AHEAD = 5
const RETURNED_LISTED = 20
const ACTIVITIES_LISTED = 20

function addDays(iso: string, days: number) {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** The partner's live actions dated in the month, by status. */
function monthCounts(partnerId: number, month: string) {
  const rows = db
    .select({ status: actions.status, n: sql<number>`count(*)` })
    .from(actions)
    .where(
      and(
        eq(actions.partnerId, partnerId),
        isNull(actions.archivedAt),
        between(actions.date, firstDay(month), lastDay(month)),
      ),
    )
    .groupBy(actions.status)
    .all()
  const n = (status: ActionStatus) => rows.find((r) => r.status === status)?.n ?? 0
  return {
    // Logged: sent for validation (drafts are still on the partner's desk).
    logged: n('submitted') + n('validated') + n('returned'),
    validated: n('validated'),
    awaiting: n('submitted'),
    returned: n('returned'),
    drafts: n('draft'),
  }
}

/** Every returned action of the partner, whatever its month: each needs fixing. Newest first. */
function returnedActions(partnerId: number) {
  const where = and(
    eq(actions.partnerId, partnerId),
    eq(actions.status, 'returned'),
    isNull(actions.archivedAt),
  )
  const rows = db
    .select({ id: actions.id, title: actions.title, date: actions.date, comment: actions.returnComment })
    .from(actions)
    .where(where)
    .orderBy(desc(actions.date), desc(actions.id))
    .limit(RETURNED_LISTED)
    .all()
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(actions)
    .where(where)
    .get()!.n
  return { rows, total }
}

const filled = (column: typeof events.planMessages | typeof events.planNotes) =>
  sql<number>`coalesce(trim(${column}), '') <> ''`

/**
 * The events the partner hosts that have not ended, soonest first, with the parts of their own
 * communication plan: target groups, key messages, notes and planned activities.
 */
function hostedEventsAhead(partnerId: number, today: string) {
  const rows = db
    .select({
      id: events.id,
      title: events.title,
      kind: events.kind,
      startDate: events.startDate,
      endDate: events.endDate,
      targetGroups: sql<number>`coalesce(json_array_length(${events.planTargetGroupIds}), 0)`,
      hasMessages: filled(events.planMessages),
      hasNotes: filled(events.planNotes),
      // Spelled out: drizzle leaves a lone table's columns unqualified, and "id" would be the activity's.
      plannedActivities: sql<number>`(select count(*) from planned_activities pa where pa.event_id = "events"."id" and pa.archived_at is null)`,
    })
    .from(events)
    .where(
      and(
        eq(events.hostPartnerId, partnerId),
        isNull(events.archivedAt),
        gte(sql`coalesce(${events.endDate}, ${events.startDate})`, today),
      ),
    )
    .orderBy(asc(events.startDate), asc(events.id))
    .limit(EVENTS_AHEAD)
    .all()
  return rows.map((e) => {
    const hasMessages = !!e.hasMessages
    const hasNotes = !!e.hasNotes
    const hasPlan = e.targetGroups > 0 || hasMessages || hasNotes || e.plannedActivities > 0
    return { ...e, hasMessages, hasNotes, hasPlan }
  })
}

/**
 * What is the actor's partner's this month, or null when the actor does not act for one partner
 * (their home page stays as it is). `today` is an ISO date (UTC, as every stored date).
 */
export function partnerHome(actor: Actor, today = new Date().toISOString().slice(0, 10)) {
  const partnerId = homePartnerOf(actor)
  if (partnerId === null) return null
  const partner = db.select({ name: partners.name }).from(partners).where(eq(partners.id, partnerId)).get()
  if (!partner) return null
  const month = today.slice(0, 7)
  const activities = openActivitiesDue(
    partnerId,
    addDays(today, DUE_SOON_DAYS),
    today,
    ACTIVITIES_LISTED,
  ).map((a) => ({ id: a.id, title: a.title, dueDate: a.dueDate, state: a.state, eventTitle: a.eventTitle }))
  return {
    partnerId,
    partnerName: partner.name,
    month,
    /** The month's first and last day, for links to the action list. */
    from: firstDay(month),
    to: lastDay(month),
    thisMonth: monthCounts(partnerId, month),
    returned: returnedActions(partnerId),
    events: hostedEventsAhead(partnerId, today),
    activities,
    dueSoonDays: DUE_SOON_DAYS,
  }
}

export type PartnerHome = NonNullable<ReturnType<typeof partnerHome>>
