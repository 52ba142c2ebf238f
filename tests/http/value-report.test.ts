import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'

import { type DemoUser, useTestApp } from './app'

const app = useTestApp()

const PERIOD = 'from=2026-01&to=2026-12'
const outcomeId = (title: string) =>
  (sqlite().prepare(`select id from outcomes where title like ?`).get(`${title}%`) as { id: number }).id

describe('the value report over HTTP, per role', () => {
  it('the viewer, comms lead and admin read it and its downloads; a partner gets 403', async () => {
    const expected: Record<DemoUser, number> = {
      admin: 200,
      comms: 200,
      partner: 403,
      partner2: 403,
      viewer: 200,
    }
    for (const [user, status] of Object.entries(expected)) {
      for (const path of ['/reports/value', '/reports/value.docx', '/reports/value.md']) {
        const response = await app.fetch(`${path}?${PERIOD}`, { as: user as DemoUser })
        expect(response.status, `${user} ${path}`).toBe(status)
      }
    }
    const html = await (await app.fetch(`/reports/value?${PERIOD}&lang=en`, { as: 'viewer' })).text()
    // Verified demo outcomes are told with their evidence; the proposed and the returned are not.
    expect(html).toContain('Gdańsk adopts the Egia co-design method for the Wrzeszcz district')
    expect(html).toContain('https://www.gdansk.pl/wiadomosci/wrzeszcz-wspolne-projektowanie')
    expect(html).not.toContain('Lyon pilots Gdańsk’s gamified city walk')
    expect(html).not.toContain('Porto and Universidade do Porto agree on a joint urban lab')
    expect(html).toContain('Headline outputs')
    expect(html).toContain('Result indicators against baseline and target')
    // The viewer reads; only the communications lead edits.
    expect(html).not.toContain('id="report-edit"')
    const comms = await (await app.fetch(`/reports/value?${PERIOD}&lang=en`, { as: 'comms' })).text()
    expect(comms).toContain('id="report-edit"')
  })

  it('writes the report in the language asked for, whatever the interface language', async () => {
    const html = await (await app.fetch(`/reports/value?${PERIOD}&lang=es`, { as: 'viewer' })).text()
    expect(html).toContain('lang="es"')
    expect(html).toContain('Principales realizaciones')
    expect(html).toContain('Lo que viene después')
    // The page around it stays in the reader's language.
    expect(html).toContain('Download as Word (.docx)')
  })

  it('answers an impossible period with 400 and the reason in plain words, never 500', async () => {
    const cases: [string, string][] = [
      ['from=2026-13', 'Give a month as YYYY-MM'],
      ['from=2026-06&to=2026-02', 'The end month comes before the start month'],
      ['from=2026-01&to=2026-02&lang=fr', 'English (en) or Spanish (es)'],
      ['from=%3Cscript%3E', 'Give a month as YYYY-MM'],
    ]
    for (const [query, message] of cases) {
      const page = await app.fetch(`/reports/value?${query}`, { as: 'viewer' })
      expect(page.status, query).toBe(400)
      expect(await page.text()).toContain(message)
      for (const ext of ['docx', 'md']) {
        const file = await app.fetch(`/reports/value.${ext}?${query}`, { as: 'viewer' })
        expect(file.status, `${ext} ${query}`).toBe(400)
        expect(file.headers.get('content-type')).toContain('text/plain')
        expect(await file.text()).toContain(message)
      }
    }
  })

  it('downloads a real Word document and Markdown', async () => {
    const docx = await app.fetch(`/reports/value.docx?${PERIOD}&lang=en`, { as: 'viewer' })
    expect(docx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
    expect(docx.headers.get('content-disposition')).toContain('value-report-2026-01-2026-12-en.docx')
    const bytes = Buffer.from(await docx.arrayBuffer())
    expect(bytes.subarray(0, 2).toString()).toBe('PK')
    const md = await app.fetch(`/reports/value.md?${PERIOD}&lang=es`, { as: 'viewer' })
    expect(md.headers.get('content-type')).toContain('text/markdown')
    const text = await md.text()
    expect(text).toMatch(/^# Cities in Dialogue: el valor de nuestro trabajo/)
    expect(text).toContain('San Sebastián aprueba el plan compartido del distrito creativo de Egia')
  })

  it('the comms lead picks the outcomes told and writes the introduction; others get 403', async () => {
    const told = outcomeId('Gdańsk adopts the Egia co-design method')
    const form = {
      from: '2026-01',
      to: '2026-12',
      lang: 'en',
      intro: '**Egia** eta Wrzeszcz: Žluťoučký kůň, Țară, Θεσσαλονίκη. <script>alert(1)</script>',
      outcomeIds: [String(told)],
    }
    for (const user of ['viewer', 'partner'] as const)
      expect((await app.post('/reports/value', form, { as: user })).status, user).toBe(403)
    const saved = await app.post('/reports/value', form, { as: 'comms' })
    expect(saved.status).toBe(302)
    expect(saved.headers.get('location')).toBe(
      '/reports/value?from=2026-01&to=2026-12&lang=en&saved=1#report-edit',
    )
    const html = await (await app.fetch(`/reports/value?${PERIOD}&lang=en`, { as: 'viewer' })).text()
    expect(html).toContain('<strong>Egia</strong> eta Wrzeszcz: Žluťoučký kůň, Țară, Θεσσαλονίκη.')
    expect(html).not.toContain('<script>alert(1)</script>')
    expect(html).toContain('Gdańsk adopts the Egia co-design method for the Wrzeszcz district')
    expect(html).not.toContain('Tabakalera and Fondazione Innovazione Urbana sign')
    const audit = sqlite()
      .prepare(
        `select a.action, a.entity_id as entityId, a.before, a.after, u.email from audit_log a
         join users u on u.id = a.user_id where a.entity = 'value_report' order by a.id desc limit 1`,
      )
      .get() as { action: string; entityId: number; before: string | null; after: string; email: string }
    // The period had no report yet: the first save creates it, with the choices as its after.
    expect(audit).toMatchObject({ action: 'create', before: null, email: 'comms@demo.ripple' })
    expect(JSON.parse(audit.after)).toMatchObject({
      fromMonth: '2026-01',
      toMonth: '2026-12',
      introEn: form.intro,
      outcomeIds: [told],
    })
  })

  it('refuses a hostile or wrong choice with the error next to the field, keeping what was typed', async () => {
    const pending = outcomeId('Lyon pilots')
    const base = { from: '2026-01', to: '2026-12', lang: 'en', intro: 'Kept: Ελληνικά' }
    const wrong = await app.post(
      '/reports/value',
      { ...base, outcomeIds: [String(pending)] },
      { as: 'comms' },
    )
    expect(wrong.status).toBe(400)
    const hostile = await app.post(
      '/reports/value',
      { ...base, outcomeIds: ['abc'], to: '2025-01' },
      { as: 'comms' },
    )
    expect(hostile.status).toBe(400)
    const body = await app.post('/reports/value', { ...base, from: 'x' }, { as: 'comms' })
    expect(body.status).toBe(400)
    const html = await wrong.text()
    expect(html).toContain('Choose only verified outcomes of this period.')
    expect(html).toContain('Kept: Ελληνικά')
    expect(await hostile.text()).toContain('The end month comes before the start month')
  })
})
