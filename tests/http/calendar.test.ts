import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'

import { type DemoUser, useTestApp } from './app'

/** /calendar per role, the subscription link's reset, and /calendar.ics with and without a token. */
const app = useTestApp()
const roles: DemoUser[] = ['admin', 'comms', 'partner', 'partner2', 'viewer']

async function newLink(as: DemoUser): Promise<string> {
  const response = await app.post(
    `/account/calendar-token?_data=${encodeURIComponent('routes/account_.calendar-token')}`,
    {},
    { as },
  )
  expect(response.status, as).toBe(200)
  return ((await response.json()) as { url: string }).url
}

describe('the calendar page', () => {
  it('shows every role the month’s events and deadlines, each linking to its record', async () => {
    const event = sqlite()
      .prepare(
        'select id, title, substr(start_date, 1, 7) as month from events where archived_at is null order by id limit 1',
      )
      .get() as { id: number; title: string; month: string }
    for (const as of roles) {
      const response = await app.fetch(`/calendar?month=${event.month}`, { as })
      expect(response.status, as).toBe(200)
      const html = await response.text()
      expect(html).toContain(`href="/events/${event.id}"`)
      expect(html).toContain('rel="prev"')
      expect(html).toContain('action="/account/calendar-token"')
    }
  })

  it('shows an empty month plainly and ignores a malformed month', async () => {
    const empty = await (await app.fetch('/calendar?month=1990-01', { as: 'viewer' })).text()
    expect(empty).toContain('No events or work-plan deadlines this month.')
    expect(empty).toContain('href="/calendar?month=1990-02"')
    for (const month of ['2026-13', '<script>', 'x'.repeat(5000)]) {
      expect((await app.fetch(`/calendar?month=${encodeURIComponent(month)}`, { as: 'viewer' })).status).toBe(
        200,
      )
    }
  })
})

describe('the calendar subscription', () => {
  it('gives each user a link to an iCalendar feed that a reset ends', async () => {
    for (const as of roles) {
      const link = await newLink(as)
      expect(link).toMatch(/\/calendar\.ics\?token=[A-Za-z0-9_-]{43}$/)
      const feed = await fetch(link.replace(/^https?:\/\/[^/]+/, app.url))
      expect(feed.status, as).toBe(200)
      expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
      const cal = new ICAL.Component(ICAL.parse(await feed.text()))
      expect(cal.getAllSubcomponents('vevent').length).toBeGreaterThan(0)
      const again = await newLink(as)
      expect((await fetch(link.replace(/^https?:\/\/[^/]+/, app.url))).status).toBe(404)
      expect((await fetch(again.replace(/^https?:\/\/[^/]+/, app.url))).status).toBe(200)
    }
  })

  it('answers a missing, wrong or hostile token with the same 404', async () => {
    const bodies = new Set<string>()
    for (const q of [
      '',
      '?token=',
      `?token=${'A'.repeat(43)}`,
      '?token=%27%20or%201%3D1',
      `?token=${'x'.repeat(10_000)}`,
    ]) {
      const response = await fetch(`${app.url}/calendar.ics${q}`)
      expect(response.status, q).toBe(404)
      bodies.add(await response.text())
    }
    expect(bodies.size).toBe(1)
  })

  it('shows the reset form on its own page without JavaScript, and refuses anonymous resets', async () => {
    const page = await app.fetch('/account/calendar-token', { as: 'partner' })
    expect(page.status).toBe(200)
    const account = await (await app.fetch('/account', { as: 'partner' })).text()
    expect(account).toContain('action="/account/calendar-token"')
    const html = await (await app.post('/account/calendar-token', {}, { as: 'viewer' })).text()
    expect(html).toContain('/calendar.ics?token=')
    const anonymous = await fetch(`${app.url}/account/calendar-token`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: app.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    })
    expect([302, 403]).toContain(anonymous.status)
  })
})
