import { beforeAll, describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import { breakdownOptions, computeMetric, computeMetricRows } from '~/models/plan/index.server'

/*
 * A metric for every value of a breakdown, over a fixture in 2039 (a year no other fixture uses):
 *   partner "Aaa Łódź" (live) and "Aaa Brno" (archived since; its action still counts)
 *   stakeholders S1 (category 1, tier A) and S2 (category 2, no tier), both live
 *   a1 2039-03-03 validated Łódź,  type 2, channel 3, languages pl + eu, reaches S1 and S2, 10 participants
 *   a2 2039-03-04 validated Brno,  type 3, channel 2, language pl,      reaches S1,       5 participants
 *   a3 2039-03-05 submitted Łódź, type 2, channel 3, language en,      reaches S2,       7 participants
 * Type and channel ids differ on every action, so a condition on the wrong column shows.
 * Basque (eu) is not a working language: it appears after the working ones.
 */

const MARCH = { from: '2039-03-01', to: '2039-03-31' }
const ids: Record<string, number> = {}
const run = (query: string, ...args: unknown[]) =>
  Number(
    sqlite()
      .prepare(query)
      .run(...args).lastInsertRowid,
  )

function action(
  name: string,
  date: string,
  status: string,
  partner: string,
  type: number,
  channel: number,
  languages: string[],
  reached: string[],
  participants: number,
) {
  ids[name] = run(
    'insert into actions (partner_id, date, month, type_id, channel_id, title, status, participants) values (?, ?, ?, ?, ?, ?, ?, ?)',
    ids[partner],
    date,
    date.slice(0, 7),
    type,
    channel,
    name,
    status,
    participants,
  )
  for (const l of languages)
    run('insert into action_languages (action_id, language) values (?, ?)', ids[name], l)
  for (const s of reached)
    run('insert into action_stakeholders (action_id, stakeholder_id) values (?, ?)', ids[name], ids[s])
}

beforeAll(() => {
  ids.lodz = run("insert into partners (name, country) values ('Aaa Łódź', 'PL')")
  ids.brno = run("insert into partners (name, country) values ('Aaa Brno', 'CZ')")
  ids.S1 = run(
    "insert into stakeholders (category_id, name, name_key, search_text) values (1, 'Uniwersytet Łódzki', 'u', 'u')",
  )
  ids.S2 = run(
    "insert into stakeholders (category_id, name, name_key, search_text) values (2, 'Interreg Κρήτη', 'i', 'i')",
  )
  run(
    "insert into stakeholder_priority (stakeholder_id, score, tier, scored_at) values (?, 90, 'A', '2039-01-01')",
    ids.S1,
  )
  action('a1', '2039-03-03', 'validated', 'lodz', 2, 3, ['pl', 'eu'], ['S1', 'S2'], 10)
  action('a2', '2039-03-04', 'validated', 'brno', 3, 2, ['pl'], ['S1'], 5)
  action('a3', '2039-03-05', 'submitted', 'lodz', 2, 3, ['en'], ['S2'], 7)
  run("update partners set archived_at = '2039-04-01' where id = ?", ids.brno)
})

const rows = (
  metric: Parameters<typeof computeMetric>[0]['metric'],
  breakdown: Parameters<typeof breakdownOptions>[0],
  extra = {},
) =>
  Object.fromEntries(
    computeMetricRows({ metric, ...MARCH, breakdown, ...extra }).map((r) => [r.key, r.value]),
  )

describe('breakdownOptions', () => {
  it('lists the live values of each breakdown, with labels, in their order', () => {
    const partners = breakdownOptions('partner')
    expect(partners[0]).toEqual({ value: String(ids.lodz), label: 'Aaa Łódź' })
    expect(partners.map((p) => p.value)).not.toContain(String(ids.brno))
    expect(partners.find((p) => p.value === '7')).toEqual({ value: '7', label: 'Gdańsk' })
    expect(breakdownOptions('type').slice(0, 2)).toEqual([
      { value: '1', label: 'Presentation at an event', key: 'presentation' },
      { value: '2', label: 'Social media post', key: 'social_post' },
    ])
    expect(breakdownOptions('channel').slice(0, 2)).toEqual([
      { value: '1', label: 'In person', key: 'in_person' },
      { value: '2', label: 'Online event', key: 'online_event' },
    ])
    expect(breakdownOptions('category')[0]).toEqual({ value: '1', label: 'University', key: 'university' })
    expect(breakdownOptions('group').map((g) => g.value)).toEqual(['4', '3', '2', '1'])
    expect(breakdownOptions('tier')).toEqual([
      { value: 'A', label: 'A' },
      { value: 'B', label: 'B' },
      { value: 'C', label: 'C' },
    ])
    expect(breakdownOptions('language').map((l) => l.value)).toEqual([
      'en',
      'es',
      'pt',
      'it',
      'fr',
      'pl',
      'fi',
    ])
    expect(breakdownOptions('language')[5]).toEqual({ value: 'pl', label: 'pl' })
  })
})

describe('computeMetricRows', () => {
  it('action figures per partner, type and channel, values with nothing at 0, other keys after', () => {
    const byPartner = computeMetricRows({ metric: 'participants', ...MARCH, breakdown: 'partner' })
    expect(byPartner.find((r) => r.key === String(ids.lodz))).toEqual({ key: String(ids.lodz), value: 10 })
    expect(byPartner.find((r) => r.key === '7')).toEqual({ key: '7', value: 0 })
    // The archived partner's action counts, after the live partners.
    expect(byPartner[byPartner.length - 1]).toEqual({ key: String(ids.brno), value: 5 })
    expect(byPartner.filter((r) => r.key === String(ids.lodz))).toHaveLength(1)
    expect(rows('actions', 'type')).toMatchObject({ '1': 0, '2': 1, '3': 1 })
    expect(rows('actions', 'channel')).toMatchObject({ '1': 0, '2': 1, '3': 1 })
    expect(rows('participants', 'type', { includeSubmitted: true })).toMatchObject({ '2': 17, '3': 5 })
  })

  it('languages: working ones first, others after; an action in two languages counts in both', () => {
    const byLanguage = computeMetricRows({ metric: 'actions', ...MARCH, breakdown: 'language' })
    expect(byLanguage).toEqual([
      { key: 'en', value: 0 },
      { key: 'es', value: 0 },
      { key: 'pt', value: 0 },
      { key: 'it', value: 0 },
      { key: 'fr', value: 0 },
      { key: 'pl', value: 2 },
      { key: 'fi', value: 0 },
      { key: 'eu', value: 1 },
    ])
    // Languages covered counts working languages only.
    expect(rows('languages_covered', 'partner')).toMatchObject({ [ids.lodz]: 1, [ids.brno]: 1 })
    expect(rows('languages_covered', 'partner', { includeSubmitted: true })).toMatchObject({ [ids.lodz]: 2 })
  })

  it('stakeholders reached per partner, category and tier, each once', () => {
    expect(rows('stakeholders_reached', 'partner')).toMatchObject({ [ids.lodz]: 2, [ids.brno]: 1, '7': 0 })
    expect(rows('stakeholders_reached', 'category')).toMatchObject({ '1': 1, '2': 1, '3': 0 })
    expect(rows('stakeholders_reached', 'tier')).toEqual({ A: 1, B: 0, C: 0 })
    expect(rows('stakeholders_reached', 'type', { includeSubmitted: true })).toMatchObject({ '2': 2, '3': 1 })
    expect(rows('actions', 'tier')).toEqual({ A: 2, B: 0, C: 0 })
    expect(rows('actions', 'category')).toMatchObject({ '1': 2, '2': 1 })
  })

  it('agrees with the metric computed value by value', () => {
    for (const breakdown of ['type', 'channel', 'category', 'tier'] as const) {
      const byKey = computeMetricRows({ metric: 'participants', ...MARCH, breakdown, includeSubmitted: true })
      for (const { key, value } of byKey)
        expect([breakdown, key, value]).toEqual([
          breakdown,
          key,
          computeMetric({
            metric: 'participants',
            ...MARCH,
            breakdown,
            breakdownValue: key,
            includeSubmitted: true,
          }),
        ])
    }
  })
})
