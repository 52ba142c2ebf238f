import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'

import { type DemoUser, useTestApp } from './app'

const app = useTestApp()

/** The demo consultation (seeded, hosted by San Sebastián: the `partner` account's city). */
const consultation = () =>
  (
    sqlite().prepare(`select id from events where kind = 'consultation' order by id limit 1`).get() as {
      id: number
    }
  ).id
const registrantCount = (eventId: number) =>
  (
    sqlite().prepare(`select count(*) as n from event_registrations where event_id = ?`).get(eventId) as {
      n: number
    }
  ).n

describe('event registrations over HTTP, per role', () => {
  it('the host partner and the comms lead see the registrants; partner2 and the viewer get 403', async () => {
    const id = consultation()
    const expected: Record<DemoUser, number> = {
      admin: 200,
      comms: 200,
      partner: 200,
      partner2: 403,
      viewer: 403,
    }
    for (const [user, status] of Object.entries(expected)) {
      const page = await app.fetch(`/events/${id}/registrations`, { as: user as DemoUser })
      expect(page.status, user).toBe(status)
      const csv = await app.fetch(`/events/${id}/registrations.csv`, { as: user as DemoUser })
      expect(csv.status, `${user} csv`).toBe(status)
    }
    const html = await (await app.fetch(`/events/${id}/registrations`, { as: 'partner' })).text()
    expect(html).toContain('Katarzyna Wójcik')
  })

  it('the viewer reads only aggregated figures on the event page, no personal data', async () => {
    const id = consultation()
    const response = await app.fetch(`/events/${id}`, { as: 'viewer' })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('Attendance rate')
    expect(html).not.toContain('Katarzyna Wójcik')
    expect(html).not.toContain('k.wojcik@gdansk.example.pl')
    const data = await (await app.fetch(`/events/${id}?_data=routes%2Fevents.%24id`, { as: 'viewer' })).text()
    expect(data).not.toContain('wojcik')
  })

  it('adds a registrant with Basque and Polish text, refuses a bad one with the error next to the field', async () => {
    const id = consultation()
    const before = registrantCount(id)
    const ok = await app.post(
      `/events/${id}/registrations`,
      {
        intent: 'add',
        name: 'Iñaki Ibarguren-Łęcka',
        email: 'inaki@example.eus',
        organisation: 'Egiako bizilagunen elkartea',
        consent: 'on',
        consentAt: '2026-11-10',
        consentWording: 'Baimena ematen dut',
      },
      { as: 'partner' },
    )
    expect(ok.status).toBe(302)
    expect(registrantCount(id)).toBe(before + 1)
    const bad = await app.post(
      `/events/${id}/registrations`,
      { intent: 'add', name: 'No Date', consent: 'on' },
      { as: 'partner' },
    )
    expect(bad.status).toBe(400)
    expect(registrantCount(id)).toBe(before + 1)
    const hostile = await app.post(
      `/events/${id}/registrations`,
      { intent: 'constructor' },
      { as: 'partner' },
    )
    expect(hostile.status).toBe(400)
    const forbidden = await app.post(
      `/events/${id}/registrations`,
      { intent: 'add', name: 'Someone' },
      { as: 'partner2' },
    )
    expect(forbidden.status).toBe(403)
  })

  it('marks attendance with a plain form (no JavaScript)', async () => {
    const id = consultation()
    const rows = sqlite()
      .prepare(`select id, attended from event_registrations where event_id = ? order by id limit 2`)
      .all(id) as { id: number; attended: number }[]
    const response = await app.post(
      `/events/${id}/registrations`,
      {
        intent: 'attendance',
        shown: [String(rows[0]!.id), String(rows[1]!.id)],
        attended: [String(rows[1]!.id)],
      },
      { as: 'comms' },
    )
    expect(response.status).toBe(302)
    const after = sqlite()
      .prepare(`select attended from event_registrations where id in (?, ?) order by id`)
      .all(rows[0]!.id, rows[1]!.id) as { attended: number }[]
    expect(after.map((r) => r.attended)).toEqual([0, 1])
  })

  it('consultation and satisfaction: the host records them, the viewer may not; a score of 7 is refused', async () => {
    const id = consultation()
    expect((await app.fetch(`/events/${id}/consultation`, { as: 'partner' })).status).toBe(200)
    expect((await app.fetch(`/events/${id}/consultation`, { as: 'viewer' })).status).toBe(403)
    const bad = await app.post(
      `/events/${id}/consultation`,
      { intent: 'satisfaction', satisfactionResponses: '10', satisfactionAverage: '7' },
      { as: 'partner' },
    )
    expect(bad.status).toBe(400)
    const ok = await app.post(
      `/events/${id}/consultation`,
      { intent: 'satisfaction', satisfactionResponses: '15', satisfactionAverage: '4,5' },
      { as: 'partner' },
    )
    expect(ok.status).toBe(302)
    const row = sqlite()
      .prepare(`select satisfaction_average as a from event_feedback where event_id = ?`)
      .get(id) as { a: number }
    expect(row.a).toBe(4.5)
  })

  it('the coverage dashboard lists events with their key figures, and as CSV', async () => {
    const html = await (await app.fetch('/dashboard/coverage?month=2026-11', { as: 'viewer' })).text()
    expect(html).toContain('Public consultation: a shared plan for the Egia creative district')
    const csv = await app.fetch('/dashboard/coverage.csv?month=2026-11&table=events', { as: 'viewer' })
    expect(csv.status).toBe(200)
    expect(await csv.text()).toContain('Egia creative district')
  })
})
