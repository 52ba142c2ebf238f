import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { type actions, events, mailOptOuts, plannedActivities, users } from '#db/schema'
import {
  absoluteUrl,
  mailActionReturned,
  queueEventsWithoutPlan,
  queueOverdueActivities,
  queueReminders,
} from '~/models/mail/index.server'

import { demo } from '../setup/actors'
import { mailsOf, mailStatus, removeOutboxAfterAll, settle, startsNoDelivery } from '../setup/mail'
import { insertAction, typeId } from '../setup/records'

/*
 * The partner users' messages as they read them (issue 18, mail survivors): who gets a reminder
 * at the edge of REMIND_AFTER_DAYS, the words, counts and links of each message, a returned
 * action to an author who has left, and each message leaving at once (and no delivery started
 * when nothing was queued).
 */

removeOutboxAfterAll()

function partnerUser(
  email: string,
  name: string,
  partnerId: number,
  values: Partial<typeof users.$inferInsert>,
) {
  return db
    .insert(users)
    .values({ email, name, role: 'partner', partnerId, passwordHash: 'x', ...values })
    .returning()
    .get().id
}

function action(partnerId: number, values: Partial<typeof actions.$inferInsert>) {
  return insertAction({ partnerId, date: '2031-05-01', typeId: typeId('webinar'), title: 'A', ...values })
}

describe('reminders at the edge of REMIND_AFTER_DAYS', () => {
  it('who logged exactly 21 days ago or joined long ago is reminded; who joined or logged since is not', async () => {
    const partner = demo.partner()
    const partner2 = demo.partner2()
    const own = partner.partnerId!
    const now = new Date('2031-06-10T08:00:00.000Z')
    // Logged at the cutoff itself, and one millisecond after it.
    action(own, { createdBy: partner.id, createdAt: '2031-05-20T08:00:00.000Z' })
    action(partner2.partnerId!, { createdBy: partner2.id, createdAt: '2031-05-20T08:00:00.001Z' })
    // Logged by the comms lead for San Sebastián this month: the partner's month so far.
    action(own, { createdBy: demo.comms().id, month: '2031-06', createdAt: '2031-01-01T00:00:00.000Z' })
    const newcomer = partnerUser('cenek@example.eu', 'Čeněk Šťastný', partner2.partnerId!, {
      createdAt: '2031-06-01T00:00:00.000Z',
    })
    partnerUser('gasteiz@example.eu', 'Gasteizko Udala', own, { createdAt: '2026-01-01T00:00:00.000Z' })

    expect(queueReminders(now, 21)).toBe(2)
    const first = mailsOf('reminder', '2031-06-10')
    expect(first.map((m) => m.to)).toEqual(['partner@demo.ripple', 'gasteiz@example.eu'])
    const mail = first[0]!
    expect(mail.subject).toBe('Ripple: anything to log?')
    expect(mail.text.split('\n\n').slice(0, 4)).toEqual([
      'Hello Iker Goikoetxea,',
      'You have logged no dissemination action for 21 days. A post, a talk, a newsletter: it takes a minute.',
      'Your partner has logged 1 action this month so far.',
      `Log an action: ${absoluteUrl('/actions/new')}`,
    ])
    // Queued, and on their way at once.
    await settle()
    expect(first.map((m) => mailStatus(m.id))).toEqual(['sent', 'sent'])
    // Asked again the same day: nothing queued, and no delivery started for nothing.
    await startsNoDelivery(() => queueReminders(now, 21))

    // Not again within 21 days of the day it was sent; again on the 21st day.
    expect(queueReminders(new Date('2031-06-30T08:00:00.000Z'), 21)).toBe(2)
    expect(mailsOf('reminder', '2031-06-30').map((m) => m.userId)).toEqual([partner2.id, newcomer])
    expect(queueReminders(new Date('2031-07-01T08:00:00.000Z'), 21)).toBe(2)
    expect(mailsOf('reminder', '2031-07-01').map((m) => m.to)).toEqual([
      'partner@demo.ripple',
      'gasteiz@example.eu',
    ])
    await settle()
  })
})

