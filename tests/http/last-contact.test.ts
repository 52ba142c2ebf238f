import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import { listStakeholders, parseStakeholderFilter } from '~/models/stakeholders/index.server'

import { useTestApp } from './app'

const app = useTestApp()

/** A day with some stakeholders last contacted before it and some after. */
const middleDay = () =>
  (
    sqlite()
      .prepare(
        `select last_contact_on as d from stakeholders where last_contact_on is not null
         order by last_contact_on limit 1 offset (select count(last_contact_on) / 2 from stakeholders)`,
      )
      .get() as { d: string }
  ).d

const csvLines = async (response: Response) =>
  new TextDecoder('utf-8', { ignoreBOM: true })
    .decode(new Uint8Array(await response.arrayBuffer()))
    .slice(1)
    .trim()
    .split('\r\n')

describe('last contact in the register over HTTP', () => {
  it('shows the column, sorts by it and keeps the filter in the page', async () => {
    const day = middleDay()
    const response = await app.fetch(`/stakeholders?notContactedSince=${day}&sort=-lastContact`, {
      as: 'viewer',
    })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('Last contact')
    expect(html).toContain(`value="${day}"`)
    expect(html).toContain('aria-sort="descending"')
    // The heading's link turns the order round and keeps the filter.
    expect(html).toContain(`notContactedSince=${day}&amp;sort=lastContact`)
    sqlite().prepare(`update users set locale = 'es' where email = 'partner2@demo.ripple'`).run()
    const spanish = await app.fetch('/stakeholders?sort=lastContact', { as: 'partner2' })
    expect(await spanish.text()).toContain('Último contacto')
  })

  it('exports the same filtered, sorted list as CSV, with the last contact column', async () => {
    const day = middleDay()
    const query = `notContactedSince=${day}&sort=lastContact`
    const response = await app.fetch(`/stakeholders.csv?${query}`, { as: 'partner' })
    expect(response.status).toBe(200)
    const lines = await csvLines(response)
    expect(lines[0]).toMatch(/,Last contact$/)
    const expected = listStakeholders(parseStakeholderFilter(new URLSearchParams(query)), {
      limit: 100_000,
      offset: 0,
    })
    expect(expected.total).toBeGreaterThan(0)
    expect(lines.length - 1).toBe(expected.total)
    expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual(expected.rows.map((r) => r.id))
    const lastContacts = lines.slice(1).map((l) => l.split(',').at(-1))
    expect(lastContacts.every((d) => d === '' || d! < day)).toBe(true)
  })

  it('answers a mistyped day with a message beside the field (page) or a plain 400 (CSV), never a 500', async () => {
    for (const bad of ['2026-02-30', 'last%20week', '%27%3B%20drop%20table%20stakeholders%3B--']) {
      const page = await app.fetch(`/stakeholders?notContactedSince=${bad}`, { as: 'comms' })
      expect(page.status).toBe(200)
      const html = await page.text()
      expect(html).toContain('Enter a real date (YYYY-MM-DD). This filter was left out.')
      expect(html).toContain('aria-invalid="true"')
      const csv = await app.fetch(`/stakeholders.csv?notContactedSince=${bad}`, { as: 'comms' })
      expect(csv.status).toBe(400)
      expect(await csv.text()).toMatch(/must be a real date written YYYY-MM-DD/)
    }
  })
})
