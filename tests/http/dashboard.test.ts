import { beforeAll, describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'

import { useTestApp } from './app'

const app = useTestApp()

/** Twelve validated actions in March 2031 (far from the demo data), with reach 100, 200, ... 1200. */
let partnerId = 0
beforeAll(() => {
  const db = sqlite()
  partnerId = Number(
    db.prepare(`insert into partners (name, country) values ('Http Fixture City', 'ES')`).run()
      .lastInsertRowid,
  )
  const typeId = (db.prepare('select id from action_types order by id limit 1').get() as { id: number }).id
  const insert = db.prepare(
    `insert into actions (partner_id, date, month, type_id, title, participants, online_reach, engagements, status) values (?, ?, '2031-03', ?, ?, ?, ?, ?, 'validated')`,
  )
  for (let i = 1; i <= 12; i++)
    insert.run(
      partnerId,
      `2031-03-${String(i).padStart(2, '0')}`,
      typeId,
      `Http fixture action ${i}`,
      i,
      i * 100,
      1,
    )
})

describe('dashboards over HTTP', () => {
  it('sends an anonymous visitor to sign in, for the pages and the CSV', async () => {
    for (const path of [
      '/dashboard/reach?month=2031-03',
      '/dashboard/coverage',
      '/dashboard/reach.csv',
      '/dashboard/coverage.csv',
    ]) {
      const response = await app.fetch(path)
      expect(response.status).toBe(302)
      expect(response.headers.get('location')).toBe(`/login?redirectTo=${encodeURIComponent(path)}`)
    }
  })

  it('shows a viewer both dashboards, read-only', async () => {
    for (const path of ['/dashboard/reach?month=2031-03', '/dashboard/coverage?month=2031-03']) {
      const response = await app.fetch(path, { as: 'viewer' })
      expect(response.status).toBe(200)
      const html = await response.text()
      // The only POST forms are the shell's language switch and sign-out.
      const postForms = [...html.matchAll(/<form[^>]*method="post"[^>]*action="([^"]*)"/gi)].map((m) => m[1])
      expect(postForms.every((a) => a === '/locale' || a === '/logout')).toBe(true)
      expect(html).toContain('Print report')
    }
  })

  it('sends only aggregates and the top ten actions to the browser', async () => {
    const html = await (await app.fetch('/dashboard/reach?month=2031-03', { as: 'partner' })).text()
    expect(html).toContain('Http fixture action 12')
    expect(html).toContain('Http fixture action 3')
    // The two smallest actions are not in the top ten, and no raw action list is sent.
    expect(html).not.toMatch(/Http fixture action 1(?!\d)/)
    expect(html).not.toMatch(/Http fixture action 2(?!\d)/)
  })

  it('downloads one table as CSV with the figures of the page', async () => {
    const response = await app.fetch(
      `/dashboard/reach.csv?month=2031-03&partner=${partnerId}&table=partners`,
      { as: 'viewer' },
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/text\/csv/)
    expect(response.headers.get('content-disposition')).toContain('reach-2031-03-filtered-partners.csv')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const all = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    // The first rows state the view (docs/decisions/027-dashboard-csv-filters.md): the dashboard and
    // its month, one "label, value" row per filter (7 for reach), then an empty row, then the table.
    expect(all.slice(0, 8)).toEqual([
      'Monthly reach,2031-03',
      'Partner,Http Fixture City',
      'Channel,All channels',
      'Action type,All action types',
      'Stakeholder category,All stakeholder categories',
      'Months,2030-04 to 2031-03',
      'Actions counted,Validated only',
      '',
    ])
    const lines = all.slice(8)
    expect(lines[0]).toBe(
      'Partner,Actions,Participants,Online reach,Engagements,Target (Actions),Of target (%)',
    )
    expect(lines[1]).toBe('Http Fixture City,12,78,7800,12,,')
    expect(lines[2]).toBe('Total,12,78,7800,12,,')
  })

  it('downloads every table in one CSV, each under its caption, and refuses an unknown table', async () => {
    const body = await (await app.fetch('/dashboard/reach.csv?month=2031-03', { as: 'comms' })).text()
    for (const caption of [
      'Headline figures, 2031-03',
      'Actions per month',
      'Per partner, 2031-03',
      'Most far-reaching actions, 2031-03',
    ]) {
      expect(body).toContain(caption)
    }
    expect((await app.fetch('/dashboard/reach.csv?table=nope', { as: 'comms' })).status).toBe(400)
    const coverage = await app.fetch('/dashboard/coverage.csv?month=2031-03&table=partners', { as: 'viewer' })
    expect(coverage.status).toBe(200)
    expect(await coverage.text()).not.toContain('Http Fixture City')
  })

  it('answers in Spanish for a Spanish-speaking user', async () => {
    sqlite().prepare(`update users set locale = 'es' where email = 'partner2@demo.ripple'`).run()
    const body = await (
      await app.fetch('/dashboard/reach.csv?month=2031-03&table=headline', { as: 'partner2' })
    ).text()
    expect(body).toContain('Cifra,Este mes')
  })

  it('has a print layout without the navigation, that works without JavaScript', async () => {
    const html = await (await app.fetch('/dashboard/reach?month=2031-03&print=1', { as: 'viewer' })).text()
    expect(html).toContain('body > header')
    expect(html).not.toContain('name="validated"')
  })
})
