import { eq, inArray } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { actionEvidence, actions, partners } from '#db/schema'
import { demoBluesky } from '#tests/mocks/bluesky'
import { demoMastodon } from '#tests/mocks/mastodon'
import { insertAction } from '#tests/setup/records'
import {
  counterlessSite,
  counterRefreshPhase,
  countersDue,
  dueEvidence,
  getEvidence,
  refreshDueEvidence,
} from '~/models/evidence/index.server'

// A day far from the demo seed's actions (they are all more than three months before it).
const now = new Date('2031-05-10T03:30:00.000Z')
const daysBefore = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString().slice(0, 10)
const hoursAgo = (n: number) => new Date(now.getTime() - n * 3_600_000).toISOString()

function makeAction(evidenceUrl: string, date: string, archived = false) {
  const partnerId = db.select({ id: partners.id }).from(partners).limit(1).get()!.id
  return insertAction({
    partnerId,
    date,
    title: 'Kampania w Gdańsku – Θεσσαλονίκη',
    evidenceUrl,
    status: 'submitted',
    archivedAt: archived ? now.toISOString() : null,
  })
}

function readAt(actionId: number, url: string, at: string) {
  db.insert(actionEvidence).values({ actionId, url, status: 'ok', fetchedAt: at, countersReadAt: at }).run()
}

describe('the counters schedule', () => {
  it('is daily for two weeks after the action, weekly to three months, then never', () => {
    expect(counterRefreshPhase('2031-05-11', now)).toBe('not-yet')
    expect(counterRefreshPhase('2031-05-10', now)).toBe('daily')
    expect(counterRefreshPhase(daysBefore(13), now)).toBe('daily')
    expect(counterRefreshPhase(daysBefore(14), now)).toBe('weekly')
    expect(counterRefreshPhase('2031-02-11', now)).toBe('weekly')
    expect(counterRefreshPhase('2031-02-10', now)).toBe('done')
    expect(counterRefreshPhase('not a date', now)).toBe('done')
  })

  it('asks again after a day in the first two weeks and after a week later on', () => {
    expect(countersDue(daysBefore(3), null, now)).toBe(true)
    expect(countersDue(daysBefore(3), hoursAgo(10), now)).toBe(false)
    // A job that runs a little early still reads once a day.
    expect(countersDue(daysBefore(3), hoursAgo(23.9), now)).toBe(true)
    expect(countersDue(daysBefore(30), hoursAgo(3 * 24), now)).toBe(false)
    expect(countersDue(daysBefore(30), hoursAgo(7 * 24 - 1), now)).toBe(true)
    expect(countersDue(daysBefore(120), null, now)).toBe(false)
    expect(countersDue('2031-06-01', null, now)).toBe(false)
  })
})

describe('which posts are due on a given day', () => {
  it('picks Mastodon and Bluesky posts by their schedule, never counterless sites, old or archived actions', () => {
    const due = [
      makeAction(demoMastodon.launch.url, daysBefore(2)),
      makeAction(demoBluesky.launch.url, daysBefore(40)),
    ]
    readAt(due[1], demoBluesky.launch.url, hoursAgo(8 * 24))
    const readYesterdayMorning = makeAction(demoMastodon.workshop.url, daysBefore(5))
    readAt(readYesterdayMorning, demoMastodon.workshop.url, hoursAgo(22))
    const readToday = makeAction(demoBluesky.clinic.url, daysBefore(5))
    readAt(readToday, demoBluesky.clinic.url, hoursAgo(2))
    const weeklyReadRecently = makeAction(demoMastodon.launch.url, daysBefore(50))
    readAt(weeklyReadRecently, demoMastodon.launch.url, hoursAgo(3 * 24))
    const notDue = [
      readToday,
      weeklyReadRecently,
      makeAction('https://www.linkedin.com/posts/gdansk-city_activity-7123', daysBefore(1)),
      makeAction('https://x.com/bilbao/status/1790000000000000000', daysBefore(1)),
      makeAction(demoMastodon.launch.url, daysBefore(100)),
      makeAction(demoMastodon.launch.url, daysBefore(1), true),
      makeAction(demoMastodon.launch.url, '2031-05-20'),
    ]
    const picked = dueEvidence(now)
    for (const id of [...due, readYesterdayMorning]) expect(picked).toContain(id)
    for (const id of notDue) expect(picked).not.toContain(id)
    // The oldest reads first, never-read ones before all.
    expect(picked.indexOf(due[0])).toBeLessThan(picked.indexOf(due[1]))
    expect(picked.indexOf(due[1])).toBeLessThan(picked.indexOf(readYesterdayMorning))
    db.update(actions)
      .set({ archivedAt: now.toISOString() })
      .where(inArray(actions.id, [...due, ...notDue, readYesterdayMorning]))
      .run()
  })
})

