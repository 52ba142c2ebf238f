import { and, eq, inArray } from 'drizzle-orm'
import { afterAll, describe, expect, it, vi } from 'vitest'

import { db } from '#db/client'
import { actions, actionTypes, events, mailQueue, plannedActivities } from '#db/schema'
import { findJob, isoWeekKey, runJob } from '~/models/jobs/index.server'
import {
  deliverQueued,
  flushMail,
  queueEventsWithoutPlan,
  queueOverdueActivities,
} from '~/models/mail/index.server'

import { demo } from '../setup/actors'

/*
 * Issue 15 point 3: the overdue-activity message (weekly at most) and the event-without-plan
 * message (14 days before, only when the event has no plan), asserted on what a real SMTP server
 * receives.
 */

// A real SMTP server in this process, started before the app reads SMTP_URL: the delivery a queued
// message kicks off and the one the test asks for both go to it.
const smtp = await vi.hoisted(async () => {
  const { startSmtpServer } = await import('../setup/smtp')
  const server = await startSmtpServer()
  process.env.SMTP_URL = server.url
  return server
})
afterAll(async () => {
  await flushMail()
  await smtp.close()
})

/**
 * Sends what is queued and waits until nothing is left to send and the server has parsed every
 * message sent (a queued message also starts a delivery of its own, on the next tick).
 */
async function deliver() {
  await new Promise((resolve) => setImmediate(resolve))
  await flushMail()
  await deliverQueued()
  await flushMail()
  await vi.waitFor(
    () => {
      expect(unsent()).toBe(0)
      expect(smtp.messages.length).toBe(sentCount())
    },
    { timeout: 10_000 },
  )
}
const unsent = () =>
  db
    .select()
    .from(mailQueue)
    .where(inArray(mailQueue.status, ['queued', 'sending']))
    .all().length
const sentCount = () => db.select().from(mailQueue).where(eq(mailQueue.status, 'sent')).all().length
const received = (to: string, subject: RegExp) =>
  smtp.messages.filter((m) => m.envelope.to.includes(to) && subject.test(m.subject ?? ''))
const queuedFor = (userId: number, kind: 'activity-overdue' | 'event-no-plan') =>
  db
    .select()
    .from(mailQueue)
    .where(and(eq(mailQueue.userId, userId), eq(mailQueue.kind, kind)))
    .all()

function activity(partnerId: number, title: string, dueDate: string, archived = false) {
  return db
    .insert(plannedActivities)
    .values({ title, partnerId, dueDate, archivedAt: archived ? '2031-01-01T00:00:00Z' : null })
    .returning()
    .get().id
}

describe('overdue work-plan activities: weekly at most', () => {
  it('tells the owner partner’s users once a week, listing only what is overdue and undone', async () => {
    const partner = demo.partner()
    const own = partner.partnerId!
    const overdue = 'Warsztat z mieszkańcami — Εργαστήριο πόλης'
    activity(own, overdue, '2031-05-20')
    activity(own, 'Archived workshop Ř', '2031-05-20', true)
    const done = activity(own, 'Done: a talk at the Bilbao forum', '2031-05-10')
    const typeId = db.select({ id: actionTypes.id }).from(actionTypes).limit(1).get()!.id
    db.insert(actions)
      .values({
        partnerId: own,
        date: '2031-05-09',
        month: '2031-05',
        typeId,
        title: 'Talk done',
        status: 'validated',
        activityId: done,
      })
      .run()
    activity(own, 'Not yet due: Ikastaroa', '2031-12-01')

    const job = findJob('activity-overdue')!
    const monday = new Date('2031-06-02T08:00:00Z')
    const first = await runJob(job, { now: monday })
    expect(first).toMatchObject({ ran: true, ok: true })
    await deliver()
    const mails = received('partner@demo.ripple', /overdue activit/)
    expect(mails).toHaveLength(1)
    const mail = mails[0]!
    expect(mail.text).toContain(overdue)
    expect(mail.html).toContain('Εργαστήριο')
    expect(mail.text).not.toContain('Archived workshop')
    expect(mail.text).not.toContain('Done: a talk')
    expect(mail.text).not.toContain('Ikastaroa')
    expect(mail.text).toContain(`/plan/workplan?partner=${own}&state=overdue`)
    // The other partner's users hear about their own partner's activities only.
    for (const other of received('partner2@demo.ripple', /overdue activit/))
      expect(other.text).not.toContain(overdue)

    // Later the same week: the job does not run again, and asking again queues nothing.
    const thursday = new Date('2031-06-05T08:00:00Z')
    expect(await runJob(job, { now: thursday })).toEqual({ ran: false })
    expect(queueOverdueActivities(thursday, isoWeekKey(thursday))).toBe(0)
    await deliver()
    expect(received('partner@demo.ripple', /overdue activit/)).toHaveLength(1)
    expect(queuedFor(partner.id, 'activity-overdue')).toHaveLength(1)

    // The next week, still overdue: one more message.
    expect(await runJob(job, { now: new Date('2031-06-09T08:00:00Z') })).toMatchObject({ ran: true })
    await deliver()
    expect(received('partner@demo.ripple', /overdue activit/)).toHaveLength(2)
  })
})

describe('a hosted event without a communication plan: 14 days before', () => {
  it('tells the host partner’s users about events without a plan only, once each', async () => {
    const own = demo.partner().partnerId!
    const other = demo.partner2().partnerId!
    const event = (
      title: string,
      startDate: string,
      host: number,
      extra: Partial<typeof events.$inferInsert> = {},
    ) =>
      db
        .insert(events)
        .values({ kind: 'webinar', title, startDate, hostPartnerId: host, ...extra })
        .returning()
        .get().id
    const now = new Date('2032-03-01T08:30:00Z')
    event('Bez planu: Forum miejskie', '2032-03-11', own)
    event('With key messages', '2032-03-11', own, { planMessages: 'Cities listen · Πόλεις' })
    event('With target groups', '2032-03-11', own, { planTargetGroupIds: [1] })
    const withActivity = event('With a planned activity', '2032-03-11', own)
    db.insert(plannedActivities)
      .values({ title: 'Post before', partnerId: own, dueDate: '2032-03-05', eventId: withActivity })
      .run()
    event('Archived without plan', '2032-03-11', own, { archivedAt: '2032-02-01T00:00:00Z' })
    event('Later: Hiri foroa', '2032-03-25', own)
    event('Barcelona sin plan', '2032-03-12', other)

    expect(queueEventsWithoutPlan(now)).toBeGreaterThanOrEqual(2)
    await deliver()
    const subjects = (to: string) =>
      received(to, /^No communication plan yet/)
        .map((m) => m.subject)
        .sort()
    expect(subjects('partner@demo.ripple')).toEqual(['No communication plan yet: Bez planu: Forum miejskie'])
    expect(subjects('partner2@demo.ripple')).toEqual(['No communication plan yet: Barcelona sin plan'])
    const mail = received('partner@demo.ripple', /Forum miejskie/)[0]!
    expect(mail.text).toContain('2032-03-11')
    expect(mail.text).toMatch(/\/events\/\d+\/edit/)

    // Once per event: the next day adds nothing for it; the later event's turn comes at 14 days.
    expect(queueEventsWithoutPlan(new Date('2032-03-02T08:30:00Z'))).toBe(0)
    expect(queueEventsWithoutPlan(new Date('2032-03-11T08:30:00Z'))).toBe(1)
    await deliver()
    expect(subjects('partner@demo.ripple')).toEqual([
      'No communication plan yet: Bez planu: Forum miejskie',
      'No communication plan yet: Later: Hiri foroa',
    ])
  })
})
