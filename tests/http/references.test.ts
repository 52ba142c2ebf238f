import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'

import { type DemoUser, useTestApp } from './app'

/**
 * Ids that point at nothing (or at something that is no longer offered) are refused next to
 * their field, in the user's language, with what was typed kept, and nothing is written.
 */
const app = useTestApp()
const MISSING = '99999'
const CHOOSE = 'Choose one of the options.'

const one = <T>(query: string, ...args: unknown[]) =>
  sqlite()
    .prepare(query)
    .get(...args) as T
const count = (table: string) => one<{ n: number }>(`select count(*) as n from ${table}`).n
const firstId = (table: string) => one<{ id: number }>(`select min(id) as id from ${table}`).id
const rowOf = (table: string, id: number) =>
  one<Record<string, unknown>>(`select * from ${table} where id = ?`, id)

/** The translated error shown for a field (its error list's id ends in "-<name>-error"). */
function fieldError(html: string, name: string) {
  const match = new RegExp(`<ul id="[^"]*-${name}-error"[^>]*>(.*?)</ul>`, 's').exec(html)
  return match ? match[1].replace(/<[^>]+>/g, '').trim() : null
}

/** Posts a form that must be refused: 400, the field's error, nothing written to `table`. */
async function refused(
  path: string,
  form: Record<string, string | string[]>,
  expected: { field: string; message: string; table: string; id?: number; typed: string },
  as: DemoUser = 'comms',
) {
  await app.cookieFor(as) // signing in is audited: do it before counting
  const rows = count(expected.table)
  const audits = count('audit_log')
  const before = expected.id ? rowOf(expected.table, expected.id) : null
  const response = await app.post(path, form, { as })
  const html = await response.text()
  expect(response.status, `${path} ${expected.field}`).toBe(400)
  expect(fieldError(html, expected.field), `${path} ${expected.field}`).toBe(expected.message)
  expect(html).toContain(expected.typed)
  expect(count(expected.table)).toBe(rows)
  expect(count('audit_log')).toBe(audits)
  if (expected.id) expect(rowOf(expected.table, expected.id)).toEqual(before)
}

const activity = { title: 'Refused activity', dueDate: '2026-05-20', description: 'Typed text kept' }
const event = { kind: 'webinar', title: 'Refused webinar', startDate: '2026-06-10', online: 'on' }
const target = {
  label: 'Refused target',
  metric: 'actions',
  periodKind: 'month',
  month: '2026-05',
  value: '7',
}
const group = { name: 'Refused group', description: 'Typed group text' }

