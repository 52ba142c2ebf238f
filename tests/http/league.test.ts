import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'

import { type DemoUser, useTestApp } from './app'

/* Issue 15 point 7: the partner league over HTTP, role by role, and the communications lead's switch. */

const app = useTestApp()
const everyone = ['admin', 'comms', 'partner', 'partner2', 'viewer'] satisfies DemoUser[]
const partnerCount = () =>
  (sqlite().prepare('select count(*) as n from partners where archived_at is null').get() as { n: number }).n

describe('partner league over HTTP', () => {
  it('shows the month’s standings and the rules to every role', async () => {
    for (const as of everyone) {
      const response = await app.fetch('/league', { as })
      expect(response.status, as).toBe(200)
      const html = await response.text()
      expect(html).toContain('Partner league')
      expect(html).toContain('Standings for')
      expect(html).toContain('Gdańsk')
      expect(html).toContain('Validated actions')
      expect(html).toContain('By partner group')
      // The communications lead and the administrator find the switch from the page.
      expect(html.includes('href="/admin/project#league"'), as).toBe(as === 'admin' || as === 'comms')
      const rules = await app.fetch('/league/rules', { as })
      expect(rules.status, as).toBe(200)
      const text = await rules.text()
      for (const words of ['Tier-A stakeholder reached', 'First in a channel', 'Three months in a row'])
        expect(text).toContain(words)
    }
  })

  it('speaks Spanish to a Spanish reader', async () => {
    const setLocale = (locale: string) =>
      sqlite().prepare("update users set locale = ? where email = 'partner2@demo.ripple'").run(locale)
    setLocale('es')
    try {
      const rules = await (await app.fetch('/league/rules', { as: 'partner2' })).text()
      expect(rules).toContain('Cómo funciona la liga de socios')
      expect(rules).toContain('Tres meses seguidos')
      const csv = await (await app.fetch('/league.csv?period=project', { as: 'partner2' })).text()
      expect(csv.split(/\r?\n/)[0]).toContain('Puesto')
    } finally {
      setLocale('en')
    }
  })

  it('keeps the filters in the URL and drops values it does not know (never a 500)', async () => {
    const project = await (await app.fetch('/league?period=project&group=lead', { as: 'viewer' })).text()
    expect(project).toContain('Standings for the whole project')
    expect(project).toContain('San Sebastián')
    expect(project).not.toContain('Tampere')
    const month = await (await app.fetch('/league?month=2024-02', { as: 'viewer' })).text()
    expect(month).toContain('February 2024')
    for (const hostile of [
      '/league?month=%3Cscript%3E&period=forever&group=people&page=-3',
      '/league?month=2026-13',
      '/league?page=99999',
      '/league.csv?month=x%00y&period=%E2%80%AE',
    ])
      expect((await app.fetch(hostile, { as: 'partner' })).status, hostile).toBe(200)
  })

  it('exports the same standings as CSV, with the page’s filters, to every role', async () => {
    for (const as of everyone) {
      const response = await app.fetch('/league.csv?period=project', { as })
      expect(response.status, as).toBe(200)
      expect(response.headers.get('content-type')).toMatch(/text\/csv/)
      const lines = (await response.text()).trim().split(/\r?\n/)
      expect(lines[0]).toContain('Rank')
      expect(lines[0]).toContain('Tier-A stakeholders reached')
      expect(lines).toHaveLength(partnerCount() + 1)
    }
    const month = await app.fetch('/league.csv?month=2024-02&group=associated', { as: 'viewer' })
    expect(month.headers.get('content-disposition')).toContain('league-2024-02.csv')
    const rows = (await month.text()).trim().split(/\r?\n/).slice(1)
    const associated = sqlite()
      .prepare("select count(*) as n from partners where archived_at is null and role = 'associated'")
      .get() as { n: number }
    expect(rows).toHaveLength(associated.n)
    for (const row of rows) expect(row.startsWith('2024-02,')).toBe(true)
  })
})

describe('switching the league off', () => {
  it('refuses the switch to partners and viewers, and the project form to the communications lead', async () => {
    for (const as of ['partner', 'viewer'] satisfies DemoUser[]) {
      expect((await app.post('/admin/project', { intent: 'league' }, { as })).status, as).toBe(403)
      expect((await app.fetch('/admin/project', { as })).status, as).toBe(403)
    }
    const page = await app.fetch('/admin/project', { as: 'comms' })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Show the partner league')
    expect(html).not.toContain('name="workingLanguages"')
    const project = await app.post(
      '/admin/project',
      { intent: 'project', name: 'Taken over' },
      { as: 'comms' },
    )
    expect(project.status).toBe(403)
    const hostile = await app.post(
      '/admin/project',
      { intent: 'league', leagueEnabled: 'maybe' },
      { as: 'comms' },
    )
    expect(hostile.status).toBe(400)
    expect((await app.fetch('/league', { as: 'partner' })).status).toBe(200)
  })

  it('answers 404 with a plain message everywhere while off, and comes back when switched on', async () => {
    const off = await app.post('/admin/project', { intent: 'league' }, { as: 'comms' })
    expect(off.status).toBe(302)
    expect(off.headers.get('location')).toBe('/admin/project?saved=league#league')
    for (const as of everyone) {
      const response = await app.fetch('/league', { as })
      expect(response.status, as).toBe(404)
      const html = await response.text()
      expect(html).toContain('The partner league is switched off')
      // The root data the navigation reads: the entry hides on this flag.
      expect(html).toContain('"leagueEnabled":false')
      expect((await app.fetch('/league/rules', { as })).status, as).toBe(404)
      expect((await app.fetch('/league.csv', { as })).status, as).toBe(404)
    }
    const adminPage = await (await app.fetch('/admin/project', { as: 'admin' })).text()
    expect(adminPage).toContain('name="workingLanguages"')
    expect(adminPage).toContain('Show the partner league')
    const on = await app.post('/admin/project', { intent: 'league', leagueEnabled: 'on' }, { as: 'admin' })
    expect(on.status).toBe(302)
    const back = await app.fetch('/league', { as: 'viewer' })
    expect(back.status).toBe(200)
    expect(await back.text()).toContain('"leagueEnabled":true')
  })
})
