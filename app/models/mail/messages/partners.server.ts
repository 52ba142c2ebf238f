import { and, eq, gte, isNull, lte, sql } from 'drizzle-orm'

import { db, type Tx } from '#db/client'
import { actions, events, mailQueue, plannedActivities, users } from '#db/schema'
import { serverT } from '~/i18n/resources.server'
import { env } from '~/utils/env.server'

import { actsForPartner } from '../policy'
import { enqueueMail, kickDeliverySoon } from '../queue.server'
import { activeUsers, composeNotification } from './compose.server'

const day = (d: Date) => d.toISOString().slice(0, 10)
const daysBefore = (d: Date, n: number) => new Date(d.getTime() - n * 86_400_000)

/**
 * A partner user who has logged nothing for REMIND_AFTER_DAYS (counting from joining) gets a
 * reminder with a link to /actions/new and their partner's month so far; at most once per that
 * many days. Returns how many were queued.
 */
export function queueReminders(now: Date, days = env().REMIND_AFTER_DAYS): number {
  const cutoff = daysBefore(now, days).toISOString()
  const month = day(now).slice(0, 7)
  let queued = 0
  for (const user of activeUsers().filter(actsForPartner)) {
    const last = db
      .select({
        logged: sql<
          string | null
        >`(select max(${actions.createdAt}) from ${actions} where ${actions.createdBy} = ${user.id})`,
        joined: users.createdAt,
        reminded: sql<
          string | null
        >`(select max(${mailQueue.createdAt}) from ${mailQueue} where ${mailQueue.userId} = ${user.id} and ${mailQueue.kind} = 'reminder')`,
      })
      .from(users)
      .where(eq(users.id, user.id))
      .get()!
    if ((last.logged ?? last.joined) > cutoff || (last.reminded && last.reminded > cutoff)) continue
    const soFar = db
      .select({ n: sql<number>`count(*)` })
      .from(actions)
      .where(
        and(eq(actions.partnerId, user.partnerId!), eq(actions.month, month), isNull(actions.archivedAt)),
      )
      .get()!.n
    const t = serverT(user.locale)
    const mail = composeNotification(user, 'reminder', {
      subject: t('mail:reminder.subject'),
      paragraphs: [t('mail:reminder.body', { days }), t('mail:reminder.month', { count: soFar })],
      link: { path: '/actions/new', label: t('mail:reminder.link') },
      dedupeKey: day(now),
    })
    if (enqueueMail(db, mail) != null) queued++
  }
  if (queued) kickDeliverySoon()
  return queued
}

/**
 * The author of a returned action hears at once, with the reviewer's comment. Runs inside the
 * status change's transaction; the message leaves after it commits.
 */
export function mailActionReturned(
  tx: Tx,
  args: { actionId: number; title: string; createdBy: number | null; comment: string; by: number },
) {
  if (!args.createdBy || args.createdBy === args.by) return false
  const user = activeUsers(tx).find((u) => u.id === args.createdBy)
  if (!user) return false
  const t = serverT(user.locale)
  const mail = composeNotification(user, 'action-returned', {
    subject: t('mail:returned.subject', { title: args.title }),
    paragraphs: [
      t('mail:returned.body', { title: args.title }),
      t('mail:returned.comment', { comment: args.comment }),
    ],
    link: { path: `/actions/${args.actionId}/edit`, label: t('mail:returned.link') },
    dedupeKey: `action-${args.actionId}-${new Date().toISOString()}`,
  })
  const id = enqueueMail(tx, mail)
  if (id != null) kickDeliverySoon()
  return id != null
}

/** Each partner user whose partner has overdue work-plan activities: one message a week at most. */
export function queueOverdueActivities(now: Date, week: string): number {
  const today = day(now)
  const overdue = db
    .select({
      partnerId: plannedActivities.partnerId,
      title: plannedActivities.title,
      dueDate: plannedActivities.dueDate,
    })
    .from(plannedActivities)
    .where(
      and(
        isNull(plannedActivities.archivedAt),
        sql`${plannedActivities.partnerId} is not null`,
        sql`${plannedActivities.dueDate} < ${today}`,
        sql`not exists (select 1 from actions fa where fa.activity_id = ${plannedActivities.id} and fa.status in ('validated', 'submitted') and fa.archived_at is null)`,
      ),
    )
    .orderBy(plannedActivities.dueDate)
    .all()
  let queued = 0
  for (const user of activeUsers().filter(actsForPartner)) {
    const mine = overdue.filter((a) => a.partnerId === user.partnerId)
    if (!mine.length) continue
    const t = serverT(user.locale)
    const mail = composeNotification(user, 'activity-overdue', {
      subject: t('mail:overdue.subject', { count: mine.length }),
      paragraphs: [t('mail:overdue.body', { count: mine.length })],
      items: mine.slice(0, 10).map((a) => `${a.title} (${a.dueDate})`),
      link: { path: `/plan/workplan?partner=${user.partnerId}&state=overdue`, label: t('mail:overdue.link') },
      dedupeKey: week,
    })
    if (enqueueMail(db, mail) != null) queued++
  }
  if (queued) kickDeliverySoon()
  return queued
}

/**
 * The host partner's users, 14 days (or less, when the event was added later or the server was
 * down) before a hosted event that has no communication plan: once per event.
 */
export function queueEventsWithoutPlan(now: Date): number {
  const today = day(now)
  const horizon = day(new Date(now.getTime() + 14 * 86_400_000))
  const rows = db
    .select({
      id: events.id,
      title: events.title,
      startDate: events.startDate,
      hostPartnerId: events.hostPartnerId,
    })
    .from(events)
    .where(
      and(
        isNull(events.archivedAt),
        sql`${events.hostPartnerId} is not null`,
        gte(events.startDate, today),
        lte(events.startDate, horizon),
        sql`coalesce(json_array_length(${events.planTargetGroupIds}), 0) = 0`,
        sql`coalesce(trim(${events.planMessages}), '') = ''`,
        sql`coalesce(trim(${events.planNotes}), '') = ''`,
        sql`not exists (select 1 from planned_activities pa where pa.event_id = ${events.id} and pa.archived_at is null)`,
      ),
    )
    .all()
  let queued = 0
  for (const user of activeUsers().filter(actsForPartner)) {
    for (const event of rows.filter((e) => e.hostPartnerId === user.partnerId)) {
      const t = serverT(user.locale)
      const mail = composeNotification(user, 'event-no-plan', {
        subject: t('mail:eventPlan.subject', { title: event.title }),
        paragraphs: [t('mail:eventPlan.body', { title: event.title, date: event.startDate })],
        link: { path: `/events/${event.id}/edit`, label: t('mail:eventPlan.link') },
        dedupeKey: `event-${event.id}`,
      })
      if (enqueueMail(db, mail) != null) queued++
    }
  }
  if (queued) kickDeliverySoon()
  return queued
}