describe('a returned action', () => {
  it('tells its author with the title, the comment and the action’s link, each return once', async () => {
    const partner = demo.partner()
    const comms = demo.comms()
    const args = { createdBy: partner.id, comment: 'Dodaj link — Πρόσθεσε', by: comms.id }
    expect(mailActionReturned(db, { ...args, actionId: 5, title: 'Łódź: warsztaty' })).toBe(true)
    expect(mailActionReturned(db, { ...args, actionId: 6, title: 'Θεσσαλονίκη forum' })).toBe(true)
    const mails = mailsOf('action-returned')
    expect(mails.map((m) => [m.to, m.subject])).toEqual([
      ['partner@demo.ripple', 'Returned: Łódź: warsztaty'],
      ['partner@demo.ripple', 'Returned: Θεσσαλονίκη forum'],
    ])
    expect(mails[0]!.text.split('\n\n').slice(0, 4)).toEqual([
      'Hello Iker Goikoetxea,',
      'Your action “Łódź: warsztaty” was returned to you for a change.',
      'Comment: Dodaj link — Πρόσθεσε',
      `Open the action: ${absoluteUrl('/actions/5/edit')}`,
    ])
    await settle()
    expect(mails.map((m) => mailStatus(m.id))).toEqual(['sent', 'sent'])
  })

  it('an author who has left, or who switched these off, gets nothing and no delivery starts', async () => {
    const left = partnerUser('left@example.eu', 'Târgu Mureș', demo.partner().partnerId!, {
      deactivatedAt: '2031-01-01T00:00:00.000Z',
    })
    const by = demo.comms().id
    const before = mailsOf('action-returned').length
    expect(mailActionReturned(db, { actionId: 7, title: 'x', createdBy: left, comment: 'c', by })).toBe(false)
    const partner = demo.partner()
    db.insert(mailOptOuts).values({ userId: partner.id, kind: 'action-returned' }).run()
    await startsNoDelivery(
      () => mailActionReturned(db, { actionId: 8, title: 'y', createdBy: partner.id, comment: 'c', by }),
      false,
    )
    db.delete(mailOptOuts).where(eq(mailOptOuts.userId, partner.id)).run()
    expect(mailsOf('action-returned')).toHaveLength(before)
  })
})

describe('overdue work-plan activities', () => {
  it('the owner partner’s users only: the count, the ten due first, the work plan’s link', async () => {
    // The seeded plan is left out: only these activities are overdue.
    db.update(plannedActivities).set({ archivedAt: '2030-01-01T00:00:00.000Z' }).run()
    const own = demo.partner().partnerId!
    const titles = Array.from({ length: 11 }, (_, i) => `Warsztat ${i + 1} — Εργαστήριο`)
    // Inserted in reverse: the message lists them by due date.
    for (let i = 10; i >= 0; i--)
      db.insert(plannedActivities)
        .values({ title: titles[i]!, partnerId: own, dueDate: `2031-05-${String(i + 1).padStart(2, '0')}` })
        .run()
    const monday = new Date('2031-06-02T08:00:00Z')
    // San Sebastián's two partner users; Barcelona's have nothing overdue; the comms lead is not told.
    expect(queueOverdueActivities(monday, '2031-W23')).toBe(2)
    const mails = mailsOf('activity-overdue', '2031-W23')
    expect(mails.map((m) => m.to)).toEqual(['partner@demo.ripple', 'gasteiz@example.eu'])
    const mail = mails[0]!
    expect(mail.subject).toBe('Ripple: 11 overdue activities')
    expect(mail.text.split('\n\n').slice(0, 4)).toEqual([
      'Hello Iker Goikoetxea,',
      'These work-plan activities of your partner are past their due date with no action logged:',
      titles
        .slice(0, 10)
        .map((t, i) => `- ${t} (2031-05-${String(i + 1).padStart(2, '0')})`)
        .join('\n'),
      `See the work plan: ${absoluteUrl(`/plan/workplan?partner=${own}&state=overdue`)}`,
    ])
    await settle()
    expect(mails.map((m) => mailStatus(m.id))).toEqual(['sent', 'sent'])
    await startsNoDelivery(() => queueOverdueActivities(monday, '2031-W23'))
  })
})

describe('a hosted event without a communication plan', () => {
  it('names the event, links to its form, leaves at once; once per event', async () => {
    const host = demo.partner2().partnerId!
    const id = db
      .insert(events)
      .values({ kind: 'webinar', title: 'Fòrum de Gràcia', startDate: '2033-04-11', hostPartnerId: host })
      .returning()
      .get().id
    const now = new Date('2033-04-01T08:00:00Z')
    expect(queueEventsWithoutPlan(now)).toBe(2)
    const mails = mailsOf('event-no-plan', `event-${id}`)
    expect(mails.map((m) => m.to)).toEqual(['partner2@demo.ripple', 'cenek@example.eu'])
    const mail = mails[0]!
    expect(mail.subject).toBe('No communication plan yet: Fòrum de Gràcia')
    expect(mail.text.split('\n\n').slice(1, 3)).toEqual([
      'Your partner hosts “Fòrum de Gràcia” on 2033-04-11, and it has no communication plan yet (audiences, messages or planned activities).',
      `Plan the event: ${absoluteUrl(`/events/${id}/edit`)}`,
    ])
    await settle()
    expect(mails.map((m) => mailStatus(m.id))).toEqual(['sent', 'sent'])
    await startsNoDelivery(() => queueEventsWithoutPlan(now))
    expect(mailsOf('event-no-plan')).toHaveLength(2)
  })
})
