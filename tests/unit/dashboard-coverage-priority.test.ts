import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { sqlite } from '#db/client'
import {
  asOfDay,
  coverage,
  progressFromActual,
  targetProgressList,
} from '~/models/dashboards/coverage/index.server'
import type { ActionFilters } from '~/models/dashboards/types'

import { insertAction, insertRow, insertStakeholder } from '../setup/dashboard-world'
import { channelId, typeId } from '../setup/records'

/**
 * The coverage dashboard's caches and edges: the target list kept for two minutes per data
 * version (and at most 50 lists), the progress rule at its day edges, the month and day counted
 * to, and the list of a group's members not reached in the window (March to August 2042).
 */
const ids = {} as Record<string, number>
const bumpVersion = () => insertRow('audit_log', { entity: 'test', action: 'update', summary: 'Târgu Mureș' })
const setValue = (id: number, value: number) =>
  sqlite().prepare('update targets set value = ? where id = ?').run(value, id)

beforeAll(() => {
  ids.gasteiz = insertRow('partners', { name: 'Gasteizko Udala', country: 'ES' })
  ids.mures = insertRow('partners', { name: 'Primăria Târgu Mureș', country: 'RO' })
  const presentation = typeId('presentation')
  const linkedin = channelId('linkedin')
  ids.category = insertRow('stakeholder_categories', { name: 'Kultur elkarteak 2042', sort_order: 971 })
  ids.agora = insertStakeholder('Agora Kulturgunea', ids.category, ids.gasteiz, { tier: 'A', score: 90 })
  ids.cenek = insertStakeholder('Čeněk Šťastný', ids.category, null, { tier: 'B', score: 70 })
  ids.basque = insertStakeholder('Euskal Etxea', ids.category, ids.mures, { tier: 'B', score: 70 })
  ids.thessaloniki = insertStakeholder('Θεσσαλονίκη Πολιτισμός', ids.category, null)
  ids.gone = insertStakeholder('Zrušený spolek', ids.category, null, { tier: 'A', score: 99 })
  sqlite()
    .prepare('update stakeholders set archived_at = ? where id = ?')
    .run('2042-01-01T00:00:00.000Z', ids.gone)
  const a = { type: presentation, channel: linkedin }
  // Agora reached twice by Gasteiz, Euskal Etxea only by a submitted action of Târgu Mureș.
  insertAction({ ...a, partner: ids.gasteiz, date: '2042-04-02', stakeholders: [ids.agora] })
  insertAction({ ...a, partner: ids.gasteiz, date: '2042-07-30', stakeholders: [ids.agora] })
  insertAction({
    ...a,
    partner: ids.mures,
    date: '2042-05-11',
    status: 'submitted',
    stakeholders: [ids.basque],
  })
  // Čeněk was reached before the window only.
  insertAction({ ...a, partner: ids.mures, date: '2041-12-01', stakeholders: [ids.cenek] })
  ids.group = insertRow('stakeholder_groups', {
    name: 'Kultur elkarteak',
    filter: JSON.stringify({ category: String(ids.category) }),
  })
  ids.oneGroup = insertRow('stakeholder_groups', {
    name: 'Euskal Etxea bakarrik',
    filter: JSON.stringify({ q: 'euskal etxea' }),
  })
  ids.target = insertRow('targets', {
    label: 'Hitzaldiak 2042',
    metric: 'actions',
    period_kind: 'reporting_period',
    period_start: '2042-01-01',
    period_end: '2042-12-31',
    value: 10,
  })
})

afterEach(() => {
  vi.useRealTimers()
})

