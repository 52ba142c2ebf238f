import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'

import { type DemoUser, useTestApp } from './app'
import { buildRoutes } from './manifest'

/*
 * Issue 14, point 5 over HTTP: a partner creates and edits the events its partner hosts, their
 * plan and work plan, and uploads materials that wait for the communications lead's approval. It
 * still cannot touch another partner's event (partner = San Sebastián, partner2 = Barcelona).
 */
const app = useTestApp()

const one = <T>(query: string, ...args: unknown[]) =>
  sqlite()
    .prepare(query)
    .get(...args) as T
const partnerId = (name: string) => one<{ id: number }>(`select id from partners where name = ?`, name).id
const lastId = (table: string) => one<{ id: number }>(`select max(id) as id from ${table}`).id
const idFrom = (response: Response) => Number(/\/(\d+)$/.exec(response.headers.get('location') ?? '')?.[1])

const eventForm = (fields: Record<string, string> = {}) => ({
  kind: 'partner_meeting',
  title: 'Bilkura: hiriak elkarrekin',
  startDate: '2026-11-10',
  place: 'Donostia',
  crossBorder: 'on',
  ...fields,
})

describe('a partner authors the events it hosts', () => {
  it('opens the new event form with its own partner as the only host', async () => {
    const response = await app.fetch('/events/new', { as: 'partner' })
    expect(response.status).toBe(200)
    const html = await response.text()
    const host = /<select[^>]*name="hostPartnerId"[\s\S]*?<\/select>/.exec(html)?.[0] ?? ''
    expect(host).toContain('San Sebastián')
    expect(host).not.toContain('Barcelona')
  })

  it('creates an event hosted by its partner; another host is refused', async () => {
    const created = await app.post('/events/new', eventForm(), { as: 'partner' })
    expect(created.status).toBe(302)
    const id = idFrom(created)
    expect(one<{ host: number }>(`select host_partner_id as host from events where id = ?`, id).host).toBe(
      partnerId('San Sebastián'),
    )
    const before = lastId('events')
    const refused = await app.post(
      '/events/new',
      eventForm({ hostPartnerId: String(partnerId('Barcelona')) }),
      { as: 'partner' },
    )
    expect(refused.status).toBe(403)
    expect(lastId('events')).toBe(before)
  })

  it('edits its event’s communication plan; partner2 gets 403 on it', async () => {
    const id = idFrom(await app.post('/events/new', eventForm(), { as: 'partner' }))
    expect((await app.fetch(`/events/${id}/edit`, { as: 'partner' })).status).toBe(200)
    expect(await (await app.fetch(`/events/${id}`, { as: 'partner' })).text()).toContain(`/events/${id}/edit`)
    const plan = eventForm({
      hostPartnerId: String(partnerId('San Sebastián')),
      planMessages: 'Miasta w dialogu · Πόλεις σε διάλογο · Orașe în dialog · Města v dialogu',
    })
    expect((await app.post(`/events/${id}/edit`, plan, { as: 'partner' })).status).toBe(302)
    expect(one<{ m: string }>(`select plan_messages as m from events where id = ?`, id).m).toContain(
      'Πόλεις σε διάλογο',
    )
    expect((await app.fetch(`/events/${id}/edit`, { as: 'partner2' })).status).toBe(403)
    expect((await app.post(`/events/${id}/edit`, plan, { as: 'partner2' })).status).toBe(403)
    expect((await app.post(`/events/${id}/edit`, { intent: 'archive' }, { as: 'partner2' })).status).toBe(403)
    expect(await (await app.fetch(`/events/${id}`, { as: 'partner2' })).text()).not.toContain(
      `/events/${id}/edit`,
    )
    // Handing the event to Barcelona is refused too.
    const handOver = eventForm({ hostPartnerId: String(partnerId('Barcelona')) })
    expect((await app.post(`/events/${id}/edit`, handOver, { as: 'partner' })).status).toBe(403)
  })

  it('plans its event’s activities; another partner’s event stays closed', async () => {
    const own = idFrom(await app.post('/events/new', eventForm(), { as: 'partner' }))
    const other = idFrom(await app.post('/events/new', eventForm({ title: 'Trobada' }), { as: 'partner2' }))
    expect((await app.fetch(`/plan/workplan/new?event=${own}`, { as: 'partner' })).status).toBe(200)
    expect((await app.fetch(`/plan/workplan/new?event=${other}`, { as: 'partner' })).status).toBe(403)
    const activity = (eventId: number) => ({
      title: 'Zuzeneko argitalpenak',
      dueDate: '2026-11-10',
      eventId: String(eventId),
      phase: 'during',
    })
    const created = await app.post('/plan/workplan/new', activity(own), { as: 'partner' })
    expect(created.status).toBe(302)
    expect(created.headers.get('location')).toBe(`/events/${own}`)
    const id = lastId('planned_activities')
    const page = await (await app.fetch(`/plan/workplan/${id}`, { as: 'partner' })).text()
    expect(page).toContain('name="title"')
    expect(
      (await app.post(`/plan/workplan/${id}`, { ...activity(own), phase: 'after' }, { as: 'partner' }))
        .status,
    ).toBe(302)
    expect((await app.post('/plan/workplan/new', activity(other), { as: 'partner' })).status).toBe(403)
    expect((await app.post(`/plan/workplan/${id}`, activity(own), { as: 'partner2' })).status).toBe(403)
    expect((await app.post(`/plan/workplan/${id}`, { intent: 'archive' }, { as: 'partner2' })).status).toBe(
      403,
    )
    expect(await (await app.fetch(`/plan/workplan/${id}`, { as: 'partner2' })).text()).not.toContain(
      'name="title"',
    )
  })

  it('still cannot write the project-wide plan', async () => {
    expect((await app.post('/plan/purpose', { intent: 'save', body: 'x' }, { as: 'partner' })).status).toBe(
      403,
    )
    expect(
      (await app.post('/plan/workplan/new', { title: 'x', dueDate: '2026-01-01' }, { as: 'partner' })).status,
    ).toBe(403)
  })
})

