import Database from 'better-sqlite3'
import { and, eq } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'

import { databaseFile, db, drizzleClient, sqlite } from '#db/client'
import * as schema from '#db/schema'
import { jobRuns, mailQueue } from '#db/schema'
import { claimPeriod, type JobDefinition, runDueJobs, runJob } from '~/models/jobs/index.server'
import {
  flushMail,
  mailActionReturned,
  queueMonthlyReach,
  queueReminders,
  queueValidationSummary,
} from '~/models/mail/index.server'

import { demo } from '../setup/actors'

afterAll(() => new Promise((resolve) => setTimeout(resolve, 50)).then(flushMail))

describe('once per period', () => {
  it('two processes claiming the same period: exactly one wins', () => {
    const other = new Database(databaseFile())
    other.pragma('busy_timeout = 5000')
    const second = drizzle(drizzleClient(other), { schema })
    const claims = [claimPeriod(db, 'race', '2031-W05'), claimPeriod(second, 'race', '2031-W05')]
    other.close()
    expect(claims.filter(Boolean)).toHaveLength(1)
    expect(db.select().from(jobRuns).where(eq(jobRuns.job, 'race')).all()).toHaveLength(1)
  })

  it('a done period never runs again unless forced; a crashed run is taken over after its hold', () => {
    const now = new Date('2031-03-01T08:00:00Z')
    expect(claimPeriod(db, 'hold', '2031-03', { now })).toBe(true)
    expect(claimPeriod(db, 'hold', '2031-03', { now })).toBe(false)
    expect(claimPeriod(db, 'hold', '2031-03', { now: new Date('2031-03-01T09:00:00Z') })).toBe(true)
  })

  it('catches up a missed period at start-up, and runs it once', async () => {
    let runs = 0
    const job: JobDefinition = {
      name: 'catch-up-test',
      schedule: '0 7 1 * *',
      period: (d) => d.toISOString().slice(0, 7),
      run: ({ period }) => `ran ${period} (${++runs})`,
    }
    // Down on the 1st; started on the 4th: the 1st's period runs now, once.
    const first = await runDueJobs(new Date('2031-04-04T10:00:00Z'), [job])
    expect(first['catch-up-test']).toMatchObject({ ran: true, period: '2031-04', ok: true })
    const again = await runDueJobs(new Date('2031-04-04T10:01:00Z'), [job])
    expect(again['catch-up-test'], JSON.stringify(again)).toEqual({ ran: false })
    expect(runs).toBe(1)
    // A failed run is retried after its back-off.
    const failing: JobDefinition = {
      ...job,
      name: 'failing-test',
      run: () => {
        throw new Error('boom')
      },
    }
    expect(await runJob(failing, { now: new Date('2031-04-04T10:00:00Z') })).toMatchObject({
      ok: false,
      result: 'boom',
    })
    expect(await runJob(failing, { now: new Date('2031-04-04T10:05:00Z') })).toEqual({ ran: false })
    expect(await runJob(failing, { now: new Date('2031-04-04T10:30:00Z') })).toMatchObject({ ran: true })
  })
})

const mailsOf = (kind: string) =>
  db
    .select()
    .from(mailQueue)
    .where(eq(mailQueue.kind, kind as 'reminder'))
    .all()

describe('the messages: who gets them, once per period', () => {
  it('reminders: partner users who logged nothing for REMIND_AFTER_DAYS, never twice within that time', () => {
    const now = new Date('2031-06-10T08:00:00Z')
    const queued = queueReminders(now, 21)
    const sent = mailsOf('reminder')
    expect(queued).toBe(sent.length)
    expect(sent.map((m) => m.to)).toContain('partner@demo.ripple')
    expect(sent.map((m) => m.to)).not.toContain('comms@demo.ripple')
    expect(sent.map((m) => m.to)).not.toContain('viewer@demo.ripple')
    const mine = sent.find((m) => m.to === 'partner@demo.ripple')!
    expect(mine.text).toContain('/actions/new')
    expect(queueReminders(new Date('2031-06-20T08:00:00Z'), 21)).toBe(0)
    expect(queueReminders(new Date('2031-07-02T08:00:00Z'), 21)).toBe(queued)
  })

  it('a returned action: its author only, with the comment; switched off means no message', () => {
    const partner = demo.partner()
    const comms = demo.comms()
    expect(
      mailActionReturned(db, {
        actionId: 1,
        title: 'Łódź — ένα',
        createdBy: partner.id,
        comment: 'Añade el enlace',
        by: comms.id,
      }),
    ).toBe(true)
    const mail = mailsOf('action-returned').at(-1)!
    expect(mail.to).toBe('partner@demo.ripple')
    expect(mail.text).toContain('Añade el enlace')
    expect(
      mailActionReturned(db, { actionId: 1, title: 'x', createdBy: comms.id, comment: 'c', by: comms.id }),
    ).toBe(false)
    sqlite()
      .prepare('insert into mail_opt_outs (user_id, kind) values (?, ?)')
      .run(partner.id, 'action-returned')
    expect(
      mailActionReturned(db, { actionId: 2, title: 'y', createdBy: partner.id, comment: 'c', by: comms.id }),
    ).toBe(false)
  })

  it('weekly validation summary to the comms lead only, once a week; monthly reach to viewers and comms', () => {
    const queued = queueValidationSummary('2031-W10')
    const sent = mailsOf('validation-summary')
    if (queued) expect(sent.map((m) => m.to)).toEqual(['comms@demo.ripple'])
    expect(queueValidationSummary('2031-W10')).toBe(0)
    expect(queueMonthlyReach('2026-11')).toBe(2)
    const reach = mailsOf('monthly-reach')
    expect(reach.map((m) => m.to).sort()).toEqual(['comms@demo.ripple', 'viewer@demo.ripple'])
    expect(reach[0]!.text).toContain('/dashboard/reach?month=2026-11')
    expect(queueMonthlyReach('2026-11')).toBe(0)
    expect(
      db
        .select()
        .from(mailQueue)
        .where(and(eq(mailQueue.kind, 'monthly-reach'), eq(mailQueue.lang, 'es')))
        .all().length,
    ).toBeGreaterThanOrEqual(0)
  })
})
