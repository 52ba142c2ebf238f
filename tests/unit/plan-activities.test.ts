import { beforeAll, describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import {
  activityActions,
  activityFormValues,
  activityScope,
  activityWithState,
  createActivity,
  getActivity,
  listActivities,
  openActivitiesDue,
  planFormOptions,
  setActivityArchived,
} from '~/models/plan/index.server'
import { activityFilterSchema } from '~/models/plan/schemas'

import { demo } from '../setup/actors'
import { tx } from '../setup/db'

/*
 * The work plan's reads over a fixture in 2035, a year no other fixture uses: each activity's
 * state on a given day (done, awaiting validation, overdue, planned), the filters, the partner's
 * open activities and the actions fulfilling an activity. Partner 7 is Gdańsk, 8 Tampere.
 */

const TODAY = '2035-06-15'
const ids: Record<string, number> = {}
let event: number

function action(activityId: number, status: string, date: string, archived = false) {
  return Number(
    sqlite()
      .prepare(
        `insert into actions (partner_id, date, month, type_id, title, status, activity_id, archived_at) values (8, ?, ?, 1, ?, ?, ?, ?)`,
      )
      .run(
        date,
        date.slice(0, 7),
        `Akce ${status} ${date}`,
        status,
        activityId,
        archived ? '2035-01-01' : null,
      ).lastInsertRowid,
  )
}

beforeAll(() => {
  event = Number(
    sqlite()
      .prepare(
        "insert into events (kind, title, start_date, online, cross_border, host_partner_id) values ('conference', 'Konferencja w Łodzi', '2035-07-01', 0, 1, 8)",
      )
      .run().lastInsertRowid,
  )
  const add = (key: string, input: Record<string, unknown>) =>
    (ids[key] = tx((t) =>
      createActivity(t, { dueDate: '2035-06-01', ...input, title: key } as never, demo.comms()),
    ))
  add('Done in Gdańsk', { partnerId: 7, typeId: 1, dueDate: '2035-05-01' })
  add('Awaiting Θεσσαλονίκη', { partnerId: 7, channelId: 1, dueDate: '2035-06-10' })
  add('Overdue Târgu Mureș', { partnerId: 7, groupId: 1, dueDate: '2035-06-14' })
  add('Planned Donostia', { partnerId: 7, eventId: event, phase: 'before', dueDate: '2035-06-15' })
  add('Later Gasteiz', { partnerId: 7, dueDate: '2035-09-01' })
  add('Tampere plan', { partnerId: 8, dueDate: '2035-06-02' })
  add('Archived Brno', { partnerId: 7, dueDate: '2035-06-03' })
  tx((t) => setActivityArchived(t, ids['Archived Brno'], true, demo.comms()))
  ids.validated = action(ids['Done in Gdańsk'], 'validated', '2035-04-20')
  ids.submittedToo = action(ids['Done in Gdańsk'], 'submitted', '2035-04-25')
  ids.draft = action(ids['Done in Gdańsk'], 'draft', '2035-04-26')
  ids.archivedAction = action(ids['Done in Gdańsk'], 'validated', '2035-04-27', true)
  ids.submitted = action(ids['Awaiting Θεσσαλονίκη'], 'submitted', '2035-06-09')
  // Validated but archived, and a returned one: the activity stays overdue.
  action(ids['Overdue Târgu Mureș'], 'validated', '2035-06-01', true)
  action(ids['Overdue Târgu Mureș'], 'returned', '2035-06-02')
})

const in2035 = (filter: Record<string, string> = {}) =>
  listActivities(
    activityFilterSchema.parse({ from: '2035-01-01', to: '2035-12-31', ...filter }),
    { limit: 50, offset: 0 },
    TODAY,
  )
const titles = (r: { rows: { title: string }[] }) => r.rows.map((a) => a.title)

describe('listActivities', () => {
  it('lists live activities by due date, each with its state and counts on the day', () => {
    const all = in2035()
    expect(titles(all)).toEqual([
      'Done in Gdańsk',
      'Tampere plan',
      'Awaiting Θεσσαλονίκη',
      'Overdue Târgu Mureș',
      'Planned Donostia',
      'Later Gasteiz',
    ])
    expect(all.total).toBe(6)
    expect(all.rows.map((a) => [a.state, a.validated, a.submitted])).toEqual([
      ['done', 1, 1],
      ['overdue', 0, 0],
      ['awaiting_validation', 0, 1],
      ['overdue', 0, 0],
      ['planned', 0, 0],
      ['planned', 0, 0],
    ])
    expect(all.rows[0]).toMatchObject({
      partnerName: 'Gdańsk',
      typeName: 'Presentation at an event',
      typeKey: 'presentation',
    })
    expect(all.rows[4]).toMatchObject({ eventId: event, eventTitle: 'Konferencja w Łodzi', phase: 'before' })
    expect(all.rows[3].groupName).toBe('Universities in partner cities')
    expect(all.rows[2].channelId).toBe(1)
  })

  it('filters by partner, group, event, type, channel, days, text, state and archive', () => {
    expect(titles(in2035({ partner: '8' }))).toEqual(['Tampere plan'])
    expect(titles(in2035({ group: '1' }))).toEqual(['Overdue Târgu Mureș'])
    expect(titles(in2035({ event: String(event) }))).toEqual(['Planned Donostia'])
    expect(titles(in2035({ type: '1' }))).toEqual(['Done in Gdańsk'])
    expect(titles(in2035({ channel: '1' }))).toEqual(['Awaiting Θεσσαλονίκη'])
    expect(titles(in2035({ from: '2035-06-14', to: '2035-06-15' }))).toEqual([
      'Overdue Târgu Mureș',
      'Planned Donostia',
    ])
    expect(titles(in2035({ q: 'donostia' }))).toEqual(['Planned Donostia'])
    expect(titles(in2035({ state: 'overdue' }))).toEqual(['Tampere plan', 'Overdue Târgu Mureș'])
    expect(titles(in2035({ state: 'done' }))).toEqual(['Done in Gdańsk'])
    expect(titles(in2035({ archived: '1' }))).toEqual(['Archived Brno'])
  })

  it('pages, counting the whole list', () => {
    const page = listActivities(
      activityFilterSchema.parse({ from: '2035-01-01', to: '2035-12-31' }),
      { limit: 2, offset: 2 },
      TODAY,
    )
    expect(titles(page)).toEqual(['Awaiting Θεσσαλονίκη', 'Overdue Târgu Mureș'])
    expect(page.total).toBe(6)
  })
})

describe('one activity and a partner’s open ones', () => {
  it('gives a partner’s activities not done and due by a day, overdue ones first', () => {
    expect(openActivitiesDue(7, '2035-06-30', TODAY).map((a) => a.title)).toEqual([
      'Awaiting Θεσσαλονίκη',
      'Overdue Târgu Mureș',
      'Planned Donostia',
    ])
    expect(openActivitiesDue(7, '2035-06-30', TODAY, 1).map((a) => a.title)).toEqual(['Awaiting Θεσσαλονίκη'])
    expect(openActivitiesDue(8, '2035-06-01', TODAY)).toEqual([])
  })

  it('reads one activity with its state, its scope and its form values', () => {
    expect(activityWithState(ids['Overdue Târgu Mureș'], TODAY)).toMatchObject({ state: 'overdue' })
    expect(activityWithState(ids['Overdue Târgu Mureș'], '2035-06-14')).toMatchObject({ state: 'planned' })
    expect(activityWithState(999_999, TODAY)).toBeNull()
    expect(getActivity(999_999)).toBeNull()
    const planned = getActivity(ids['Planned Donostia'])!
    expect(activityScope(planned)).toEqual({ partnerId: 7, eventHostPartnerId: 8 })
    expect(activityScope({ partnerId: null, eventId: null })).toEqual({
      partnerId: null,
      eventHostPartnerId: null,
    })
    expect(activityScope({ partnerId: 7, eventId: 999_999 })).toEqual({
      partnerId: 7,
      eventHostPartnerId: null,
    })
    expect(activityFormValues(planned)).toEqual({
      title: 'Planned Donostia',
      description: undefined,
      partnerId: '7',
      dueDate: '2035-06-15',
      typeId: undefined,
      channelId: undefined,
      groupId: undefined,
      eventId: String(event),
      phase: 'before',
    })
  })

  it('lists the live, non-draft actions logged against it, newest first', () => {
    expect(activityActions(ids['Done in Gdańsk'])).toEqual([
      {
        id: ids.submittedToo,
        title: 'Akce submitted 2035-04-25',
        date: '2035-04-25',
        status: 'submitted',
        partnerName: 'Tampere',
      },
      {
        id: ids.validated,
        title: 'Akce validated 2035-04-20',
        date: '2035-04-20',
        status: 'validated',
        partnerName: 'Tampere',
      },
    ])
  })

  it('offers only live partners, groups, types, channels and events in the forms', () => {
    const archivedPartner = Number(
      sqlite()
        .prepare(
          "insert into partners (name, country, archived_at) values ('Aardvark Łódź', 'PL', '2035-01-01')",
        )
        .run().lastInsertRowid,
    )
    const options = planFormOptions()
    expect(options.partners.map((p) => p.value)).not.toContain(archivedPartner)
    const names = options.partners.map((p) => p.label)
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    expect(options.partners.find((p) => p.value === 7)).toEqual({ value: 7, label: 'Gdańsk' })
    expect(options.types[0]).toMatchObject({ value: 1, key: 'presentation' })
    expect(options.events[0]).toMatchObject({
      value: event,
      label: 'Konferencja w Łodzi',
      startDate: '2035-07-01',
    })
    expect(options.groups.map((g) => g.label)).toContain('Tier A')
    expect(options.themes.length).toBeGreaterThanOrEqual(3)
  })
})
