import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'

import { db, sqlite } from '#db/client'
import { actions, events, partners, plannedActivities } from '#db/schema'

import { type DemoUser, useTestApp } from './app'

/** The home page per role: a partner sees what is its partner's this month; the other roles keep theirs. */
const app = useTestApp()

const HOME_DATA = `/?_data=${encodeURIComponent('routes/_index')}`

type Home = {
  canCreate: boolean
  canValidate: boolean
  counts: { actions: number }
  partnerHome: null | {
    partnerId: number
    partnerName: string
    thisMonth: { logged: number; returned: number }
    returned: { total: number; rows: { id: number; comment: string | null }[] }
    events: { id: number; hasPlan: boolean }[]
    activities: { id: number }[]
  }
}

async function home(as: DemoUser): Promise<Home> {
  const response = await app.fetch(HOME_DATA, { as })
  expect(response.status, as).toBe(200)
  return (await response.json()) as Home
}

const partnerId = (name: string) =>
  db.select({ id: partners.id }).from(partners).where(eq(partners.name, name)).get()!.id

function inDays(days: number) {
  const d = new Date()
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

const mine = {} as Record<string, number>

beforeAll(() => {
  // Records dated from today (the demo data stops in November 2026), for San Sebastián.
  const donostia = partnerId('San Sebastián')
  const today = inDays(0)
  const typeId = (sqlite().prepare('select min(id) as id from action_types').get() as { id: number }).id
  mine.returned = db
    .insert(actions)
    .values({
      partnerId: donostia,
      date: today,
      month: today.slice(0, 7),
      typeId,
      title: 'Aurkezpena Donostiako auzo-batzarrean',
      status: 'returned',
      returnComment: 'Gehitu partaide kopurua, mesedez.',
    })
    .returning({ id: actions.id })
    .get().id
  mine.event = db
    .insert(events)
    .values({
      kind: 'policy_clinic',
      title: 'Politika klinika Donostian',
      startDate: inDays(10),
      hostPartnerId: donostia,
      planMessages: 'Hiria elkarrizketan',
    })
    .returning({ id: events.id })
    .get().id
  mine.activity = db
    .insert(plannedActivities)
    .values({ title: 'Buletina: udazkeneko laburpena', partnerId: donostia, dueDate: inDays(5) })
    .returning({ id: plannedActivities.id })
    .get().id
})

/** The partner each listed record belongs to, read from the database. */
function owners(h: NonNullable<Home['partnerHome']>) {
  const actionPartner = (id: number) =>
    db.select({ p: actions.partnerId }).from(actions).where(eq(actions.id, id)).get()!.p
  const eventHost = (id: number) =>
    db.select({ p: events.hostPartnerId }).from(events).where(eq(events.id, id)).get()!.p
  const activityPartner = (id: number) =>
    db
      .select({ p: plannedActivities.partnerId })
      .from(plannedActivities)
      .where(eq(plannedActivities.id, id))
      .get()!.p
  return new Set([
    ...h.returned.rows.map((r) => actionPartner(r.id)),
    ...h.events.map((e) => eventHost(e.id)),
    ...h.activities.map((a) => activityPartner(a.id)),
  ])
}

describe('the home page per role', () => {
  it('shows partner@demo.ripple only San Sebastián’s records, with what was added today', async () => {
    const h = (await home('partner')).partnerHome!
    expect(h.partnerName).toBe('San Sebastián')
    expect([...owners(h)]).toEqual([partnerId('San Sebastián')])
    expect(h.thisMonth.returned).toBeGreaterThanOrEqual(1)
    expect(h.returned.rows.map((r) => r.id)).toContain(mine.returned)
    // The seeded returned action waiting in the partner's inbox is listed too, with its comment.
    expect(h.returned.total).toBeGreaterThanOrEqual(2)
    expect(h.returned.rows.every((r) => r.comment)).toBe(true)
    expect(h.events).toContainEqual(expect.objectContaining({ id: mine.event, hasPlan: true }))
    expect(h.activities.map((a) => a.id)).toContain(mine.activity)
  })

  it('shows partner2@demo.ripple Barcelona’s records and none of San Sebastián’s', async () => {
    const h = (await home('partner2')).partnerHome!
    expect(h.partnerName).toBe('Barcelona')
    const seen = owners(h)
    expect(seen.has(partnerId('San Sebastián'))).toBe(false)
    for (const p of seen) expect(p).toBe(partnerId('Barcelona'))
    expect(h.returned.rows.map((r) => r.id)).not.toContain(mine.returned)
    expect(h.events.map((e) => e.id)).not.toContain(mine.event)
    expect(h.activities.map((a) => a.id)).not.toContain(mine.activity)
  })

  it('renders the partner’s page: one big button, the comment and a one-tap fix link', async () => {
    const html = await (await app.fetch('/', { as: 'partner' })).text()
    expect(html).toContain('aria-labelledby="returned"')
    expect(html).toContain('Gehitu partaide kopurua, mesedez.')
    expect(html).toContain(`href="/actions/${mine.returned}/edit"`)
    expect(html).toContain('Politika klinika Donostian')
    expect(html).toContain('>Has a communication plan</span>')
    expect(html).toContain(`href="/actions/new?activityId=${mine.activity}"`)
    expect(html.match(/href="\/actions\/new"/g)?.length).toBeGreaterThanOrEqual(1)
  })

  it('gives the communications lead, the administrator and the viewer no partner panels', async () => {
    for (const as of ['admin', 'comms', 'viewer'] as const) {
      const h = await home(as)
      expect(h.partnerHome, as).toBeNull()
      expect(h.counts.actions).toBeGreaterThan(0)
      const html = await (await app.fetch('/', { as })).text()
      expect(html, as).not.toContain('aria-labelledby="returned"')
      expect(html, as).toMatch(/>Monthly reach dashboard<\/(p|span)>/)
    }
    expect((await home('comms')).canValidate).toBe(true)
    expect((await home('viewer')).canCreate).toBe(false)
  })
})