describe('the target list kept per data version', () => {
  const valueIn = (month: string) =>
    targetProgressList({ month, today: '2043-01-15' }).find((t) => t.id === ids.target)?.value

  it('serves the list for two minutes, then counts it again', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.parse('2042-09-01T08:00:00.000Z'))
    bumpVersion()
    expect(valueIn('2042-08')).toBe(10)
    // A change no write stamps: the cached list does not see it until two minutes have passed.
    setValue(ids.target, 11)
    vi.setSystemTime(Date.parse('2042-09-01T08:01:59.999Z'))
    expect(valueIn('2042-08')).toBe(10)
    vi.setSystemTime(Date.parse('2042-09-01T08:02:00.000Z'))
    expect(valueIn('2042-08')).toBe(11)
    setValue(ids.target, 10)
  })

  it('counts the list again after any write', () => {
    bumpVersion()
    expect(valueIn('2042-07')).toBe(10)
    setValue(ids.target, 12)
    expect(valueIn('2042-07')).toBe(10)
    bumpVersion()
    expect(valueIn('2042-07')).toBe(12)
    setValue(ids.target, 10)
  })

  it('keeps the 50 lists last counted, dropping the oldest first', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.parse('2042-09-02T08:00:00.000Z'))
    bumpVersion()
    // Fifty lists of other months: whatever was kept before, these are the 50 kept now.
    const months = Array.from(
      { length: 51 },
      (_, i) => `20${38 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    )
    for (const month of months.slice(0, 50)) valueIn(month)
    setValue(ids.target, 13)
    expect(valueIn(months[0])).toBe(10)
    valueIn(months[50])
    expect(valueIn(months[0])).toBe(13)
    setValue(ids.target, 10)
  })
})

describe('the progress rule at its day edges', () => {
  const quarter = {
    metric: 'actions' as const,
    value: 10,
    periodStart: '2042-01-01',
    periodEnd: '2042-03-31',
  }

  it('has started on the first day of the period', () => {
    expect(progressFromActual(quarter, 0, '2042-01-01')).toMatchObject({
      notStarted: false,
      finished: false,
      elapsed: 1 / 90,
      status: 'behind',
    })
  })

  it('reads a day given with its time', () => {
    expect(progressFromActual(quarter, 4, '2042-02-14T18:30:00.000Z')).toEqual(
      progressFromActual(quarter, 4, '2042-02-14'),
    )
    expect(progressFromActual(quarter, 4, '2042-02-14T18:30:00.000Z').elapsed).toBe(45 / 90)
  })

  it('reads a period ending the day before it starts as wholly elapsed', () => {
    const empty = { ...quarter, periodStart: '2042-03-02', periodEnd: '2042-03-01' }
    expect(progressFromActual(empty, 2, '2042-03-01')).toMatchObject({
      elapsed: 1,
      projection: 2,
      notStarted: true,
    })
  })
})

describe('the month and the day counted to', () => {
  it('keeps the month asked for, and names the page after the project', () => {
    expect(coverage({ month: '2042-02', today: '2042-09-10' })).toMatchObject({
      month: '2042-02',
      asOf: '2042-02-28',
      windowStart: '2041-09',
      projectName: 'Cities in Dialogue',
    })
    expect(coverage({ today: '2042-09-10' }).month).toBe('2042-08')
  })

  it('counts to today by the clock when no day is given', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.parse('2042-05-12T10:20:30.000Z'))
    expect(asOfDay('2042-05')).toBe('2042-05-12')
    expect(asOfDay('2042-04')).toBe('2042-04-30')
  })
})

describe("a group's members not reached in the window", () => {
  const priority = (filters: ActionFilters = {}, limit?: number, group = ids.group) =>
    coverage({ month: '2042-08', today: '2042-09-10', group, filters, limit }).priority
  const row = (
    id: number,
    name: string,
    owner: [number, string] | null,
    tier: string | null,
    score: number | null,
  ) => ({
    id,
    name,
    category: 'Kultur elkarteak 2042',
    categoryKey: null,
    ownerId: owner?.[0] ?? null,
    owner: owner?.[1] ?? null,
    tier,
    score,
  })

  it('lists the unreached by score, then name, with their last contact', () => {
    expect(priority()).toEqual({
      group: { id: ids.group, name: 'Kultur elkarteak' },
      total: 4,
      unreached: 3,
      limit: 100,
      rows: [
        // Binary order of the names: Euskal before Čeněk at the same score.
        {
          ...row(ids.basque, 'Euskal Etxea', [ids.mures, 'Primăria Târgu Mureș'], 'B', 70),
          lastReached: null,
        },
        { ...row(ids.cenek, 'Čeněk Šťastný', null, 'B', 70), lastReached: '2041-12-01' },
        { ...row(ids.thessaloniki, 'Θεσσαλονίκη Πολιτισμός', null, null, null), lastReached: null },
      ],
    })
  })

  it('counts a stakeholder reached by a submitted action when asked', () => {
    expect(priority({ validatedOnly: false })).toMatchObject({
      total: 4,
      unreached: 2,
      rows: [{ id: ids.cenek }, { id: ids.thessaloniki }],
    })
    expect(priority({ validatedOnly: true }).rows.map((r) => r.id)).toEqual([
      ids.basque,
      ids.cenek,
      ids.thessaloniki,
    ])
  })

  it('lists the first rows only, with the full counts', () => {
    expect(priority({}, 1)).toMatchObject({ total: 4, unreached: 3, limit: 1, rows: [{ id: ids.basque }] })
    expect(priority({}, 2).rows.map((r) => r.id)).toEqual([ids.basque, ids.cenek])
  })

  it("narrows the reach to a partner's actions", () => {
    const mures = priority({ partner: ids.mures, validatedOnly: false })
    expect(mures).toMatchObject({ total: 4, unreached: 3 })
    expect(mures.rows.map((r) => [r.id, r.lastReached])).toEqual([
      [ids.agora, null],
      [ids.cenek, '2041-12-01'],
      [ids.thessaloniki, null],
    ])
  })

  it('keeps each group apart, and reads a group with no filter as everybody', () => {
    expect(priority({}, 100, ids.group).total).toBe(4)
    expect(priority({}, 100, ids.oneGroup)).toMatchObject({
      total: 1,
      unreached: 1,
      rows: [{ id: ids.basque }],
    })
    const everybody = insertRow('stakeholder_groups', { name: 'Guztiak', filter: '' })
    const live = sqlite()
      .prepare('select count(*) as n from stakeholders where archived_at is null and merged_into_id is null')
      .get() as { n: number }
    expect(priority({}, 0, everybody)).toMatchObject({ total: live.n, rows: [] })
  })
})
