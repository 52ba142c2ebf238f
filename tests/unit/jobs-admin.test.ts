import { and, desc, eq } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { auditLog, jobRuns, jobs } from '#db/schema'
import { finishPeriod } from '~/models/jobs/claim.server'
import {
  claimPeriod,
  dayKey,
  findJob,
  isoWeekKey,
  type JobDefinition,
  jobRegistry,
  listJobs,
  monthKey,
  previousMonthKey,
  runDueJobs,
  runJob,
  runJobNow,
} from '~/models/jobs/index.server'
import { minuteKey } from '~/models/jobs/periods'
import { lastDue, nextDue } from '~/models/jobs/runner.server'
import { flushMail } from '~/models/mail/index.server'
import { ForbiddenError } from '~/utils/permissions'

import { demo } from '../setup/actors'

/*
 * The jobs area in detail (mutation testing, issue 18): period keys at their edges, the claim's
 * retry and hold rules, what a run writes to the jobs table, the clean-up of old claims, the admin
 * page's list and "Run now" with its audit row.
 */

afterAll(() => new Promise((resolve) => setTimeout(resolve, 50)).then(flushMail))

const runOf = (job: string, period: string) =>
  db
    .select()
    .from(jobRuns)
    .where(and(eq(jobRuns.job, job), eq(jobRuns.period, period)))
    .get()!

const at = (iso: string) => new Date(iso)
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000).toISOString()

describe('period keys (UTC)', () => {
  it('day, month, minute and the month before, across a year end', () => {
    const d = at('2027-01-01T00:30:00Z')
    expect(dayKey(d)).toBe('2027-01-01')
    expect(monthKey(d)).toBe('2027-01')
    expect(minuteKey(d)).toBe('2027-01-01T00:30')
    expect(previousMonthKey(d)).toBe('2026-12')
    expect(previousMonthKey(at('2026-03-31T23:59:00Z'))).toBe('2026-02')
  })

  it('ISO weeks: Sunday belongs to the week before, the first days of January to the last year', () => {
    expect(isoWeekKey(at('2026-12-04T12:00:00Z'))).toBe('2026-W49')
    expect(isoWeekKey(at('2026-11-30T00:00:00Z'))).toBe('2026-W49') // Monday
    expect(isoWeekKey(at('2026-12-06T23:00:00Z'))).toBe('2026-W49') // Sunday
    expect(isoWeekKey(at('2026-12-07T00:00:00Z'))).toBe('2026-W50')
    expect(isoWeekKey(at('2021-01-03T10:00:00Z'))).toBe('2020-W53')
    expect(isoWeekKey(at('2024-12-30T10:00:00Z'))).toBe('2025-W01')
    expect(isoWeekKey(at('2026-01-05T10:00:00Z'))).toBe('2026-W02')
  })
})

