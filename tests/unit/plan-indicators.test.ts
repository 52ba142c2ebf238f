import { beforeAll, describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import { computeIndicators, listMappings, mappingFormOptions, saveMappings } from '~/models/plan/index.server'

import { demo } from '../setup/actors'
import { tx } from '../setup/db'

/*
 * The programme indicators over a fixture in 2036, a year no other fixture uses. The mappings are
 * set here: RCO115 counts cross-border conferences, RCO81 adds the attendance of cross-border
 * conferences to the participants of presentations (type 1). Counted by hand:
 *   E1 conference, cross-border, 2036-03-01, 40 attending       RCO115 and RCO81 (40)
 *   E2 conference, cross-border, 2036-03-31, no attendance       RCO115 only (adds nothing to RCO81)
 *   E3 conference, cross-border, 2036-04-01                      after the period
 *   E4 conference, not cross-border, 300 attending               never
 *   E5 webinar, cross-border, 70 attending                       kind not mapped
 *   E6 conference, cross-border, archived                        never
 *   actions of type 1: validated 12 (at E4: counted), validated 30 at E1 (already counted),
 *   submitted 7 (with includeSubmitted only), validated 0 participants (adds nothing),
 *   validated 5 on 2036-02-29 and 9 on 2036-04-01 (outside), archived 100, type 2 validated 1000.
 */

const PERIOD = { from: '2036-03-01', to: '2036-03-31' }
const ids: Record<string, number> = {}

function event(
  name: string,
  kind: string,
  date: string,
  crossBorder: number,
  attendance: number | null,
  archived = false,
) {
  ids[name] = Number(
    sqlite()
      .prepare(
        'insert into events (kind, title, start_date, cross_border, attendance, online, archived_at) values (?, ?, ?, ?, ?, 0, ?)',
      )
      .run(kind, name, date, crossBorder, attendance, archived ? '2036-01-01' : null).lastInsertRowid,
  )
}

function action(
  name: string,
  type: number,
  status: string,
  date: string,
  participants: number | null,
  at?: string,
) {
  ids[name] = Number(
    sqlite()
      .prepare(
        'insert into actions (partner_id, date, month, type_id, title, status, participants, event_id, archived_at) values (7, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        date,
        date.slice(0, 7),
        type,
        name,
        status,
        participants,
        at ? ids[at] : null,
        name === 'archived' ? '2036-01-01' : null,
      ).lastInsertRowid,
  )
}

beforeAll(() => {
  tx((t) => saveMappings(t, { indicator: 'RCO115', eventKinds: ['conference'], typeIds: [] }, demo.comms()))
  tx((t) => saveMappings(t, { indicator: 'RCO81', eventKinds: ['conference'], typeIds: [1] }, demo.comms()))
  event('E2 Θεσσαλονίκη', 'conference', '2036-03-31', 1, null)
  event('E1 Łódź', 'conference', '2036-03-01', 1, 40)
  event('E3 later', 'conference', '2036-04-01', 1, 50)
  event('E4 local', 'conference', '2036-03-10', 0, 300)
  event('E5 webinar', 'webinar', '2036-03-10', 1, 70)
  event('E6 archived', 'conference', '2036-03-10', 1, 80, true)
  action('at local', 1, 'validated', '2036-03-11', 12, 'E4 local')
  action('at Łódź', 1, 'validated', '2036-03-02', 30, 'E1 Łódź')
  action('submitted', 1, 'submitted', '2036-03-05', 7)
  action('nobody', 1, 'validated', '2036-03-06', 0)
  action('before', 1, 'validated', '2036-02-29', 5)
  action('after', 1, 'validated', '2036-04-01', 9)
  action('archived', 1, 'validated', '2036-03-07', 100)
  action('post', 2, 'validated', '2036-03-08', 1000)
})

describe('computeIndicators', () => {
  it('RCO115 counts the live cross-border events of the mapped kinds in the period, by date', () => {
    const [rco115] = computeIndicators(PERIOD)
    expect(rco115).toEqual({
      code: 'RCO115',
      value: 2,
      items: [
        { kind: 'event', id: ids['E1 Łódź'], title: 'E1 Łódź', date: '2036-03-01', contribution: 1 },
        {
          kind: 'event',
          id: ids['E2 Θεσσαλονίκη'],
          title: 'E2 Θεσσαλονίκη',
          date: '2036-03-31',
          contribution: 1,
        },
      ],
    })
  })

  it('RCO81 adds attendance and participants once, submitted actions only when asked', () => {
    const [, rco81] = computeIndicators(PERIOD)
    expect(rco81).toEqual({
      code: 'RCO81',
      value: 40 + 12,
      items: [
        { kind: 'event', id: ids['E1 Łódź'], title: 'E1 Łódź', date: '2036-03-01', contribution: 40 },
        { kind: 'action', id: ids['at local'], title: 'at local', date: '2036-03-11', contribution: 12 },
      ],
    })
    const [, withSubmitted] = computeIndicators({ ...PERIOD, includeSubmitted: true })
    expect(withSubmitted.value).toBe(40 + 7 + 12)
    expect(withSubmitted.items.map((i) => i.id)).toEqual([ids['E1 Łódź'], ids.submitted, ids['at local']])
  })

  it('RCO81 with no mapped event kinds counts every action of the mapped types', () => {
    tx((t) => saveMappings(t, { indicator: 'RCO81', eventKinds: [], typeIds: [1] }, demo.comms()))
    const [rco115, rco81] = computeIndicators(PERIOD)
    expect(rco81.value).toBe(30 + 12)
    expect(rco81.items.map((i) => i.kind)).toEqual(['action', 'action'])
    expect(rco115.value).toBe(2)
    tx((t) => saveMappings(t, { indicator: 'RCO81', eventKinds: ['conference'], typeIds: [] }, demo.comms()))
    expect(computeIndicators(PERIOD)[1].value).toBe(40)
    tx((t) => saveMappings(t, { indicator: 'RCO81', eventKinds: ['conference'], typeIds: [1] }, demo.comms()))
  })

  it('RCO87 counts the live partners and the live stakeholders collaborating, by name', () => {
    const [, , rco87] = computeIndicators(PERIOD)
    const partners = sqlite()
      .prepare('select count(*) from partners where archived_at is null')
      .pluck()
      .get() as number
    const collaborating = sqlite()
      .prepare(
        "select count(*) from stakeholders where archived_at is null and merged_into_id is null and stage = 'collaborating'",
      )
      .pluck()
      .get() as number
    expect(rco87.code).toBe('RCO87')
    expect(rco87.value).toBe(partners + collaborating)
    expect(rco87.items).toHaveLength(partners + collaborating)
    const partnerItems = rco87.items.filter((i) => i.kind === 'partner')
    expect(partnerItems).toHaveLength(partners)
    expect(partnerItems.find((i) => i.id === 7)).toEqual({
      kind: 'partner',
      id: 7,
      title: 'Gdańsk',
      date: null,
      contribution: 1,
    })
    const names = partnerItems.map((i) => i.title)
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    expect(
      rco87.items
        .filter((i) => i.kind === 'stakeholder')
        .every((i) => i.contribution === 1 && i.date === null),
    ).toBe(true)
  })
})

describe('indicator mappings', () => {
  it('reads each indicator’s event kinds and action types', () => {
    expect(listMappings()).toEqual({
      RCO115: { eventKinds: ['conference'], typeIds: [] },
      RCO81: { eventKinds: ['conference'], typeIds: [1] },
      RCO87: { eventKinds: [], typeIds: [] },
    })
  })

  it('offers every event kind and the live action types in order', () => {
    const options = mappingFormOptions()
    expect(options.eventKinds).toEqual([
      'partner_meeting',
      'policy_clinic',
      'webinar',
      'conference',
      'site_visit',
      'consultation',
      'campaign',
    ])
    expect(options.types.slice(0, 2)).toEqual([
      { value: 1, label: 'Presentation at an event', key: 'presentation' },
      { value: 2, label: 'Social media post', key: 'social_post' },
    ])
  })
})
