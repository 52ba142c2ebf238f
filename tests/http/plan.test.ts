import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import { listTargetsWithProgress } from '~/models/plan/index.server'

import { useTestApp } from './app'

const app = useTestApp()

const firstId = (table: string) =>
  (sqlite().prepare(`select min(id) as id from ${table}`).get() as { id: number }).id

describe('plan area over HTTP', () => {
  it('every signed-in role reads the plan pages', async () => {
    const eventId = firstId('events')
    const activityId = firstId('planned_activities')
    const groupId = firstId('stakeholder_groups')
    for (const path of [
      '/plan/groups',
      `/plan/groups/${groupId}`,
      '/plan/indicators',
      '/plan/indicators?from=2026-01-01&to=2026-12-31&includeSubmitted=1',
      '/plan',
      '/plan/purpose',
      '/plan/purpose?history=1',
      '/plan/targets',
      '/plan/targets?includeSubmitted=1',
      '/plan/workplan',
      `/plan/workplan/${activityId}`,
      '/events',
      `/events/${eventId}`,
    ]) {
      const response = await app.fetch(path, { as: 'viewer' })
      expect(response.status, path).toBe(200)
    }
    const plan = await (await app.fetch('/plan', { as: 'partner' })).text()
    expect(plan).toContain('Statement of purpose')
    expect(plan).toContain('Cities in Dialogue')
  })

  it('an unknown plan part is a 404', async () => {
    expect((await app.fetch('/plan/nonsense', { as: 'comms' })).status).toBe(404)
  })

  it('viewers and partners get 403 on every plan write (partners: outside their own events)', async () => {
    // An event San Sebastián (the partner's) does not host, and an activity neither its nor of its events.
    const sanSebastian = `(select id from partners where name = 'San Sebastián')`
    const eventId = (
      sqlite()
        .prepare(`select min(id) as id from events where host_partner_id is not ${sanSebastian}`)
        .get() as { id: number }
    ).id
    const activityId = (
      sqlite()
        .prepare(
          `select min(a.id) as id from planned_activities a left join events e on e.id = a.event_id
           where a.partner_id is not ${sanSebastian} and e.host_partner_id is not ${sanSebastian}`,
        )
        .get() as { id: number }
    ).id
    const barcelona = (
      sqlite().prepare(`select id from partners where name = 'Barcelona'`).get() as { id: number }
    ).id
    const targetId = firstId('targets')
    const writes: [string, Record<string, string>][] = [
      ['/plan/purpose', { intent: 'save', body: 'hijacked' }],
      ['/plan/targets/new', { metric: 'actions', periodKind: 'project', value: '1' }],
      [`/plan/targets/${targetId}`, { intent: 'archive' }],
      ['/plan/workplan/new', { title: 'x', dueDate: '2026-01-01' }],
      [`/plan/workplan/${activityId}`, { intent: 'archive' }],
      [
        '/events/new',
        {
          kind: 'webinar',
          title: 'x',
          startDate: '2026-01-01',
          online: 'on',
          hostPartnerId: String(barcelona),
        },
      ],
      [`/events/${eventId}/edit`, { intent: 'archive' }],
      ['/plan/groups/new', { name: 'x' }],
      [`/plan/groups/${firstId('stakeholder_groups')}`, { intent: 'archive' }],
      [`/plan/groups/${firstId('stakeholder_groups')}`, { intent: 'strategy', methods: 'x' }],
      ['/plan/indicators', { indicator: 'RCO115', eventKinds: 'webinar' }],
    ]
    for (const as of ['viewer', 'partner'] as const) {
      for (const [path, form] of writes) {
        const response = await app.post(path, form, { as })
        expect(response.status, `${as} ${path}`).toBe(403)
      }
      expect((await app.fetch('/plan/targets/new', { as })).status).toBe(403)
      expect((await app.fetch(`/events/${eventId}/edit`, { as })).status).toBe(403)
    }
    expect((await app.fetch('/events/new', { as: 'viewer' })).status).toBe(403)
    expect((await app.fetch('/plan/workplan/new', { as: 'viewer' })).status).toBe(403)
    const body = (
      sqlite().prepare(`select body from plan_sections where key = 'purpose'`).get() as { body: string }
    ).body
    expect(body).not.toBe('hijacked')
  })

  it('saves a plan part as a new version and shows script inert', async () => {
    const response = await app.post(
      '/plan/purpose',
      { intent: 'save', body: 'New purpose <script>alert(1)</script> [x](javascript:alert(1))' },
      { as: 'comms' },
    )
    expect(response.status).toBe(302)
    const html = await (await app.fetch('/plan', { as: 'viewer' })).text()
    expect(html).toContain('New purpose')
    expect(html).not.toContain('<script>alert(1)')
    expect(html).not.toMatch(/href="javascript:/i)
    const history = await (await app.fetch('/plan/purpose?history=1', { as: 'viewer' })).text()
    expect(history).toContain('Lucía Moreno')
  })

  it('creates a target with errors next to the fields, then for real', async () => {
    const bad = await app.post(
      '/plan/targets/new',
      { metric: 'actions', periodKind: 'month', value: '-3' },
      { as: 'comms' },
    )
    expect(bad.status).toBe(400)
    const text = await bad.text()
    expect(text).toContain('Choose the month')
    expect(text).toContain('This number cannot be negative.')
    const good = await app.post(
      '/plan/targets/new',
      {
        label: 'HTTP target',
        metric: 'participants',
        periodKind: 'quarter',
        quarter: '2026-Q2',
        value: '500',
      },
      { as: 'comms' },
    )
    expect(good.status).toBe(302)
    const row = sqlite().prepare(`select * from targets where label = 'HTTP target'`).get() as {
      id: number
      period_start: string
      period_end: string
    }
    expect(row).toMatchObject({ period_start: '2026-04-01', period_end: '2026-06-30' })
    const audit = sqlite()
      .prepare(
        `select a.before, a.after, u.email from audit_log a join users u on u.id = a.user_id
         where a.entity = 'target' and a.action = 'create' and a.entity_id = ?`,
      )
      .get(row.id) as { before: string | null; after: string; email: string }
    expect(audit).toMatchObject({ before: null, email: 'comms@demo.ripple' })
    expect(JSON.parse(audit.after)).toMatchObject({
      label: 'HTTP target',
      metric: 'participants',
      value: 500,
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30',
    })
  })

  it('exports the filtered events and materials as CSV', async () => {
    const events = await (await app.fetch('/events.csv?kind=policy_clinic', { as: 'viewer' })).text()
    expect(events).toContain('Policy clinic: creative innovation in public spaces (Bologna)')
    expect(events).not.toContain('Transnational partner meeting in Porto')
    const materials = await (await app.fetch('/materials.csv?language=es', { as: 'viewer' })).text()
    expect(materials).toContain('Presentación del proyecto')
    expect(materials).not.toContain('Logo pack')
  })

  it('exports the filtered work plan as CSV', async () => {
    const response = await app.fetch('/plan/workplan.csv?state=overdue', { as: 'viewer' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/csv')
    const text = await response.text()
    expect(text).toContain('Overdue')
    expect(text).not.toContain(',Planned,')
  })
})

describe('the targets list as CSV over HTTP', () => {
  it('gives every live target with the progress the page shows, counting submitted actions when asked', async () => {
    for (const includeSubmitted of [false, true]) {
      const response = await app.fetch(`/plan/targets.csv${includeSubmitted ? '?includeSubmitted=1' : ''}`, {
        as: 'viewer',
      })
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toContain('text/csv')
      const bytes = new Uint8Array(await response.arrayBuffer())
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // the BOM spreadsheet programs need for accents
      const [header, ...rows] = parse(new TextDecoder().decode(bytes)) as string[][]
      expect(header!.slice(0, 3)).toEqual(['ID', 'Name', 'Metric'])
      const expected = listTargetsWithProgress({ includeSubmitted })
      expect(expected.length).toBeGreaterThan(0)
      expect(rows.map((r) => Number(r[0]))).toEqual(expected.map((t) => t.id))
      const column = (name: string) => header!.indexOf(name)
      for (const [i, target] of expected.entries()) {
        expect(Number(rows[i]![column('Actual')])).toBe(target.progress.actual)
        expect(Number(rows[i]![column('Target')])).toBe(target.value)
      }
      expect(new Set(rows.map((r) => r[column('Counting')]))).toEqual(
        new Set([
          includeSubmitted ? 'Counting validated and submitted actions.' : 'Counting validated actions only.',
        ]),
      )
    }
    expect((await app.fetch('/plan/targets.csv', { redirect: 'manual' })).status).toBe(302)
  })
})

describe('stakeholder groups and indicators over HTTP', () => {
  it('creates a group from a register filter; its members are the matching stakeholders', async () => {
    const response = await app.post(
      '/plan/groups/new',
      { name: 'Spanish stakeholders', country: 'es' },
      { as: 'comms' },
    )
    expect(response.status).toBe(302)
    const id = Number(response.headers.get('location')!.split('/').pop())
    const expected = (
      sqlite()
        .prepare(
          `select count(*) as n from stakeholders where country = 'ES' and archived_at is null and merged_into_id is null`,
        )
        .get() as { n: number }
    ).n
    const page = await (await app.fetch(`/plan/groups/${id}`, { as: 'viewer' })).text()
    expect(page).toContain(`${expected.toLocaleString('en-GB')} current member`)
    expect(page).toContain('/stakeholders?country=ES')
    const saved = await app.post(
      `/plan/groups/${id}`,
      { intent: 'strategy', methods: 'Meet them', 'messages.es': 'Hola', 'messages.en': 'Hello' },
      { as: 'comms' },
    )
    expect(saved.status).toBe(302)
    const messages = sqlite()
      .prepare(
        `select m.language, m.message from strategy_messages m join engagement_strategies s on s.id = m.strategy_id where s.group_id = ? order by m.language`,
      )
      .all(id)
    expect(messages).toEqual([
      { language: 'en', message: 'Hello' },
      { language: 'es', message: 'Hola' },
    ])
  })

  it('refuses a bad country code next to the field', async () => {
    const response = await app.post('/plan/groups/new', { name: 'Bad', country: 'Spain' }, { as: 'comms' })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('two-letter country code')
  })

  it('exports the records behind each indicator as CSV', async () => {
    const response = await app.fetch('/plan/indicators.csv?from=2026-01-01&to=2026-12-31', { as: 'viewer' })
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(text).toContain('RCO115')
    expect(text).toContain('Policy clinic: creative innovation in public spaces (Bologna)')
    expect(text).toContain('RCO87')
  })
})