describe('claims', () => {
  it('a new claim is held 30 minutes; a failed period backs off 10, then 20 minutes, three attempts in all', () => {
    const t0 = at('2032-01-01T08:00:00Z')
    expect(claimPeriod(db, 'backoff', 'p1', { now: t0 })).toBe(true)
    expect(runOf('backoff', 'p1')).toMatchObject({
      status: 'running',
      attempts: 1,
      startedAt: t0.toISOString(),
      lockedUntil: plus(t0, 30),
    })
    // Still held one minute before the hold runs out, free at the minute.
    expect(claimPeriod(db, 'backoff', 'p1', { now: at('2032-01-01T08:29:00Z') })).toBe(false)
    expect(finishPeriod(db, 'backoff', 'p1', { ok: false, result: 'x'.repeat(600), now: t0 })).toBe(1)
    const failed = runOf('backoff', 'p1')
    expect(failed).toMatchObject({
      status: 'failed',
      finishedAt: t0.toISOString(),
      lockedUntil: plus(t0, 10),
    })
    expect(failed.result).toHaveLength(500)
    expect(claimPeriod(db, 'backoff', 'p1', { now: at('2032-01-01T08:09:00Z') })).toBe(false)
    const t1 = at('2032-01-01T08:10:00Z')
    expect(claimPeriod(db, 'backoff', 'p1', { now: t1 })).toBe(true)
    expect(runOf('backoff', 'p1')).toMatchObject({
      status: 'running',
      attempts: 2,
      startedAt: t1.toISOString(),
      finishedAt: null,
      lockedUntil: plus(t1, 30),
    })
    expect(finishPeriod(db, 'backoff', 'p1', { ok: false, result: 'again', now: t1 })).toBe(2)
    expect(runOf('backoff', 'p1').lockedUntil).toBe(plus(t1, 20))
    const t2 = at('2032-01-01T08:30:00Z')
    expect(claimPeriod(db, 'backoff', 'p1', { now: t2 })).toBe(true)
    finishPeriod(db, 'backoff', 'p1', { ok: false, result: 'third', now: t2 })
    // Three attempts failed: never again by itself, but "Run now" may.
    expect(claimPeriod(db, 'backoff', 'p1', { now: at('2032-01-02T08:00:00Z') })).toBe(false)
    expect(claimPeriod(db, 'backoff', 'p1', { now: at('2032-01-02T08:00:00Z'), force: true })).toBe(true)
    expect(runOf('backoff', 'p1').attempts).toBe(4)
  })

  it('a done period frees its hold at once and is claimed again only when forced; a running one not even then', () => {
    const t0 = at('2032-02-01T08:00:00Z')
    claimPeriod(db, 'done-job', 'p', { now: t0 })
    expect(claimPeriod(db, 'done-job', 'p', { now: t0, force: true })).toBe(false)
    expect(finishPeriod(db, 'done-job', 'p', { ok: true, result: 'fine', now: t0 })).toBe(1)
    expect(runOf('done-job', 'p')).toMatchObject({
      status: 'done',
      result: 'fine',
      lockedUntil: t0.toISOString(),
    })
    expect(claimPeriod(db, 'done-job', 'p', { now: at('2032-03-01T08:00:00Z') })).toBe(false)
    expect(claimPeriod(db, 'done-job', 'p', { now: t0, force: true })).toBe(true)
  })

  it('finishing a period nobody claimed writes nothing and counts one attempt', () => {
    expect(
      finishPeriod(db, 'unclaimed', 'p', { ok: false, result: 'x', now: at('2032-02-03T08:00:00Z') }),
    ).toBe(1)
    expect(db.select().from(jobRuns).where(eq(jobRuns.job, 'unclaimed')).all()).toEqual([])
  })

  it('a failed period whose back-off has not run out waits, unless forced', () => {
    const t0 = at('2032-02-02T08:00:00Z')
    claimPeriod(db, 'early', 'p', { now: t0 })
    finishPeriod(db, 'early', 'p', { ok: false, result: 'no', now: t0 })
    expect(claimPeriod(db, 'early', 'p', { now: at('2032-02-02T08:05:00Z') })).toBe(false)
    expect(claimPeriod(db, 'early', 'p', { now: at('2032-02-02T08:05:00Z'), force: true })).toBe(true)
  })
})