describe('references to records that do not exist', () => {
  it('refuses a work plan activity with an unknown partner, group, event, type or channel', async () => {
    const id = firstId('planned_activities')
    for (const field of ['partnerId', 'groupId', 'eventId', 'typeId', 'channelId']) {
      const form = { ...activity, [field]: MISSING }
      const expected = { field, message: CHOOSE, table: 'planned_activities', typed: 'Typed text kept' }
      await refused('/plan/workplan/new', form, expected)
      await refused(`/plan/workplan/${id}`, form, { ...expected, id })
    }
  })

  it('refuses an archived type on a new activity but keeps one the activity already has', async () => {
    const type = firstId('action_types')
    const id = firstId('planned_activities')
    sqlite().prepare(`update planned_activities set type_id = ? where id = ?`).run(type, id)
    sqlite().prepare(`update action_types set archived_at = '2026-01-01' where id = ?`).run(type)
    try {
      await refused(
        '/plan/workplan/new',
        { ...activity, typeId: String(type) },
        { field: 'typeId', message: CHOOSE, table: 'planned_activities', typed: 'Typed text kept' },
      )
      const kept = await app.post(
        `/plan/workplan/${id}`,
        { ...activity, typeId: String(type) },
        { as: 'comms' },
      )
      expect(kept.status).toBe(302)
      expect(rowOf('planned_activities', id)).toMatchObject({ type_id: type, title: activity.title })
    } finally {
      sqlite().prepare(`update action_types set archived_at = null where id = ?`).run(type)
    }
  })

  it('refuses an event with an unknown host partner, theme or target group', async () => {
    const id = firstId('events')
    // The edit page shows its form (it used to show the event's page instead).
    const page = await (await app.fetch(`/events/${id}/edit`, { as: 'comms' })).text()
    expect(page).toMatch(/<select[^>]*name="hostPartnerId"/)
    const cases = [
      { field: 'hostPartnerId', value: MISSING, message: CHOOSE },
      { field: 'themeId', value: MISSING, message: CHOOSE },
      {
        field: 'planTargetGroupIds',
        value: [String(firstId('stakeholder_groups')), MISSING],
        message: CHOOSE,
      },
    ]
    for (const c of cases) {
      const form = { ...event, [c.field]: c.value }
      const expected = { field: c.field, message: c.message, table: 'events', typed: 'Refused webinar' }
      await refused('/events/new', form, expected)
      await refused(`/events/${id}/edit`, form, { ...expected, id })
    }
  })

  it('refuses a target for a reporting period or a facet that does not exist', async () => {
    const id = firstId('targets')
    const cases = [
      {
        form: { ...target, periodKind: 'reporting_period', reportingPeriod: '999' },
        field: 'reportingPeriod',
        message: 'Choose the reporting period.',
      },
      { form: { ...target, facet: `partner:${MISSING}` }, field: 'facet', message: CHOOSE },
      { form: { ...target, facet: `group:${MISSING}` }, field: 'facet', message: CHOOSE },
      { form: { ...target, facet: 'tier:Z' }, field: 'facet', message: CHOOSE },
      { form: { ...target, facet: 'language:xx' }, field: 'facet', message: CHOOSE },
    ]
    for (const c of cases) {
      const expected = { field: c.field, message: c.message, table: 'targets', typed: 'Refused target' }
      await refused('/plan/targets/new', c.form, expected)
      await refused(`/plan/targets/${id}`, c.form, { ...expected, id })
    }
  })

  it('refuses a stakeholder group filtering on an unknown category, owner or theme', async () => {
    const id = firstId('stakeholder_groups')
    for (const field of ['category', 'owner', 'theme']) {
      const form = { ...group, [field]: MISSING }
      const expected = { field, message: CHOOSE, table: 'stakeholder_groups', typed: 'Typed group text' }
      await refused('/plan/groups/new', form, expected)
      await refused(`/plan/groups/${id}`, { ...form, intent: 'save' }, { ...expected, id })
    }
  })

  it('refuses an indicator mapping to an unknown action type and keeps the mapping', async () => {
    const before = sqlite().prepare(`select * from indicator_mappings order by id`).all()
    const response = await app.post(
      '/plan/indicators',
      { indicator: 'RCO81', typeIds: [String(firstId('action_types')), MISSING] },
      { as: 'comms' },
    )
    expect(response.status).toBe(400)
    expect(fieldError(await response.text(), 'typeIds')).toBe(CHOOSE)
    expect(sqlite().prepare(`select * from indicator_mappings order by id`).all()).toEqual(before)
  })

  it('gives the error in the user’s language', async () => {
    sqlite().prepare(`update users set locale = 'es' where email = 'admin@demo.ripple'`).run()
    try {
      await refused(
        '/plan/workplan/new',
        { ...activity, partnerId: MISSING },
        {
          field: 'partnerId',
          message: 'Elija una de las opciones.',
          table: 'planned_activities',
          typed: 'Typed text kept',
        },
        'admin',
      )
    } finally {
      sqlite().prepare(`update users set locale = 'en' where email = 'admin@demo.ripple'`).run()
    }
  })

  it('still saves valid references', async () => {
    const partner = firstId('partners')
    const response = await app.post(
      '/plan/workplan/new',
      {
        ...activity,
        title: 'Valid references',
        partnerId: String(partner),
        groupId: String(firstId('stakeholder_groups')),
      },
      { as: 'comms' },
    )
    expect(response.status).toBe(302)
    expect(one(`select partner_id from planned_activities where title = 'Valid references'`)).toEqual({
      partner_id: partner,
    })
  })
})

describe('an archived material’s file', () => {
  it('is downloadable only by those who may restore the material', async () => {
    const id = one<{ id: number }>(`select min(id) as id from materials where file_id is not null`).id
    const expected: Record<DemoUser, number> = {
      admin: 200,
      comms: 200,
      partner: 404,
      partner2: 404,
      viewer: 404,
    }
    for (const as of Object.keys(expected) as DemoUser[])
      expect((await app.fetch(`/materials/${id}/file`, { as })).status, `${as} live`).toBe(200)
    sqlite().prepare(`update materials set archived_at = '2026-01-01T00:00:00Z' where id = ?`).run(id)
    try {
      for (const [as, status] of Object.entries(expected) as [DemoUser, number][]) {
        const response = await app.fetch(`/materials/${id}/file`, { as })
        expect(response.status, as).toBe(status)
        if (status === 200) expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(10)
        const page = await (await app.fetch(`/materials/${id}`, { as })).text()
        expect(page.includes(`/materials/${id}/file`), `${as} sees the download link`).toBe(status === 200)
      }
    } finally {
      sqlite().prepare(`update materials set archived_at = null where id = ?`).run(id)
    }
  })
})
