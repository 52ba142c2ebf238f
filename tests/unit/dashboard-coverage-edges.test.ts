import { beforeAll, describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import { asOfDay } from '~/models/dashboards/coverage/index.server'
import { type ActionFilters, coverage, progressFromActual } from '~/models/dashboards/index.server'

import { insertAction, insertRow, insertStakeholder } from '../setup/dashboard-world'

/**
 * The coverage dashboard's edges: partners without a counted action, languages used outside the
 * working ones, target actuals counted in batches per channel and type (validated only, or with
 * submitted actions, or narrowed to a partner), the progress rule at its edges, and the priority
 * list's counts. May 2037, window March to May.
 */
const ids = {} as Record<string, number>
const month = '2037-05'
const today = '2037-06-15'
const keyed = (table: string, key: string) =>
  (sqlite().prepare(`select id from ${table} where key = ?`).get(key) as { id: number }).id
const liveTarget = (row: Record<string, unknown>) =>
  insertRow('targets', { metric: 'actions', period_kind: 'reporting_period', ...row })

beforeAll(() => {
  ids.bilbao = insertRow('partners', { name: 'Bilboko Udala', country: 'ES' })
  ids.krakow = insertRow('partners', { name: 'Urząd Miasta Krakowa', country: 'PL' })
  ids.idle = insertRow('partners', { name: 'Obec Hradec', country: 'CZ' })
  ids.linkedin = keyed('channels', 'linkedin')
  ids.radio = insertRow('channels', { name: 'Ραδιόφωνο', sort_order: 960 })
  ids.presentation = keyed('action_types', 'presentation')
  ids.webinar = keyed('action_types', 'webinar')
  const a = { type: ids.presentation, channel: ids.linkedin }
  insertAction({ ...a, partner: ids.bilbao, date: '2037-05-04', participants: 20, languages: ['eu', 'pl'] })
  insertAction({
    ...a,
    partner: ids.bilbao,
    type: ids.webinar,
    channel: ids.radio,
    date: '2037-04-10',
    participants: 10,
    languages: ['eu'],
  })
  insertAction({
    ...a,
    partner: ids.krakow,
    channel: ids.radio,
    date: '2037-05-20',
    status: 'submitted',
    participants: 5,
    languages: ['ca'],
  })
  insertAction({ ...a, partner: ids.krakow, date: '2037-03-01', participants: 8, languages: ['gl'] })
  const whole = { period_start: '2037-01-01', period_end: '2037-12-31' }
  ids.radioTarget = liveTarget({
    ...whole,
    label: 'Ραδιόφωνο 2037',
    breakdown: 'channel',
    breakdown_value: String(ids.radio),
    value: 10,
  })
  ids.typeTarget = liveTarget({
    label: 'Prezentacje H1',
    metric: 'participants',
    period_start: '2037-01-01',
    period_end: '2037-06-30',
    breakdown: 'type',
    breakdown_value: String(ids.presentation),
    value: 100,
  })
  ids.spring = liveTarget({
    label: 'Udaberria',
    period_start: '2037-03-01',
    period_end: '2037-05-31',
    value: 4,
  })
  ids.midMonth = liveTarget({
    label: 'Erdialdea',
    metric: 'participants',
    period_start: '2037-04-15',
    period_end: '2037-12-31',
    value: 50,
  })
  ids.tierA = insertStakeholder(
    'Agora Kulturgunea',
    keyed('stakeholder_categories', 'university'),
    ids.bilbao,
    {
      tier: 'A',
      score: 97,
    },
  )
})

const targetOf = (filters: ActionFilters, id: number) =>
  coverage({ month, today, filters }).targets.find((t) => t.id === id)!

describe('partners and languages of the coverage dashboard', () => {
  it('counts partners with and without a counted action in the month, with their last action', () => {
    const live = (
      sqlite().prepare('select count(*) as n from partners where archived_at is null').get() as { n: number }
    ).n
    const c = coverage({ month, today })
    expect(c.partners.total).toBe(live)
    expect(c.partners.active).toBe(1)
    expect(c.partners.inactive.find((p) => p.id === ids.krakow)).toEqual({
      id: ids.krakow,
      name: 'Urząd Miasta Krakowa',
      lastAction: '2037-03-01',
    })
    expect(c.partners.inactive.find((p) => p.id === ids.idle)).toMatchObject({ lastAction: null })
    expect(coverage({ month, today, filters: { validatedOnly: false } }).partners.active).toBe(2)
    expect(coverage({ month, today, filters: { partner: ids.krakow } }).partners).toEqual({
      total: 1,
      active: 0,
      inactive: [{ id: ids.krakow, name: 'Urząd Miasta Krakowa', lastAction: '2037-03-01' }],
    })
  })

  it('lists languages used outside the working ones, most used first, then by code', () => {
    const c = coverage({ month, today, since: 3 })
    expect(c.windowStart).toBe('2037-03')
    expect(c.languages.other).toEqual([
      { language: 'eu', actions: 2 },
      { language: 'gl', actions: 1 },
    ])
    expect(c.languages.working.find((l) => l.language === 'pl')).toEqual({ language: 'pl', actions: 1 })
    expect(c.languages.unused).toEqual(['en', 'es', 'pt', 'it', 'fr', 'fi'])
    const withSubmitted = coverage({ month, today, since: 3, filters: { validatedOnly: false } })
    expect(withSubmitted.languages.other).toEqual([
      { language: 'eu', actions: 2 },
      { language: 'ca', actions: 1 },
      { language: 'gl', actions: 1 },
    ])
    const bilbao = coverage({ month, today, since: 3, filters: { partner: ids.bilbao } })
    expect(bilbao.languages.other).toEqual([{ language: 'eu', actions: 2 }])
    expect(bilbao.languages.working.find((l) => l.language === 'pl')).toEqual({ language: 'pl', actions: 1 })
    expect(coverage({ month, today, since: 1 }).languages.other).toEqual([{ language: 'eu', actions: 1 }])
  })

  it('counts to the end of the month, or to today when the month is not over', () => {
    expect(asOfDay(month, today)).toBe('2037-05-31')
    expect(asOfDay(month, '2037-05-12')).toBe('2037-05-12')
    expect(asOfDay(month, '2037-05-31')).toBe('2037-05-31')
    expect(coverage({ month, today }).asOf).toBe('2037-05-31')
    // A month chosen is kept even when today is later; the project names the page.
    expect(coverage({ month: '2037-03', today })).toMatchObject({
      month: '2037-03',
      asOf: '2037-03-31',
      projectName: 'Cities in Dialogue',
    })
  })
})

describe('target actuals counted in batches', () => {
  it('counts a channel target and a type target, with submitted actions when asked', () => {
    expect(targetOf({}, ids.radioTarget)).toMatchObject({
      actual: 1,
      breakdownLabel: 'Ραδιόφωνο',
      breakdownKey: null,
    })
    expect(targetOf({ validatedOnly: false }, ids.radioTarget).actual).toBe(2)
    expect(targetOf({}, ids.typeTarget)).toMatchObject({
      actual: 28,
      breakdownLabel: 'Presentation at an event',
      breakdownKey: 'presentation',
    })
    expect(targetOf({ validatedOnly: false }, ids.typeTarget).actual).toBe(33)
  })

  it('narrows the actuals to the partner filtered by', () => {
    expect(targetOf({ partner: ids.bilbao }, ids.radioTarget).actual).toBe(1)
    expect(targetOf({ partner: ids.krakow }, ids.radioTarget).actual).toBe(0)
    expect(targetOf({ partner: ids.krakow, validatedOnly: false }, ids.radioTarget).actual).toBe(1)
    expect(targetOf({ partner: ids.krakow }, ids.typeTarget).actual).toBe(8)
    expect(targetOf({ partner: ids.bilbao }, ids.spring).actual).toBe(2)
  })

  it('counts a whole-project period and one that starts mid-month alike', () => {
    expect(targetOf({}, ids.spring)).toMatchObject({
      actual: 3,
      percentage: 75,
      projection: 3,
      projectedPercentage: 75,
      status: 'behind',
      finished: false,
      notStarted: false,
    })
    // From 15 April: the 4 May action only (20 participants), 47 of 261 days elapsed.
    expect(targetOf({}, ids.midMonth)).toMatchObject({ actual: 20, projection: 111.1, status: 'on_track' })
  })
})

describe('the progress rule applied to an actual counted in a batch', () => {
  const quarter = {
    metric: 'actions' as const,
    value: 10,
    periodStart: '2037-01-01',
    periodEnd: '2037-03-31',
  }

  it('projects the pace while the period runs, at risk from 80 % of the target', () => {
    expect(progressFromActual(quarter, 4, '2037-02-14')).toEqual({
      actual: 4,
      percentage: 40,
      projection: 8,
      projectedPercentage: 80,
      elapsed: 45 / 90,
      finished: false,
      notStarted: false,
      status: 'at_risk',
    })
    expect(progressFromActual(quarter, 3, '2037-02-14').status).toBe('behind')
    expect(progressFromActual(quarter, 5, '2037-02-14').status).toBe('on_track')
    expect(progressFromActual(quarter, 10, '2037-03-31')).toMatchObject({
      elapsed: 1,
      projection: 10,
      finished: false,
    })
  })

  it('is final once the period is over and on track before it starts', () => {
    expect(progressFromActual(quarter, 9, '2037-04-01')).toMatchObject({
      finished: true,
      projection: 9,
      status: 'behind',
      elapsed: 1,
    })
    expect(progressFromActual(quarter, 10, '2037-04-01').status).toBe('on_track')
    expect(progressFromActual(quarter, 0, '2036-12-31')).toMatchObject({
      notStarted: true,
      elapsed: 0,
      projection: 0,
      status: 'on_track',
    })
  })

  it('reads a zero target as reached and a backwards period as elapsed', () => {
    expect(progressFromActual({ ...quarter, value: 0 }, 0, '2037-02-01')).toMatchObject({
      percentage: 100,
      projectedPercentage: 100,
    })
    const backwards = { ...quarter, value: 4, periodStart: '2037-03-31', periodEnd: '2037-01-01' }
    expect(progressFromActual(backwards, 2, '2037-02-01')).toMatchObject({ elapsed: 1, notStarted: true })
  })
})

describe('the priority list of the coverage dashboard', () => {
  it('counts a population nobody is missing from, with an action filter too', () => {
    const priority = (filters: ActionFilters) => coverage({ month, today, since: 3, filters }).priority
    const tierA = (
      sqlite()
        .prepare(
          `select count(*) as n from stakeholders s join stakeholder_priority p on p.stakeholder_id = s.id
       where p.tier = 'A' and s.archived_at is null and s.merged_into_id is null`,
        )
        .get() as { n: number }
    ).n
    expect(priority({})).toMatchObject({ total: tierA, unreached: tierA, limit: 100, group: null })
    const university = keyed('stakeholder_categories', 'university')
    insertAction({
      partner: ids.bilbao,
      type: ids.webinar,
      channel: ids.linkedin,
      date: '2037-05-30',
      stakeholders: [ids.tierA],
    })
    const universityTierA = (
      sqlite()
        .prepare(
          `select count(*) as n from stakeholders s join stakeholder_priority p on p.stakeholder_id = s.id
       where p.tier = 'A' and s.archived_at is null and s.merged_into_id is null and s.category_id = ?`,
        )
        .get(university) as { n: number }
    ).n
    expect(priority({ category: university, partner: ids.bilbao })).toMatchObject({
      total: universityTierA,
      unreached: universityTierA - 1,
    })
    const group = insertRow('stakeholder_groups', {
      name: 'Agora bakarrik',
      filter: JSON.stringify({ q: 'agora kulturgunea' }),
    })
    expect(coverage({ month, today, group, filters: { partner: ids.bilbao } }).priority).toEqual({
      group: { id: group, name: 'Agora bakarrik' },
      total: 1,
      unreached: 0,
      rows: [],
      limit: 100,
    })
    expect(coverage({ month, today, group, limit: 0 }).priority).toMatchObject({
      total: 1,
      unreached: 0,
      rows: [],
    })
  })
})