describe('runs', () => {
  const job = (name: string, run: JobDefinition['run']): JobDefinition => ({
    name,
    schedule: '0 6 * * *',
    period: dayKey,
    run,
  })

  it('records the run in the jobs table: running while it runs, then its result, attempts and next run', async () => {
    let seen: unknown
    const now = at('2032-04-10T10:00:00Z')
    const definition = job('recorded', (context) => {
      seen = { ...context, row: db.select().from(jobs).where(eq(jobs.name, 'recorded')).get() }
      return 'three things done'
    })
    expect(await runJob(definition, { now })).toEqual({
      ran: true,
      period: '2032-04-10',
      ok: true,
      result: 'three things done',
    })
    expect(seen).toMatchObject({
      period: '2032-04-10',
      due: at('2032-04-10T06:00:00Z'),
      now,
      row: {
        lastRunAt: now.toISOString(),
        lastPeriod: '2032-04-10',
        lastStatus: 'running',
        lockedUntil: plus(now, 30),
      },
    })
    const row = db.select().from(jobs).where(eq(jobs.name, 'recorded')).get()!
    expect(row).toMatchObject({
      lastResult: 'three things done',
      lastStatus: 'done',
      attempts: 1,
      lockedUntil: null,
    })
    // The next run after the run ended (real time): the next 06:00 UTC.
    const next = new Date(row.nextRunAt!)
    expect(row.nextRunAt).toMatch(/T06:00:00\.000Z$/)
    expect(next.getTime()).toBeGreaterThan(Date.now())
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000)
    expect(nextDue(definition, at('2032-04-10T06:00:00Z'))).toEqual(at('2032-04-11T06:00:00Z'))
  })

  it('a job that throws something else than an Error is recorded as failed with its text', async () => {
    const definition = job('throws-text', () => {
      throw 'disk full'
    })
    expect(await runJob(definition, { now: at('2032-04-11T10:00:00Z') })).toEqual({
      ran: true,
      period: '2032-04-11',
      ok: false,
      result: 'disk full',
    })
    expect(db.select().from(jobs).where(eq(jobs.name, 'throws-text')).get()).toMatchObject({
      lastStatus: 'failed',
      lastResult: 'disk full',
    })
  })

  it('forced, a run belongs to the period of now, not of the last due time', async () => {
    const definition = job('forced', () => 'ok')
    // Due at 06:00 each day; at 05:00 the last due time is the day before.
    expect(await runJob(definition, { now: at('2032-04-12T05:00:00Z') })).toMatchObject({
      period: '2032-04-11',
    })
    expect(await runJob(definition, { now: at('2032-04-12T05:00:00Z'), force: true })).toMatchObject({
      period: '2032-04-12',
    })
  })

  it('schedules are read in UTC whatever the server’s time zone', () => {
    const zone = process.env.TZ
    process.env.TZ = 'America/New_York'
    try {
      const definition = job('utc', () => 'ok')
      expect(lastDue(definition, at('2032-07-01T12:00:00Z'))).toEqual(at('2032-07-01T06:00:00Z'))
      expect(nextDue(definition, at('2032-07-01T12:00:00Z'))).toEqual(at('2032-07-02T06:00:00Z'))
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
  })

  it('the last due time is the due minute itself at that minute, and the one before a minute earlier', () => {
    const definition = job('due', () => 'ok')
    expect(lastDue(definition, at('2032-04-12T06:00:00Z'))).toEqual(at('2032-04-12T06:00:00Z'))
    expect(lastDue(definition, at('2032-04-12T05:59:59Z'))).toEqual(at('2032-04-11T06:00:00Z'))
  })

  it('a job that is never due again, run now, records no next run', async () => {
    const never: JobDefinition = { ...job('never-again', () => 'once'), schedule: '0 0 30 2 *' }
    expect(await runJob(never, { now: at('2032-05-01T10:00:00Z'), force: true })).toMatchObject({
      ran: true,
      ok: true,
    })
    expect(db.select().from(jobs).where(eq(jobs.name, 'never-again')).get()).toMatchObject({
      lastStatus: 'done',
      nextRunAt: null,
    })
  })

  it('a tick skips a job that was never due and drops done claims older than 60 days, keeping failed ones', async () => {
    const now = at('2032-06-30T12:00:00Z')
    const old = at('2032-04-30T11:00:00Z') // 61 days before
    const recent = at('2032-05-02T12:00:00Z') // 59 days before
    for (const [name, when, ok] of [
      ['old-done', old, true],
      ['old-failed', old, false],
      ['recent-done', recent, true],
    ] as const) {
      claimPeriod(db, name, 'p', { now: when })
      finishPeriod(db, name, 'p', { ok, result: 'r', now: when })
    }
    const never: JobDefinition = { ...job('never', () => 'ran'), schedule: '0 0 30 2 *' }
    const outcomes = await runDueJobs(now, [never])
    expect(outcomes).toEqual({})
    expect(db.select().from(jobRuns).where(eq(jobRuns.job, 'old-done')).all()).toHaveLength(0)
    expect(db.select().from(jobRuns).where(eq(jobRuns.job, 'old-failed')).all()).toHaveLength(1)
    expect(db.select().from(jobRuns).where(eq(jobRuns.job, 'recent-done')).all()).toHaveLength(1)
  })
})

