import { beforeAll, describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import { monthlyReach, reachTables } from '~/models/dashboards/index.server'
import type { TableModel } from '~/models/dashboards/table-model'

import { insertAction, insertRow, insertStakeholder } from '../setup/dashboard-world'

/**
 * The reach dashboard's tables (the page's <table>s and the CSV export): every cell of a
 * hand-counted May 2033, from the real monthlyReach over the test file's database.
 */
const ids = {} as Record<string, number>
const month = '2033-05'
const keyed = (table: string, key: string) =>
  (sqlite().prepare(`select id from ${table} where key = ?`).get(key) as { id: number }).id

beforeAll(() => {
  ids.lodz = insertRow('partners', { name: 'Urząd Miasta Łodzi', country: 'PL' })
  ids.gasteiz = insertRow('partners', { name: 'Gasteizko Udala', country: 'ES' })
  ids.linkedin = keyed('channels', 'linkedin')
  ids.radio = insertRow('channels', { name: 'Ράδιο Θεσσαλονίκη', sort_order: 900 })
  ids.presentation = keyed('action_types', 'presentation')
  ids.hitzaldia = insertRow('action_types', { name: 'Hitzaldia', sort_order: 900 })
  ids.university = keyed('stakeholder_categories', 'university')
  ids.cultural = insertRow('stakeholder_categories', { name: 'Asociații culturale', sort_order: 900 })
  ids.cenek = insertStakeholder('Čeněk Šťastný', ids.cultural, ids.lodz)
  ids.mures = insertStakeholder('Universitatea Târgu Mureș', ids.university, null)
  // May 2033: Čeněk is reached twice (a1, a2) and counts once.
  ids.a1 = insertAction({
    partner: ids.lodz,
    type: ids.hitzaldia,
    channel: ids.linkedin,
    date: '2033-05-06',
    title: 'Debata w Łodzi',
    participants: 40,
    onlineReach: 1200,
    engagements: 30,
    languages: ['pl', 'en'],
    stakeholders: [ids.cenek, ids.mures],
  })
  ids.a2 = insertAction({
    partner: ids.lodz,
    type: ids.presentation,
    channel: ids.radio,
    date: '2033-05-20',
    title: 'Συνέντευξη στο ραδιόφωνο',
    participants: 15,
    engagements: 4,
    languages: ['el'],
    stakeholders: [ids.cenek],
  })
  ids.a3 = insertAction({
    partner: ids.lodz,
    type: ids.presentation,
    channel: null,
    date: '2033-05-25',
    title: 'Prezentacja',
    participants: 5,
    onlineReach: 0,
  })
  // A submitted action of Gasteiz reaches both stakeholders again.
  insertAction({
    partner: ids.gasteiz,
    type: ids.presentation,
    channel: ids.linkedin,
    date: '2033-05-28',
    status: 'submitted',
    participants: 7,
    onlineReach: 70,
    engagements: 1,
    languages: ['eu'],
    stakeholders: [ids.cenek, ids.mures],
  })
  // April 2033 and May 2032.
  insertAction({
    partner: ids.lodz,
    type: ids.presentation,
    channel: ids.linkedin,
    date: '2033-04-10',
    participants: 10,
    onlineReach: 100,
    engagements: 1,
    languages: ['pl'],
    stakeholders: [ids.mures],
  })
  insertAction({
    partner: ids.gasteiz,
    type: ids.hitzaldia,
    channel: ids.radio,
    date: '2032-05-15',
    participants: 20,
    onlineReach: 300,
    engagements: 2,
  })
  insertRow('targets', {
    metric: 'actions',
    period_kind: 'month',
    period_start: '2033-05-01',
    period_end: '2033-05-31',
    breakdown: 'partner',
    breakdown_value: String(ids.lodz),
    value: 7,
  })
  ids.year = insertRow('targets', {
    label: 'Akcje 2033',
    metric: 'actions',
    period_kind: 'reporting_period',
    period_start: '2033-01-01',
    period_end: '2033-12-31',
    value: 36,
  })
})

const tableOf = (tables: TableModel[], id: string) => tables.find((t) => t.id === id)!
const rowOf = (table: TableModel, v: string) => table.rows.find((r) => r[0].v === v)
const link = (extra: string) => `/actions?${extra}from=2033-05-01&to=2033-05-31&status=validated`
const nums = (...vs: (number | null)[]) => vs.map((v) => ({ v, kind: 'number' }))

describe('the reach tables: headline and month by month', () => {
  it('lists the tables in the page order', () => {
    expect(reachTables(monthlyReach({ month })).map((t) => t.id)).toEqual([
      'headline',
      'monthly',
      'partners',
      'categories',
      'languages',
      'cumulative',
      'top',
    ])
  })

  it('compares each headline figure with the month before and a year before, in percent', () => {
    const headline = tableOf(reachTables(monthlyReach({ month })), 'headline')
    expect({ ...headline, rows: [] }).toEqual({
      id: 'headline',
      caption: 'tables.headline',
      captionParams: { month },
      columns: [
        { key: 'figure', label: 'columns.figure' },
        { key: 'value', label: 'columns.thisMonth', numeric: true },
        { key: 'previous', label: 'columns.previousMonth', numeric: true },
        { key: 'previousChange', label: 'columns.changePercent', numeric: true },
        { key: 'yearAgo', label: 'columns.yearAgo', numeric: true },
        { key: 'yearAgoChange', label: 'columns.changePercent', numeric: true },
      ],
      rows: [],
    })
    const row = (key: string, [value, previous, yearAgo]: number[], [p1, p2]: (number | null)[]) => [
      { v: key, kind: 'text', t: `figures.${key}` },
      { v: value, kind: 'number' },
      { v: previous, kind: 'number' },
      { v: p1, kind: 'percent' },
      { v: yearAgo, kind: 'number' },
      { v: p2, kind: 'percent' },
    ]
    expect(headline.rows).toEqual([
      row('actions', [3, 1, 1], [200, 200]),
      row('participants', [60, 10, 20], [500, 200]),
      row('onlineReach', [1200, 100, 300], [1100, 300]),
      row('engagements', [34, 1, 2], [3300, 1600]),
      // Two distinct stakeholders, though Čeněk Šťastný was reached twice; none a year before.
      row('stakeholdersReached', [2, 1, 0], [100, null]),
      row('newStakeholders', [0, 0, 0], [null, null]),
    ])
  })

  it('stacks the months by channel, named ones first, then custom and none', () => {
    const monthly = tableOf(reachTables(monthlyReach({ month })), 'monthly')
    expect(monthly.caption).toBe('tables.monthly')
    expect(monthly.captionParams).toEqual({ metric: 'actions', months: 12 })
    expect(monthly.columns).toEqual([
      { key: 'month', label: 'columns.month' },
      {
        key: `k${ids.linkedin}`,
        label: 'actions:channels.linkedin',
        labelParams: { defaultValue: 'LinkedIn', name: 'LinkedIn' },
        numeric: true,
      },
      {
        key: `k${ids.radio}`,
        label: 'stack.custom',
        labelParams: { defaultValue: 'Ράδιο Θεσσαλονίκη', name: 'Ράδιο Θεσσαλονίκη' },
        numeric: true,
      },
      {
        key: 'knull',
        label: 'stack.none.channel',
        labelParams: { defaultValue: '', name: '' },
        numeric: true,
      },
      { key: 'total', label: 'columns.total', numeric: true },
    ])
    expect(monthly.rows).toHaveLength(12)
    expect(monthly.rows[0]).toEqual([
      { v: '2032-06', kind: 'month', href: '/actions?from=2032-06-01&to=2032-06-30&status=validated' },
      ...nums(0, 0, 0, 0),
    ])
    expect(monthly.rows.at(-2)).toEqual([
      { v: '2033-04', kind: 'month', href: '/actions?from=2033-04-01&to=2033-04-30&status=validated' },
      ...nums(1, 0, 0, 1),
    ])
    expect(monthly.rows.at(-1)).toEqual([{ v: month, kind: 'month', href: link('') }, ...nums(1, 1, 1, 3)])
  })

  it('stacks by action type and shows the chosen metric', () => {
    const monthly = tableOf(
      reachTables(monthlyReach({ month, stack: 'type', metric: 'online_reach', months: 24 })),
      'monthly',
    )
    expect(monthly.captionParams).toEqual({ metric: 'online_reach', months: 24 })
    expect(monthly.columns.map((c) => [c.key, c.label])).toEqual([
      ['month', 'columns.month'],
      [`k${ids.hitzaldia}`, 'stack.custom'],
      [`k${ids.presentation}`, 'actions:types.presentation'],
      ['total', 'columns.total'],
    ])
    expect(monthly.rows).toHaveLength(24)
    expect(monthly.rows.find((r) => r[0].v === '2032-05')!.slice(1)).toEqual(nums(300, 0, 300))
    expect(monthly.rows.at(-1)!.slice(1)).toEqual(nums(1200, 0, 1200))
  })
})

describe('the reach tables: partners, categories and languages', () => {
  it("gives each partner its figures, its month's target and the share reached, with a total", () => {
    const partners = tableOf(reachTables(monthlyReach({ month })), 'partners')
    expect(partners.caption).toBe('tables.partners')
    expect(partners.captionParams).toEqual({ month })
    expect(partners.columns).toEqual([
      { key: 'partner', label: 'columns.partner' },
      { key: 'actions', label: 'figures.actions', numeric: true },
      { key: 'participants', label: 'figures.participants', numeric: true },
      { key: 'onlineReach', label: 'figures.onlineReach', numeric: true },
      { key: 'engagements', label: 'figures.engagements', numeric: true },
      { key: 'target', label: 'columns.target', labelParams: { metric: 'actions' }, numeric: true },
      { key: 'targetShare', label: 'columns.ofTarget', numeric: true },
    ])
    // 3 of 7 actions: 42.857 % shown with one decimal.
    expect(rowOf(partners, 'Urząd Miasta Łodzi')).toEqual([
      { v: 'Urząd Miasta Łodzi', kind: 'text', href: link(`partner=${ids.lodz}&`) },
      ...nums(3, 60, 1200, 34, 7),
      { v: 42.9, kind: 'percent' },
    ])
    expect(rowOf(partners, 'Gasteizko Udala')).toEqual([
      { v: 'Gasteizko Udala', kind: 'text', href: link(`partner=${ids.gasteiz}&`) },
      ...nums(0, 0, 0, 0, null),
      { v: null, kind: 'percent' },
    ])
    expect(partners.footer).toEqual([
      { v: 'total', kind: 'text', t: 'columns.total' },
      ...nums(3, 60, 1200, 34, null),
      { v: null, kind: 'percent' },
    ])
  })

  it('adds up every partner in the footer, and the share follows the metric', () => {
    const r = monthlyReach({ month, metric: 'engagements', filters: { validatedOnly: false } })
    const partners = tableOf(reachTables(r), 'partners')
    expect(partners.footer!.slice(1, 5)).toEqual(nums(4, 67, 1270, 35))
    // The actions target is not an engagements target: no target, no share.
    expect(rowOf(partners, 'Urząd Miasta Łodzi')!.slice(5)).toEqual([
      { v: null, kind: 'number' },
      { v: null, kind: 'percent' },
    ])
    const share = tableOf(reachTables(monthlyReach({ month, metric: 'actions' })), 'partners')
    expect(share.columns[5].labelParams).toEqual({ metric: 'actions' })
  })

  it('lists the categories, built-in ones by translation key, with the distinct stakeholders reached', () => {
    const categories = tableOf(reachTables(monthlyReach({ month })), 'categories')
    expect(categories.caption).toBe('tables.categories')
    expect(categories.captionParams).toEqual({ month })
    expect(categories.columns.map((c) => [c.key, c.label, c.numeric])).toEqual([
      ['category', 'columns.category', undefined],
      ['actions', 'figures.actions', true],
      ['participants', 'figures.participants', true],
      ['onlineReach', 'figures.onlineReach', true],
      ['engagements', 'figures.engagements', true],
      ['stakeholders', 'figures.stakeholdersReached', true],
    ])
    expect(rowOf(categories, 'Asociații culturale')).toEqual([
      { v: 'Asociații culturale', kind: 'text' },
      ...nums(2, 55, 1200, 34, 1),
    ])
    expect(rowOf(categories, 'University')).toEqual([
      { v: 'University', kind: 'text', t: 'stakeholders:categories.university' },
      ...nums(1, 40, 1200, 30, 1),
    ])
  })

  it('lists the languages with a link to their actions', () => {
    const languages = tableOf(reachTables(monthlyReach({ month })), 'languages')
    expect(languages.caption).toBe('tables.languages')
    expect(languages.captionParams).toEqual({ month })
    expect(languages.columns.map((c) => c.key)).toEqual([
      'language',
      'actions',
      'participants',
      'onlineReach',
      'engagements',
    ])
    expect(languages.columns[0]).toEqual({ key: 'language', label: 'columns.language' })
    expect(rowOf(languages, 'pl')).toEqual([
      { v: 'pl', kind: 'text', t: 'common:languages.pl', href: link('language=pl&') },
      ...nums(1, 40, 1200, 30),
    ])
    expect(rowOf(languages, 'el')).toEqual([
      { v: 'el', kind: 'text', t: 'common:languages.el', href: link('language=el&') },
      ...nums(1, 15, 0, 4),
    ])
    expect(rowOf(languages, 'eu')).toBeUndefined()
  })
})

describe('the reach tables: cumulative and top actions', () => {
  it('accumulates the year with the target pace and the projection', () => {
    const cumulative = tableOf(reachTables(monthlyReach({ month })), 'cumulative')
    expect({ ...cumulative, rows: cumulative.rows.length }).toEqual({
      id: 'cumulative',
      caption: 'tables.cumulative',
      captionParams: { metric: 'actions' },
      columns: [
        { key: 'month', label: 'columns.month' },
        { key: 'actual', label: 'columns.cumulativeActual', numeric: true },
        { key: 'target', label: 'columns.targetPace', numeric: true },
        { key: 'projection', label: 'columns.projection', numeric: true },
      ],
      rows: 12,
    })
    // 36 actions over 365 days: 14.9 by 31 May (151 days); 4 actions so far, 9.7 by year end.
    expect(cumulative.rows[4]).toEqual([{ v: month, kind: 'month' }, ...nums(4, 14.9, 4)])
    expect(cumulative.rows[0]).toEqual([{ v: '2033-01', kind: 'month' }, ...nums(0, 3.1, null)])
    expect(cumulative.rows[11]).toEqual([{ v: '2033-12', kind: 'month' }, ...nums(null, 36, 9.7)])
  })

  it('ranks the top actions, naming built-in types and channels by key and a missing channel', () => {
    const top = tableOf(reachTables(monthlyReach({ month })), 'top')
    expect(top.caption).toBe('tables.top')
    expect(top.captionParams).toEqual({ month })
    expect(top.columns.map((c) => [c.key, c.label, c.numeric])).toEqual([
      ['title', 'columns.action', undefined],
      ['date', 'columns.date', undefined],
      ['partner', 'columns.partner', undefined],
      ['type', 'columns.type', undefined],
      ['channel', 'columns.channel', undefined],
      ['participants', 'figures.participants', true],
      ['onlineReach', 'figures.onlineReach', true],
      ['engagements', 'figures.engagements', true],
    ])
    const lodz = { v: 'Urząd Miasta Łodzi', kind: 'text' }
    expect(top.rows).toEqual([
      [
        { v: 'Debata w Łodzi', kind: 'text', href: `/actions/${ids.a1}` },
        { v: '2033-05-06', kind: 'date' },
        lodz,
        { v: 'Hitzaldia', kind: 'text' },
        { v: 'LinkedIn', kind: 'text', t: 'actions:channels.linkedin' },
        ...nums(40, 1200, 30),
      ],
      [
        { v: 'Συνέντευξη στο ραδιόφωνο', kind: 'text', href: `/actions/${ids.a2}` },
        { v: '2033-05-20', kind: 'date' },
        lodz,
        { v: 'Presentation at an event', kind: 'text', t: 'actions:types.presentation' },
        { v: 'Ράδιο Θεσσαλονίκη', kind: 'text' },
        ...nums(15, null, 4),
      ],
      [
        { v: 'Prezentacja', kind: 'text', href: `/actions/${ids.a3}` },
        { v: '2033-05-25', kind: 'date' },
        lodz,
        { v: 'Presentation at an event', kind: 'text', t: 'actions:types.presentation' },
        { v: null, kind: 'text', t: 'stack.none.channel' },
        ...nums(5, 0, null),
      ],
    ])
  })
})