describe('refreshDueEvidence', () => {
  it('reads the counters (msw), records when, and does not read them again the same day', async () => {
    const mastodon = makeAction(demoMastodon.workshop.url, daysBefore(1))
    const bluesky = makeAction(demoBluesky.launch.url, daysBefore(20))
    const deleted = makeAction(
      'https://bsky.app/profile/ripple-demo.bsky.social/post/3ldeleted2xyz',
      daysBefore(3),
    )
    const first = await refreshDueEvidence(now)
    expect(first).toEqual({ due: 3, read: 2, failed: 1 })
    expect(getEvidence(mastodon)).toMatchObject({
      status: 'ok',
      metrics: { source: 'mastodon', replies: 1, reposts: 4, likes: 9 },
    })
    expect(getEvidence(mastodon)!.countersReadAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(getEvidence(bluesky)).toMatchObject({ status: 'ok', metrics: { source: 'bluesky' } })
    expect(db.select().from(actions).where(eq(actions.id, mastodon)).get()!.engagements).toBe(14)
    // A post that cannot be read keeps no "counters read" time, and waits for its next turn.
    expect(getEvidence(deleted)).toMatchObject({ status: 'failed', error: 'not_found', countersReadAt: null })

    // The reads are stamped with the real clock: move them to the job's (made-up) day, then run again later that day.
    db.update(actionEvidence)
      .set({ fetchedAt: now.toISOString() })
      .where(inArray(actionEvidence.actionId, [mastodon, bluesky, deleted]))
      .run()
    expect(await refreshDueEvidence(new Date(now.getTime() + 2 * 3_600_000))).toEqual({
      due: 0,
      read: 0,
      failed: 0,
    })
    // The next day the daily ones (1 and 3 days old) are due again; the 20-day-old one waits a week.
    expect(dueEvidence(new Date(now.getTime() + 24 * 3_600_000))).toEqual([mastodon, deleted])
  })
})

describe('sites without public counters', () => {
  it('are recognised from the link', () => {
    expect(counterlessSite('https://www.linkedin.com/posts/x')).toBe('linkedin')
    expect(counterlessSite('https://lnkd.in/abc')).toBe('linkedin')
    expect(counterlessSite('https://twitter.com/a/status/1')).toBe('x')
    expect(counterlessSite('https://x.com/a/status/1')).toBe('x')
    expect(counterlessSite('https://m.facebook.com/story.php?id=1')).toBe('facebook')
    expect(counterlessSite('https://www.instagram.com/p/abc/')).toBe('instagram')
    expect(counterlessSite(demoMastodon.launch.url)).toBeNull()
    expect(counterlessSite('https://notlinkedin.com.example/x')).toBeNull()
    expect(counterlessSite('not a url')).toBeNull()
  })

  it('by the whole host: the bare domain and its short links, not a look-alike before or after', () => {
    for (const [host, site] of [
      ['linkedin.com', 'linkedin'],
      ['t.co', 'x'],
      ['fb.com', 'facebook'],
      ['fb.watch', 'facebook'],
      ['instagram.com', 'instagram'],
      ['instagr.am', 'instagram'],
    ] as const) {
      expect(counterlessSite(`https://${host}/abc`)).toBe(site)
      expect(counterlessSite(`https://${host}.gdansk.example.pl/abc`)).toBeNull()
    }
    for (const host of [
      'mylnkd.in',
      'lnkd.in.example',
      'at.co',
      'myfb.watch',
      'xinstagr.am',
      'instagr.am.example',
    ]) {
      expect(counterlessSite(`https://${host}/abc`)).toBeNull()
    }
    expect(counterlessSite('https://x.com.example/status/1')).toBeNull()
    expect(counterlessSite('https://twitter.com.example/status/1')).toBeNull()
    expect(counterlessSite('https://facebook.com.example/story')).toBeNull()
  })
})