describe('a partner’s material waits for the communications lead', () => {
  const upload = (title: string) => {
    const form = new FormData()
    form.set('title', title)
    form.set('kind', 'presentation')
    form.set('language', 'eu')
    form.set('version', '1')
    form.set('url', 'https://example.eu/aurkezpena')
    return form
  }

  it('is uploaded, badged, hidden from others, approved with an audit row, then listed for all', async () => {
    const title = 'Proiektuaren aurkezpena euskaraz'
    const created = await app.post('/materials', upload(title), { as: 'partner' })
    expect(created.status).toBe(302)
    const id = idFrom(created)

    const own = await (await app.fetch('/materials', { as: 'partner' })).text()
    expect(own).toContain(title)
    expect(own).toContain('Awaiting approval')
    for (const as of ['partner2', 'viewer'] as const) {
      expect(await (await app.fetch('/materials', { as })).text(), as).not.toContain(title)
      expect((await app.fetch(`/materials/${id}`, { as })).status, as).toBe(404)
      expect(await (await app.fetch('/materials.csv', { as })).text(), as).not.toContain(title)
    }

    const list = await (await app.fetch('/materials', { as: 'comms' })).text()
    expect(list).toMatch(/\d+ materials? awaits? your approval/)
    const pending = await (await app.fetch('/materials?status=pending', { as: 'comms' })).text()
    expect(pending).toContain(title)
    expect(await (await app.fetch(`/materials/${id}`, { as: 'comms' })).text()).toContain('value="approve"')

    expect((await app.post(`/materials/${id}`, { intent: 'approve' }, { as: 'partner' })).status).toBe(403)
    expect((await app.post(`/materials/${id}`, { intent: 'approve' }, { as: 'comms' })).status).toBe(302)
    const audit = one<{ n: number }>(
      `select count(*) as n from audit_log where entity = 'material' and entity_id = ? and action = 'status'`,
      id,
    )
    expect(audit.n).toBe(1)
    expect((await app.post(`/materials/${id}`, { intent: 'approve' }, { as: 'comms' })).status).toBe(409)
    expect(await (await app.fetch('/materials', { as: 'partner2' })).text()).toContain(title)
    // Approved, it is the communications lead's: the partner can no longer change it.
    expect((await app.post(`/materials/${id}`, upload('Aldatua'), { as: 'partner' })).status).toBe(403)
  })

  it('sent back, the partner changes it and it waits again', async () => {
    const id = idFrom(await app.post('/materials', upload('Aurkezpena v2'), { as: 'partner' }))
    expect((await app.post(`/materials/${id}`, { intent: 'return' }, { as: 'comms' })).status).toBe(302)
    expect(await (await app.fetch(`/materials/${id}`, { as: 'partner' })).text()).toContain('Sent back')
    expect((await app.post(`/materials/${id}`, upload('Aurkezpena v3'), { as: 'partner' })).status).toBe(302)
    expect(one<{ s: string }>(`select status as s from materials where id = ?`, id).s).toBe('pending')
    expect((await app.post(`/materials/${id}`, upload('Ez'), { as: 'partner2' })).status).toBe(404)
  })
})

