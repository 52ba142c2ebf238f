import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { actions, users } from '#db/schema'
import {
  absoluteUrl,
  queueMonthlyReach,
  queueValidationSummary,
  unsubscribeUrl,
} from '~/models/mail/index.server'
import { composeNotification } from '~/models/mail/messages/compose.server'

import { demo } from '../setup/actors'
import { mailsOf, mailStatus, removeOutboxAfterAll, settle, startsNoDelivery } from '../setup/mail'
import { insertAction, typeId } from '../setup/records'

/*
 * The comms lead's and readers' digests as they read them (issue 18, mail survivors): the
 * weekly count of actions waiting and the oldest day, the monthly reach figures in each reader's
 * number format, each digest leaving at once, and the exact HTML of a message.
 */

removeOutboxAfterAll()

function action(values: Partial<typeof actions.$inferInsert>) {
  return insertAction({
    partnerId: demo.partner().partnerId!,
    date: '2031-01-10',
    typeId: typeId('webinar'),
    title: 'Warsztaty w Łodzi',
    ...values,
  })
}

describe('the weekly validation summary', () => {
  it('counts what waits, names the oldest day, links to the review, and leaves at once', async () => {
    // Only the actions written here wait: the seeded ones are archived.
    db.update(actions)
      .set({ archivedAt: '2030-01-01T00:00:00.000Z' })
      .where(eq(actions.status, 'submitted'))
      .run()
    for (const submittedAt of [
      '2031-02-03T10:15:00.000Z',
      '2031-01-28T23:59:00.000Z',
      '2031-02-10T07:00:00.000Z',
    ])
      action({ status: 'submitted', submittedAt })
    action({
      status: 'submitted',
      submittedAt: '2031-01-01T00:00:00.000Z',
      archivedAt: '2031-01-02T00:00:00.000Z',
    })

    expect(queueValidationSummary('2031-W07')).toBe(1)
    const mails = mailsOf('validation-summary', '2031-W07')
    expect(mails.map((m) => [m.to, m.subject])).toEqual([
      ['comms@demo.ripple', 'Ripple: 3 actions wait for validation'],
    ])
    expect(mails[0]!.text.split('\n\n').slice(0, 4)).toEqual([
      'Hello Lucía Moreno,',
      '3 actions wait for your review.',
      'The oldest was submitted on 2031-01-28.',
      `Review actions: ${absoluteUrl('/actions/review')}`,
    ])
    await settle()
    expect(mailStatus(mails[0]!.id)).toBe('sent')
    // The same week again: nothing queued, and no delivery started for nothing.
    await startsNoDelivery(() => queueValidationSummary('2031-W07'))
  })

  it('says nothing of the oldest day when no waiting action has a submission time', () => {
    db.update(actions).set({ submittedAt: null }).where(eq(actions.status, 'submitted')).run()
    expect(queueValidationSummary('2031-W08')).toBe(1)
    const text = mailsOf('validation-summary', '2031-W08')[0]!.text
    expect(text.split('\n\n').slice(0, 3)).toEqual([
      'Hello Lucía Moreno,',
      '3 actions wait for your review.',
      `Review actions: ${absoluteUrl('/actions/review')}`,
    ])
  })
})

describe('the monthly reach', () => {
  it('lists the month’s figures against the month before, numbers written the reader’s way', async () => {
    // The comms lead reads Spanish; the viewer English.
    db.update(users).set({ locale: 'es' }).where(eq(users.email, 'comms@demo.ripple')).run()
    const validated = { status: 'validated' as const, validatedAt: '2035-04-01T00:00:00.000Z' }
    action({
      ...validated,
      date: '2035-03-05',
      month: '2035-03',
      participants: 1500,
      onlineReach: 12_345,
      engagements: 2500,
    })
    action({ ...validated, date: '2035-02-05', month: '2035-02', onlineReach: 2000 })

    expect(queueMonthlyReach('2035-03')).toBe(2)
    const mails = mailsOf('monthly-reach', '2035-03')
    expect(mails.map((m) => [m.to, m.lang, m.subject])).toEqual([
      ['comms@demo.ripple', 'es', 'Ripple: alcance de 2035-03'],
      ['viewer@demo.ripple', 'en', 'Ripple: reach in 2035-03'],
    ])
    const viewer = mails[1]!.text.split('\n\n')
    expect(viewer.slice(1, 4)).toEqual([
      'The headline figures of 2035-03 (validated actions):',
      [
        '- Actions: 1 (month before: 1)',
        '- Participants: 1,500 (month before: 0)',
        '- Online reach: 12,345 (month before: 2,000)',
        '- Engagements: 2,500 (month before: 0)',
        '- Stakeholders reached: 0 (month before: 0)',
        '- New stakeholders engaged: 0 (month before: 0)',
      ].join('\n'),
      `Open the reach dashboard: ${absoluteUrl('/dashboard/reach?month=2035-03')}`,
    ])
    expect(mails[0]!.text.split('\n\n')[2]).toBe(
      [
        '- Acciones: 1 (mes anterior: 1)',
        '- Participantes: 1500 (mes anterior: 0)',
        '- Alcance en línea: 12.345 (mes anterior: 2000)',
        '- Interacciones: 2500 (mes anterior: 0)',
        '- Actores alcanzados: 0 (mes anterior: 0)',
        '- Nuevos actores implicados: 0 (mes anterior: 0)',
      ].join('\n'),
    )
    await settle()
    expect(mails.map((m) => mailStatus(m.id))).toEqual(['sent', 'sent'])
    await startsNoDelivery(() => queueMonthlyReach('2035-03'))
  })
})

describe('a message’s HTML part', () => {
  it('without a list or a link: greeting, paragraphs, then the footer with both links', () => {
    const user = {
      id: 42,
      email: 'cenek@example.eu',
      name: 'Čeněk Šťastný',
      role: 'partner' as const,
      partnerId: 1,
      locale: 'en' as const,
    }
    const mail = composeNotification(user, 'reminder', {
      subject: 'S',
      paragraphs: ['Jedna', 'Dvě'],
      dedupeKey: 'k',
    })
    const unsubscribe = unsubscribeUrl(42, 'reminder').replace(/&/g, '&amp;')
    expect(mail.html).toBe(
      [
        '<!doctype html><html lang="en"><body><p>Hello Čeněk Šťastný,</p>',
        '<p>Jedna</p>',
        '<p>Dvě</p>',
        '',
        '',
        '<hr><p style="font-size:small;color:#555">You receive this because “Reminder to log actions” is on in your Ripple account.<br>' +
          `<a href="${unsubscribe}">Unsubscribe from these messages</a> · ` +
          `<a href="${absoluteUrl('/account')}">Your notification settings</a></p></body></html>`,
      ].join('\n'),
    )
  })
})
