import { beforeAll, describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import { partnerHome } from '~/models/dashboards/index.server'
import type { Actor } from '~/utils/permissions'

import { demo } from '../setup/actors'

/**
 * The partner's home page against real SQLite: fixtures in February 2031, far from the demo data
 * (2025-2027), for two fixture partners; "today" is 2031-02-15.
 */
const TODAY = '2031-02-15'
const ids = {} as Record<string, number>

function insert(table: string, row: Record<string, unknown>): number {
  const cols = Object.keys(row)
  const info = sqlite()
    .prepare(`insert into ${table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`)
    .run(...cols.map((c) => row[c] as never))
  return Number(info.lastInsertRowid)
}

function action(
  name: string,
  partner: string,
  date: string,
  status: string,
  extra: Record<string, unknown> = {},
) {
  ids[name] = insert('actions', {
    partner_id: ids[partner],
    date,
    month: date.slice(0, 7),
    type_id: ids.type,
    title: `Ekintza ${name}`,
    status,
    ...extra,
  })
}

function event(name: string, host: string, start: string, extra: Record<string, unknown> = {}) {
  ids[name] = insert('events', {
    kind: 'policy_clinic',
    title: `Gertaera ${name}`,
    start_date: start,
    host_partner_id: ids[host],
    ...extra,
  })
}

function activity(name: string, partner: string, due: string, extra: Record<string, unknown> = {}) {
  ids[name] = insert('planned_activities', {
    title: `Jarduera ${name}`,
    partner_id: ids[partner],
    due_date: due,
    ...extra,
  })
}

const asPartnerOf = (partner: string): Actor => ({ ...demo.partner(), partnerId: ids[partner]! })

beforeAll(() => {
  ids.type = (sqlite().prepare('select min(id) as id from action_types').get() as { id: number }).id
  ids.P = insert('partners', { name: 'Donostia Fixture Udala', country: 'ES' })
  ids.Q = insert('partners', { name: 'Gdańsk Fixture Miasto', country: 'PL' })

  // February 2031, partner P: 2 validated, 1 submitted, 1 returned, 1 draft; one archived left out.
  action('v1', 'P', '2031-02-01', 'validated')
  action('v2', 'P', '2031-02-28', 'validated')
  action('s1', 'P', '2031-02-10', 'submitted')
  action('r1', 'P', '2031-02-12', 'returned', {
    return_comment: 'Proszę dodać link do wpisu – żółć, gęś, źdźbło.',
  })
  action('d1', 'P', '2031-02-13', 'draft')
  action('gone', 'P', '2031-02-14', 'validated', { archived_at: '2031-02-14T10:00:00.000Z' })
  // Other months of P: not this month's figures, but a returned one still needs fixing.
  action('r0', 'P', '2031-01-20', 'returned', { return_comment: 'Παρακαλώ προσθέστε τους συμμετέχοντες.' })
  action('next', 'P', '2031-03-01', 'validated')
  action('rGone', 'P', '2031-01-05', 'returned', {
    return_comment: 'x',
    archived_at: '2031-01-06T00:00:00.000Z',
  })
  // Partner Q's returned action is never P's business.
  action('q1', 'Q', '2031-02-12', 'returned', { return_comment: 'Q' })

  // Events hosted by P: one over, one under way, three ahead (with and without a plan), one archived.
  event('past', 'P', '2031-02-09', { end_date: '2031-02-10', plan_messages: 'Mezuak' })
  event('now', 'P', '2031-02-14', { end_date: '2031-02-16', plan_target_group_ids: '[1, 2]' })
  event('planned', 'P', '2031-03-10', { plan_messages: '**Mezu nagusia**', plan_notes: 'Oharrak' })
  event('bare', 'P', '2031-03-20', { plan_messages: '   ', plan_target_group_ids: '[]' })
  event('withActivities', 'P', '2031-04-01')
  event('archived', 'P', '2031-03-05', { archived_at: '2031-02-01T00:00:00.000Z' })
  event('qEvent', 'Q', '2031-03-01')

  // P's work plan: overdue, due soon, awaiting validation; done, far off and archived left out.
  activity('overdue', 'P', '2031-01-20')
  activity('soon', 'P', '2031-03-01', { event_id: ids.withActivities })
  activity('awaiting', 'P', '2031-03-10')
  action('a-awaiting', 'P', '2031-02-11', 'submitted', { activity_id: ids.awaiting })
  activity('done', 'P', '2031-02-01')
  action('a-done', 'P', '2031-01-30', 'validated', { activity_id: ids.done })
  activity('far', 'P', '2031-06-01')
  activity('archivedActivity', 'P', '2031-02-20', { archived_at: '2031-02-01T00:00:00.000Z' })
  activity('qActivity', 'Q', '2031-02-20')
})

describe('the partner’s home page', () => {
  it('counts this month’s actions of the partner by status, leaving out other months, drafts and archived ones', () => {
    const home = partnerHome(asPartnerOf('P'), TODAY)!
    expect(home).toMatchObject({
      partnerName: 'Donostia Fixture Udala',
      month: '2031-02',
      from: '2031-02-01',
      to: '2031-02-28',
    })
    // v1, v2, s1, r1, a-awaiting (submitted) are logged; d1 is a draft; gone is archived.
    expect(home.thisMonth).toEqual({ logged: 5, validated: 2, awaiting: 2, returned: 1, drafts: 1 })
  })

  it('lists every returned action of the partner with the reviewer’s comment, newest first', () => {
    const home = partnerHome(asPartnerOf('P'), TODAY)!
    expect(home.returned.total).toBe(2)
    expect(home.returned.rows).toEqual([
      {
        id: ids.r1,
        title: 'Ekintza r1',
        date: '2031-02-12',
        comment: 'Proszę dodać link do wpisu – żółć, gęś, źdźbło.',
      },
      {
        id: ids.r0,
        title: 'Ekintza r0',
        date: '2031-01-20',
        comment: 'Παρακαλώ προσθέστε τους συμμετέχοντες.',
      },
    ])
  })

  it('lists the partner’s events not yet over, soonest first, saying which have a communication plan', () => {
    const home = partnerHome(asPartnerOf('P'), TODAY)!
    const byId = (id: number) => home.events.find((e) => e.id === id)
    expect(home.events.map((e) => e.id)).toEqual([ids.now, ids.planned, ids.bare, ids.withActivities])
    expect(byId(ids.now!)).toMatchObject({ hasPlan: true, targetGroups: 2, hasMessages: false })
    expect(byId(ids.planned!)).toMatchObject({
      hasPlan: true,
      hasMessages: true,
      hasNotes: true,
      targetGroups: 0,
    })
    // Blank messages and an empty list of groups are no plan.
    expect(byId(ids.bare!)).toMatchObject({
      hasPlan: false,
      hasMessages: false,
      targetGroups: 0,
      plannedActivities: 0,
    })
    expect(byId(ids.withActivities!)).toMatchObject({ hasPlan: true, plannedActivities: 1 })
  })

  it('lists the partner’s work-plan activities overdue or due within 30 days that are not done', () => {
    const home = partnerHome(asPartnerOf('P'), TODAY)!
    expect(home.activities.map((a) => [a.id, a.state])).toEqual([
      [ids.overdue, 'overdue'],
      [ids.soon, 'planned'],
      [ids.awaiting, 'awaiting_validation'],
    ])
    expect(home.activities[1]!.eventTitle).toBe('Gertaera withActivities')
  })

  it('shows another partner only its own records', () => {
    const home = partnerHome(asPartnerOf('Q'), TODAY)!
    expect(home.thisMonth).toEqual({ logged: 1, validated: 0, awaiting: 0, returned: 1, drafts: 0 })
    expect(home.returned.rows.map((r) => r.id)).toEqual([ids.q1])
    expect(home.events.map((e) => e.id)).toEqual([ids.qEvent])
    expect(home.activities.map((a) => a.id)).toEqual([ids.qActivity])
  })

  it('is empty, not missing, for a partner with nothing this month', () => {
    const home = partnerHome(asPartnerOf('Q'), '2035-07-01')!
    expect(home.thisMonth).toEqual({ logged: 0, validated: 0, awaiting: 0, returned: 0, drafts: 0 })
    expect(home.events).toEqual([])
    // Q's activity is long overdue (not done), so it is still listed.
    expect(home.activities.map((a) => a.id)).toEqual([ids.qActivity])
  })

  it('is null for the roles that do not act for one partner, and for a partner user without a partner', () => {
    for (const actor of [demo.admin(), demo.comms(), demo.viewer()])
      expect(partnerHome(actor, TODAY)).toBeNull()
    expect(partnerHome({ ...demo.partner(), partnerId: null }, TODAY)).toBeNull()
  })
})
