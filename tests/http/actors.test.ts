import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'

import { type DemoUser, useTestApp } from './app'

const app = useTestApp()

const roles: DemoUser[] = ['admin', 'comms', 'partner', 'partner2', 'viewer']

/** The demo consultation and one of its participants (seeded). */
const consultation = () =>
  sqlite()
    .prepare(
      `select e.id as id, s.name as name from events e
       join event_participants p on p.event_id = e.id join stakeholders s on s.id = p.stakeholder_id
       where e.kind = 'consultation' order by e.id, s.id limit 1`,
    )
    .get() as { id: number; name: string }

describe('the actor map over HTTP', () => {
  it('every role reads the map and its CSV; without a session it asks to sign in', async () => {
    for (const user of roles) {
      const page = await app.fetch('/actors', { as: user })
      expect(page.status, user).toBe(200)
      const html = await page.text()
      expect(html, user).toContain('Actor map')
      expect(html, user).toContain('<svg')
      const csv = await app.fetch('/actors.csv', { as: user })
      expect(csv.status, `${user} csv`).toBe(200)
      expect(csv.headers.get('content-type')).toContain('text/csv')
    }
    expect((await app.fetch('/actors')).status).toBe(302)
    expect((await app.fetch('/actors.csv')).status).toBe(302)
  })

  it('filtered to an event: its actors, each linked to its page; the CSV follows the same filters', async () => {
    const { id, name } = consultation()
    const html = await (await app.fetch(`/actors?event=${id}`, { as: 'partner2' })).text()
    expect(html).toContain('Actors of the event')
    expect(html).toContain(name.replace(/&/g, '&amp;'))
    expect(html).toMatch(/<a href="\/stakeholders\/\d+" aria-label="[^"]+ links"/)
    const csv = await (await app.fetch(`/actors.csv?event=${id}`, { as: 'viewer' })).text()
    const all = await (await app.fetch('/actors.csv', { as: 'viewer' })).text()
    expect(csv.split('\n')[0]).toContain('links')
    expect(csv).toContain(name.split(' ')[0])
    expect(csv.split('\n').length).toBeLessThanOrEqual(all.split('\n').length)
  })

  it('an empty filter shows the empty state; hostile filters are ignored (no 500)', async () => {
    const empty = await app.fetch('/actors?category=999999', { as: 'viewer' })
    expect(empty.status).toBe(200)
    expect(await empty.text()).toContain('No actor matches these filters.')
    for (const q of ["?event=1'%20or%201=1", '?campaign=-1', '?partner=%00', '?category=1e99', '?page=-5'])
      expect((await app.fetch(`/actors${q}`, { as: 'partner' })).status, q).toBe(200)
  })

  it('the map is reached from an event page and from the stakeholders list', async () => {
    const { id } = consultation()
    expect(await (await app.fetch(`/events/${id}`, { as: 'viewer' })).text()).toContain(`/actors?event=${id}`)
    expect(await (await app.fetch('/stakeholders', { as: 'partner' })).text()).toContain('href="/actors"')
  })
})
