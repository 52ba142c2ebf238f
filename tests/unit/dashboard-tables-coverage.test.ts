import { beforeAll, describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import { coverage, coverageTables } from '~/models/dashboards/index.server'
import type { TableModel } from '~/models/dashboards/table-model'
import { breakdownKeyLabel } from '~/models/dashboards/tables/common'

import { insertAction, insertRow, insertStakeholder } from '../setup/dashboard-world'

/**
 * The coverage dashboard's tables (the page's <table>s and the CSV export), from the real
 * coverage() over a hand-counted first quarter of 2034 (window October 2033 to March 2034).
 */
const ids = {} as Record<string, number>
const month = '2034-03'
const today = '2034-04-10'
const keyed = (table: string, key: string) =>
  (sqlite().prepare(`select id from ${table} where key = ?`).get(key) as { id: number }).id

function target(row: Record<string, unknown>) {
  return insertRow('targets', { metric: 'actions', period_kind: 'reporting_period', value: 24, ...row })
}

beforeAll(() => {
  ids.bilbao = insertRow('partners', { name: 'Bilboko Udala', country: 'ES' })
  ids.brasov = insertRow('partners', { name: 'Primăria Brașov', country: 'RO' })
  ids.never = insertRow('partners', { name: 'Statutární město Plzeň', country: 'CZ' })
  ids.linkedin = keyed('channels', 'linkedin')
  ids.radio = insertRow('channels', { name: 'Ράδιο Κρήτη', sort_order: 901 })
  ids.presentation = keyed('action_types', 'presentation')
  ids.university = keyed('stakeholder_categories', 'university')
  ids.cultural = insertRow('stakeholder_categories', { name: 'Kultur elkarteak', sort_order: 901 })
  ids.agora = insertStakeholder('Agora Kulturgunea', ids.cultural, ids.bilbao, { tier: 'A', score: 95 })
  ids.kosice = insertStakeholder('Spolek Čeněk Šťastný', ids.cultural, null, { tier: 'A', score: 80 })
  ids.mures = insertStakeholder('Universitatea Târgu Mureș', ids.university, null)
  ids.event = insertRow('events', {
    kind: 'conference',
    title: 'Konferencja w Gdańsku',
    start_date: '2034-02-12',
    registrations: 40,
    attendance: 30,
  })
  const action = { partner: ids.bilbao, type: ids.presentation, participants: 10 }
  insertAction({ ...action, channel: ids.linkedin, date: '2034-01-15', languages: ['pl'] })
  ids.withEvent = insertAction({
    ...action,
    channel: ids.radio,
    date: '2034-02-10',
    languages: ['eu'],
    stakeholders: [ids.mures],
  })
  sqlite().prepare('update actions set event_id = ? where id = ?').run(ids.event, ids.withEvent)
  insertAction({ ...action, channel: null, date: '2034-03-05', languages: ['pl'] })
  // Agora was last reached in June 2033, before the six-month window.
  insertAction({ ...action, channel: null, date: '2033-06-01', stakeholders: [ids.agora] })
  insertAction({ ...action, partner: ids.brasov, channel: null, date: '2034-02-20', languages: ['eu'] })
  ids.project = target({ period_start: '2034-01-01', period_end: '2034-12-31' })
  ids.polish = target({
    label: 'Po polsku',
    period_start: '2034-01-01',
    period_end: '2034-06-30',
    breakdown: 'language',
    breakdown_value: 'pl',
    value: 2,
  })
  const forOne = (breakdown: string, value: number, label: string) =>
    target({
      label,
      period_start: '2034-01-01',
      period_end: '2034-03-31',
      breakdown,
      breakdown_value: String(value),
    })
  ids.byType = forOne('type', ids.presentation, 'Prezentacje')
  ids.byChannel = forOne('channel', ids.radio, 'Rádio')
  ids.byCategory = forOne('category', ids.university, 'Univerzity')
  ids.byPartner = forOne('partner', ids.bilbao, 'Bilbo')
  ids.later = target({ label: 'Później', period_start: '2034-06-01', period_end: '2034-12-31' })
  ids.done = target({ label: 'Hecho', period_start: '2033-06-01', period_end: '2033-12-31', value: 1 })
  insertRow('materials', { title: 'Liburuxka', kind: 'leaflet', language: 'eu' })
  insertRow('materials', { title: 'Liburuxka zaharra', kind: 'leaflet', language: 'eu', status: 'draft' })
  ids.group = insertRow('stakeholder_groups', {
    name: 'Kultur elkarteak taldea',
    filter: JSON.stringify({ category: String(ids.cultural) }),
  })
})

const tableOf = (c: ReturnType<typeof coverage>, id: string) => coverageTables(c).find((t) => t.id === id)!
const rowOf = (table: TableModel, v: string | null) => table.rows.find((r) => r[0].v === v)
const cell = (v: string | number | null, kind: string, extra: object = {}) => ({ v, kind, ...extra })

describe('the coverage tables: targets', () => {
  it('lists the tables in the page order, with the target columns', () => {
    const c = coverage({ month, today })
    expect(coverageTables(c).map((t) => t.id)).toEqual([
      'targets',
      'unreached',
      'partners',
      'languages',
      'materials',
      'events',
    ])
    const targets = tableOf(c, 'targets')
    expect(targets.caption).toBe('tables.targets')
    expect(targets.columns.map((col) => [col.key, col.label, col.numeric])).toEqual([
      ['target', 'columns.targetName', undefined],
      ['breakdown', 'columns.for', undefined],
      ['period', 'columns.period', undefined],
      ['value', 'columns.targetValue', true],
      ['actual', 'columns.actual', true],
      ['asOf', 'reading:targets.asOfColumn', undefined],
      ['percentage', 'columns.percentage', true],
      ['projection', 'columns.projection', true],
      ['status', 'columns.status', undefined],
    ])
  })

  it('names what each target is for and gives its progress as of the month end', () => {
    const targets = tableOf(coverage({ month, today }), 'targets')
    const plan = { kind: 'text', href: '/plan/targets' }
    // 4 actions by 31 March, 90 of 365 days: 16.2 projected against 24.
    expect(rowOf(targets, 'actions')).toEqual([
      cell('actions', 'text', { ...plan, t: 'metrics.actions' }),
      cell('all', 'text', { t: 'coverage.wholeProject' }),
      cell('2034-01-01 – 2034-12-31', 'text'),
      cell(24, 'number'),
      cell(4, 'number'),
      cell('2034-03-31', 'date'),
      cell(16.7, 'percent'),
      cell(16.2, 'number'),
      cell('behind', 'text', { t: 'status.behind' }),
    ])
    expect(rowOf(targets, 'Po polsku')!.slice(1, 2)).toEqual([
      cell('pl', 'text', { t: 'common:languages.pl' }),
    ])
    expect(rowOf(targets, 'Prezentacje')!.slice(1)).toEqual([
      cell('Presentation at an event', 'text', { t: 'actions:types.presentation' }),
      cell('2034-01-01 – 2034-03-31', 'text'),
      cell(24, 'number'),
      cell(4, 'number'),
      cell('2034-03-31', 'date'),
      cell(16.7, 'percent'),
      cell(4, 'number'),
      cell('behind', 'text', { t: 'status.behind' }),
    ])
    expect(rowOf(targets, 'Rádio')![1]).toEqual(cell('Ράδιο Κρήτη', 'text'))
    expect(rowOf(targets, 'Univerzity')![1]).toEqual(
      cell('University', 'text', { t: 'stakeholders:categories.university' }),
    )
    expect(rowOf(targets, 'Bilbo')![1]).toEqual(cell('Bilboko Udala', 'text'))
    expect(rowOf(targets, 'Później')!.slice(5, 6)).toEqual([
      cell(null, 'text', { t: 'reading:targets.notStarted' }),
    ])
    // A finished period is counted to its last day, and its status is final.
    expect(rowOf(targets, 'Hecho')!.slice(4)).toEqual([
      cell(1, 'number'),
      cell('2033-12-31', 'date'),
      cell(100, 'percent'),
      cell(1, 'number'),
      cell('on_track', 'text', { t: 'status.on_track' }),
    ])
  })

  it('names a built-in breakdown value by its translation key, any other by its label', () => {
    expect(breakdownKeyLabel('type', 'webinar')).toBe('actions:types.webinar')
    expect(breakdownKeyLabel('channel', 'linkedin')).toBe('actions:channels.linkedin')
    expect(breakdownKeyLabel('category', 'university')).toBe('stakeholders:categories.university')
    expect(breakdownKeyLabel('partner', 'linkedin')).toBeUndefined()
    expect(breakdownKeyLabel('group', 'university')).toBeUndefined()
  })

  it('says in words why a target is not compared with a filtered view', () => {
    const targets = tableOf(coverage({ month, today, filters: { partner: ids.bilbao } }), 'targets')
    const why = (t: string) => cell(null, 'text', { t, tDims: { by: ['partner'] } })
    const notCompared = (t: string) => [
      why(t),
      cell(null, 'text'),
      cell(null, 'percent'),
      cell(null, 'number'),
      why(t),
    ]
    expect(rowOf(targets, 'actions')!.slice(4)).toEqual(notCompared('reading:scope.projectWide'))
    expect(rowOf(targets, 'Prezentacje')!.slice(4)).toEqual(notCompared('reading:scope.notCompared'))
    expect(rowOf(targets, 'Bilbo')!.slice(4, 5)).toEqual([cell(3, 'number')])
  })
})

describe('the coverage tables: stakeholders, partners, languages, materials and events', () => {
  it('lists the unreached members of a group with owner and last contact, or says there is none', () => {
    const unreached = tableOf(coverage({ month, today, group: ids.group }), 'unreached')
    expect(unreached.caption).toBe('tables.unreachedGroup')
    expect(unreached.captionParams).toEqual({ months: 6, group: 'Kultur elkarteak taldea' })
    expect(unreached.columns.map((col) => [col.key, col.label])).toEqual([
      ['stakeholder', 'columns.stakeholder'],
      ['category', 'columns.category'],
      ['tier', 'columns.tier'],
      ['owner', 'columns.owner'],
      ['lastReached', 'columns.lastReached'],
    ])
    expect(unreached.rows).toEqual([
      [
        cell('Agora Kulturgunea', 'text', { href: `/stakeholders/${ids.agora}` }),
        cell('Kultur elkarteak', 'text'),
        cell('A', 'text'),
        cell('Bilboko Udala', 'text'),
        cell('2033-06-01', 'date'),
      ],
      [
        cell('Spolek Čeněk Šťastný', 'text', { href: `/stakeholders/${ids.kosice}` }),
        cell('Kultur elkarteak', 'text'),
        cell('A', 'text'),
        cell(null, 'text', { t: 'coverage.noOwner' }),
        cell(null, 'text', { t: 'coverage.never' }),
      ],
    ])
    const tierA = tableOf(coverage({ month, today, filters: { category: ids.university } }), 'unreached')
    expect(tierA.caption).toBe('tables.unreached')
    expect(tierA.captionParams).toEqual({ months: 6, group: '' })
  })

  it('names a built-in category by its key', () => {
    const group = insertRow('stakeholder_groups', {
      name: 'Univerzity',
      filter: JSON.stringify({ category: String(ids.university) }),
    })
    const unreached = tableOf(coverage({ month, today, since: 1, group }), 'unreached')
    expect(rowOf(unreached, 'Universitatea Târgu Mureș')!.slice(1, 3)).toEqual([
      cell('University', 'text', { t: 'stakeholders:categories.university' }),
      cell(null, 'text'),
    ])
  })

  it('lists inactive partners with their last action over the last twelve months', () => {
    const partners = tableOf(coverage({ month, today }), 'partners')
    expect(partners.captionParams).toEqual({ month })
    expect(partners.columns).toEqual([
      { key: 'partner', label: 'columns.partner' },
      { key: 'lastAction', label: 'columns.lastAction' },
    ])
    const link = (id: number) => `/actions?partner=${id}&from=2033-04-01&to=2034-03-31&status=validated`
    expect(rowOf(partners, 'Primăria Brașov')).toEqual([
      cell('Primăria Brașov', 'text', { href: link(ids.brasov) }),
      cell('2034-02-20', 'date'),
    ])
    expect(rowOf(partners, 'Statutární město Plzeň')).toEqual([
      cell('Statutární město Plzeň', 'text', { href: link(ids.never) }),
      cell(null, 'text', { t: 'coverage.never' }),
    ])
    expect(rowOf(partners, 'Bilboko Udala')).toBeUndefined()
  })

  it('tells which working languages were used in the window', () => {
    const languages = tableOf(coverage({ month, today }), 'languages')
    expect(languages.captionParams).toEqual({ months: 6 })
    expect(languages.columns).toEqual([
      { key: 'language', label: 'columns.language' },
      { key: 'actions', label: 'figures.actions', numeric: true },
      { key: 'used', label: 'columns.used' },
    ])
    const link = (l: string) => `/actions?language=${l}&from=2033-10-01&to=2034-03-31&status=validated`
    expect(rowOf(languages, 'pl')).toEqual([
      cell('pl', 'text', { t: 'common:languages.pl', href: link('pl') }),
      cell(2, 'number'),
      cell('yes', 'text', { t: 'coverage.used' }),
    ])
    expect(rowOf(languages, 'fi')).toEqual([
      cell('fi', 'text', { t: 'common:languages.fi', href: link('fi') }),
      cell(0, 'number'),
      cell('no', 'text', { t: 'coverage.notUsed' }),
    ])
    expect(rowOf(languages, 'eu')).toBeUndefined()
  })

  it('counts approved materials per language, working or not', () => {
    const materials = tableOf(coverage({ month, today }), 'materials')
    expect(materials.caption).toBe('tables.materials')
    expect(materials.columns).toEqual([
      { key: 'language', label: 'columns.language' },
      { key: 'materials', label: 'columns.materials', numeric: true },
      { key: 'working', label: 'columns.workingLanguage' },
    ])
    expect(rowOf(materials, 'eu')).toEqual([
      cell('eu', 'text', { t: 'common:languages.eu' }),
      cell(1, 'number'),
      cell('no', 'text', { t: 'common:no' }),
    ])
    expect(rowOf(materials, 'fi')![2]).toEqual(cell('yes', 'text', { t: 'common:yes' }))
  })

  it("gives each event's key figures in the window", () => {
    const events = tableOf(coverage({ month, today }), 'events')
    expect(events.caption).toBe('people:tables.events')
    expect(events.captionParams).toEqual({ from: '2033-10', to: month })
    expect(events.columns.map((col) => [col.key, col.label, col.numeric])).toEqual([
      ['event', 'people:columns.event', undefined],
      ['kind', 'people:columns.kind', undefined],
      ['start', 'people:columns.start', undefined],
      ['registrations', 'people:kpis.registrations', true],
      ['attended', 'people:kpis.attended', true],
      ['attendanceRate', 'people:kpis.attendanceRate', true],
      ['stakeholders', 'people:kpis.stakeholders', true],
      ['byCategory', 'people:columns.byCategory', undefined],
      ['actions', 'people:kpis.actions', true],
      ['outcomes', 'people:kpis.outcomes', true],
      ['responses', 'people:columns.responses', true],
      ['average', 'people:columns.average', true],
    ])
    expect(rowOf(events, 'Konferencja w Gdańsku')).toEqual([
      cell('Konferencja w Gdańsku', 'text', { href: `/events/${ids.event}` }),
      cell('conference', 'text', { t: 'plan:eventKinds.conference' }),
      cell('2034-02-12', 'date'),
      cell(40, 'number'),
      cell(30, 'number'),
      cell(75, 'percent'),
      cell(1, 'number'),
      cell('University: 1', 'text'),
      cell(1, 'number'),
      cell(0, 'number'),
      cell(null, 'number'),
      cell(null, 'number'),
    ])
  })
})