describe('the registry', () => {
  it('names each job once, and findJob finds them by name only', () => {
    const names = jobRegistry.map((j) => j.name)
    expect(new Set(names).size).toBe(names.length)
    expect(names).toEqual([
      'mail-retry',
      'partner-reminders',
      'activity-overdue',
      'event-no-plan',
      'validation-summary',
      'monthly-reach',
      'evidence-refresh',
    ])
    expect(findJob('monthly-reach')?.schedule).toBe('0 7 1 * *')
    expect(findJob('nope')).toBeUndefined()
  })

  it('each job answers one line saying what it did, for its period', async () => {
    const now = at('2033-01-10T09:00:00Z')
    const context = (name: string) => {
      const job = findJob(name)!
      return { job, context: { period: job.period(now), due: now, now } }
    }
    const lines: Record<string, string> = {}
    for (const name of jobRegistry.map((j) => j.name).filter((n) => n !== 'evidence-refresh')) {
      const { job, context: c } = context(name)
      lines[name] = await job.run(c)
    }
    expect(lines['mail-retry']).toMatch(/^sent \d+, retrying \d+, failed \d+$/)
    expect(lines['partner-reminders']).toMatch(/^\d+ reminders queued$/)
    expect(lines['activity-overdue']).toMatch(/^\d+ messages queued$/)
    expect(lines['event-no-plan']).toMatch(/^\d+ messages queued$/)
    expect(lines['validation-summary']).toMatch(/^\d+ summaries queued$/)
    expect(lines['monthly-reach']).toMatch(/^\d+ messages queued for 2032-12$/)
    expect(context('activity-overdue').context.period).toBe('2033-W02')
    expect(context('partner-reminders').context.period).toBe('2033-01-10')
    expect(context('mail-retry').context.period).toBe('2033-01-10T09:00')
    const evidence = context('evidence-refresh')
    expect(evidence.context.period).toBe('2033-01-10')
    expect(await evidence.job.run({ ...evidence.context, now: at('1990-01-01T00:00:00Z') })).toMatch(
      /^0 posts due, 0 read, 0 could not be read$/,
    )
  })
})

describe('the admin page', () => {
  it('lists every registered job, with its last run once it ran; administrators only', async () => {
    for (const role of ['comms', 'partner', 'viewer'] as const) {
      expect(() => listJobs(demo[role]())).toThrow(ForbiddenError)
      await expect(runJobNow(demo[role](), 'monthly-reach')).rejects.toThrow(ForbiddenError)
    }
    const before = listJobs(demo.admin())
    expect(before.map((j) => j.name)).toEqual(jobRegistry.map((j) => j.name))
    const reach = () => listJobs(demo.admin()).find((j) => j.name === 'monthly-reach')!
    expect(before.find((j) => j.name === 'monthly-reach')).toMatchObject({
      schedule: '0 7 1 * *',
      lastRunAt: null,
      lastPeriod: null,
      lastStatus: null,
      lastResult: null,
      attempts: 0,
    })
    expect(new Date(reach().nextRunAt!).getTime()).toBeGreaterThan(Date.now())
    expect(new Date(reach().nextRunAt!).getUTCDate()).toBe(1)

    const outcome = await runJobNow(demo.admin(), 'monthly-reach')
    const period = previousMonthKey(new Date())
    expect(outcome).toMatchObject({ ran: true, period, ok: true })
    expect(reach()).toMatchObject({ lastPeriod: period, lastStatus: 'done', attempts: 1 })
    expect(reach().lastResult).toMatch(new RegExp(`^\\d+ messages queued for ${period}$`))
    const audit = db.select().from(auditLog).orderBy(desc(auditLog.id)).get()!
    expect(audit).toMatchObject({
      entity: 'job',
      action: 'update',
      summary: 'run monthly-reach',
      entityId: null,
    })
    expect(audit.after).toEqual({
      job: 'monthly-reach',
      period,
      ok: true,
      result: reach().lastResult,
    })
  })

  it('"Run now" runs a period that already ran again', async () => {
    const admin = demo.admin()
    const first = await runJobNow(admin, 'validation-summary')
    const again = await runJobNow(admin, 'validation-summary')
    expect(first).toMatchObject({ ran: true, period: isoWeekKey(new Date()), ok: true })
    expect(again).toMatchObject({ ran: true, period: isoWeekKey(new Date()), ok: true })
    expect(runOf('validation-summary', isoWeekKey(new Date())).attempts).toBe(2)
  })

  it('"Run now" of a job another process is running: nothing runs, the audit row names the job only', async () => {
    const admin = demo.admin()
    const period = dayKey(new Date())
    expect(claimPeriod(db, 'event-no-plan', period)).toBe(true)
    expect(await runJobNow(admin, 'event-no-plan')).toEqual({ ran: false })
    const audit = db.select().from(auditLog).orderBy(desc(auditLog.id)).get()!
    expect(audit).toMatchObject({ entity: 'job', action: 'update', userId: admin.id })
    expect(audit.after).toEqual({ job: 'event-no-plan' })
    const count = db.select().from(auditLog).all().length
    expect(await runJobNow(admin, 'no-such-job')).toBeNull()
    expect(db.select().from(auditLog).all()).toHaveLength(count)
  })
})