describe('route × role: the pages this opens to partners', () => {
  const roles: DemoUser[] = ['admin', 'comms', 'partner', 'partner2', 'viewer']

  it('every events, work-plan and materials page answers every role with a page, a redirect, 403 or 404', async () => {
    const pages = (await buildRoutes()).filter(
      (r) => r.hasLoader && /^\/(events|plan\/workplan|materials)(\/|$|\.)/.test(r.path),
    )
    expect(pages.length).toBeGreaterThanOrEqual(10)
    const failures: string[] = []
    for (const route of pages)
      for (const as of roles) {
        const status = (await app.fetch(route.path, { as })).status
        if (![200, 302, 403, 404].includes(status)) failures.push(`${as} ${route.path}: ${status}`)
      }
    expect(failures).toEqual([])
  })

  it('answers each role as the policy says', async () => {
    const ownEvent = idFrom(await app.post('/events/new', eventForm(), { as: 'partner' }))
    const otherEvent = idFrom(await app.post('/events/new', eventForm(), { as: 'partner2' }))
    const form = new FormData()
    for (const [k, v] of Object.entries({
      title: 'Aurkezpena',
      kind: 'logo',
      language: 'eu',
      url: 'https://a.eu',
    }))
      form.set(k, v)
    const pending = idFrom(await app.post('/materials', form, { as: 'partner' }))
    const expected: [string, Record<DemoUser, number>][] = [
      ['/events/new', { admin: 200, comms: 200, partner: 200, partner2: 200, viewer: 403 }],
      [`/events/${ownEvent}/edit`, { admin: 200, comms: 200, partner: 200, partner2: 403, viewer: 403 }],
      [`/events/${otherEvent}/edit`, { admin: 200, comms: 200, partner: 403, partner2: 200, viewer: 403 }],
      ['/plan/workplan/new', { admin: 200, comms: 200, partner: 200, partner2: 200, viewer: 403 }],
      [
        `/plan/workplan/new?event=${ownEvent}`,
        { admin: 200, comms: 200, partner: 200, partner2: 403, viewer: 403 },
      ],
      [
        `/plan/workplan/new?event=${otherEvent}`,
        { admin: 200, comms: 200, partner: 403, partner2: 200, viewer: 403 },
      ],
      [`/materials/${pending}`, { admin: 200, comms: 200, partner: 200, partner2: 404, viewer: 404 }],
    ]
    const failures: string[] = []
    for (const [path, byRole] of expected)
      for (const as of roles) {
        const status = (await app.fetch(path, { as })).status
        if (status !== byRole[as]) failures.push(`${as} ${path}: ${status}, expected ${byRole[as]}`)
      }
    expect(failures).toEqual([])
  })
})
