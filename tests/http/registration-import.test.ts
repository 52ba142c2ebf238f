import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'

import { readFixture } from '../setup/fixtures'
import { type DemoUser, useTestApp } from './app'

const app = useTestApp()

/** The demo consultation, hosted by San Sebastián (the `partner` account's city). */
const consultation = () =>
  (
    sqlite().prepare(`select id from events where kind = 'consultation' order by id limit 1`).get() as {
      id: number
    }
  ).id
const file = () => readFixture('registrations', 'rejestracja-lodz-cp1250.csv')

function upload(eventId: number, as: DemoUser, content: Uint8Array = file()) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(content)]), 'rejestracja-lodz-cp1250.csv')
  return app.post(`/events/${eventId}/registrations/import`, form, { as })
}

describe('importing registrants over HTTP', () => {
  it('the host partner and the comms lead may; partner2 and the viewer get 403; no session signs in', async () => {
    const id = consultation()
    const expected: Record<DemoUser, number> = {
      admin: 200,
      comms: 200,
      partner: 200,
      partner2: 403,
      viewer: 403,
    }
    for (const [user, status] of Object.entries(expected)) {
      const page = await app.fetch(`/events/${id}/registrations/import`, { as: user as DemoUser })
      expect(page.status, user).toBe(status)
    }
    for (const user of ['partner2', 'viewer'] as const)
      expect((await upload(id, user)).status, user).toBe(403)
    expect((await app.fetch(`/events/${id}/registrations/import`)).status).toBe(302)
    expect((await app.fetch('/events/999999/registrations/import', { as: 'comms' })).status).toBe(404)
    expect((await app.fetch('/events/abc/registrations/import', { as: 'comms' })).status).toBe(404)
  })

  it('upload, map, preview and write a Windows-1250 list: Łódź and Zażółć read right', async () => {
    const id = consultation()
    const uploaded = await upload(id, 'partner')
    expect(uploaded.status).toBe(302)
    const base = uploaded.headers.get('location')!.replace(/\/map$/, '')
    expect(base).toMatch(new RegExp(`^/events/${id}/registrations/import/\\d+$`))
    const map = await app.fetch(`${base}/map`, { as: 'partner' })
    expect(map.status).toBe(200)
    const mapHtml = await map.text()
    expect(mapHtml).toContain('Zażółć Gęślą')
    expect(mapHtml).toContain('Urząd Miasta Łodzi')
    // Someone else's job, or the job under another event's address, is not found.
    expect((await app.fetch(`${base}/map`, { as: 'comms' })).status).toBe(404)
    const other = sqlite().prepare(`select id from events where id <> ? order by id limit 1`).get(id) as {
      id: number
    }
    expect(
      (await app.fetch(`${base.replace(`/events/${id}/`, `/events/${other.id}/`)}/map`, { as: 'partner' }))
        .status,
    ).toBe(403)
    const mapped = await app.post(
      `${base}/map`,
      {
        'map.name': 'Imię i nazwisko',
        'map.email': 'E-mail',
        'map.organisation': 'Organizacja',
        'map.consent': 'Zgoda',
        'map.attended': 'Obecność',
      },
      { as: 'partner' },
    )
    expect(mapped.status).toBe(302)
    expect(mapped.headers.get('location')).toBe(`${base}/preview`)
    const preview = await (await app.fetch(`${base}/preview`, { as: 'partner' })).text()
    expect(preview).toContain('Consent is not recorded')
    const written = await app.post(`${base}/preview`, { intent: 'write', mode: 'valid' }, { as: 'partner' })
    expect(written.status).toBe(302)
    const report = await app.fetch(`${base}/report`, { as: 'partner' })
    expect(report.status).toBe(200)
    expect(await report.text()).toContain(`/events/${id}/registrations`)
    const csv = await app.fetch(`${base}/report.csv`, { as: 'partner' })
    expect(csv.status).toBe(200)
    const rows = sqlite()
      .prepare(
        `select name, organisation, consent from event_registrations where event_id = ? and name like ?`,
      )
      .all(id, '%Ź%') as { name: string; organisation: string; consent: number }[]
    expect(rows).toEqual([{ name: 'Ewa Źdźbło', organisation: 'Łódź Kaliska', consent: 1 }])
    const registrants = await (await app.fetch(`/events/${id}/registrations`, { as: 'partner' })).text()
    expect(registrants).toContain('Zażółć Gęślą')
    expect(registrants).toContain(`/events/${id}/registrations/import`)
  })

  it('a file that is not a table is refused next to the field, not a 500', async () => {
    const id = consultation()
    const refused = await upload(id, 'comms', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2]))
    expect(refused.status).toBe(400)
  })
})
