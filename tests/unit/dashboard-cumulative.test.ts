import { beforeAll, describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import { monthlyReach } from '~/models/dashboards/index.server'

import { insertAction, insertRow } from '../setup/dashboard-world'

/**
 * The reach dashboard's cumulative chart: which period it spans (a project-wide target of the
 * metric, a reporting period preferred, else the reporting period holding the month, else the
 * project), its target line and projection, and when a target is not compared with a filtered
 * view. 2036 is a leap year: 366 days.
 */
const ids = {} as Record<string, number>
const month = '2036-03'
const keyed = (table: string, key: string) =>
  (sqlite().prepare(`select id from ${table} where key = ?`).get(key) as { id: number }).id

function target(metric: string, kind: string, start: string, end: string, value: number, label?: string) {
  return insertRow('targets', {
    label: label ?? null,
    metric,
    period_kind: kind,
    period_start: start,
    period_end: end,
    value,
  })
}

beforeAll(() => {
  ids.gdansk = insertRow('partners', { name: 'Urząd Miasta Gdańska', country: 'PL' })
  ids.linkedin = keyed('channels', 'linkedin')
  const base = { partner: ids.gdansk, type: keyed('action_types', 'presentation'), channel: ids.linkedin }
  insertAction({ ...base, date: '2034-02-10', participants: 0, engagements: 10 })
  insertAction({ ...base, date: '2036-01-15', participants: 30, onlineReach: 300, engagements: 3 })
  insertAction({ ...base, date: '2036-03-05', participants: 60, onlineReach: 600, engagements: 6 })
  // The less preferred targets first, so that only the preference picks the chart's target.
  target('participants', 'month', '2036-03-01', '2036-03-31', 3)
  target('participants', 'quarter', '2036-01-01', '2036-03-31', 90)
  target('participants', 'reporting_period', '2036-03-01', '2037-02-28', 5)
  ids.participants = target(
    'participants',
    'reporting_period',
    '2036-01-01',
    '2036-12-31',
    1200,
    'Uczestnicy 2036',
  )
  target('participants', 'reporting_period', '2036-01-01', '2036-12-31', 7)
  target('engagements', 'quarter', '2036-01-01', '2036-03-31', 9)
  ids.engagements = target('engagements', 'reporting_period', '2034-01-01', '2036-12-31', 300)
  target('actions', 'month', '2036-03-01', '2036-03-31', 4)
  target('actions', 'project', '2030-01-01', '2040-12-31', 1000)
  ids.actionsQuarter = target('actions', 'quarter', '2036-01-01', '2036-03-31', 30, 'Q1')
  // A month's target never spans the chart, even alone.
  target('online_reach', 'month', '2036-03-01', '2036-03-31', 50)
  insertRow('targets', {
    metric: 'actions',
    period_kind: 'month',
    period_start: '2036-03-01',
    period_end: '2036-03-31',
    breakdown: 'partner',
    breakdown_value: String(ids.gdansk),
    value: 2,
  })
  const periods = JSON.parse(
    (sqlite().prepare('select reporting_periods as p from project').get() as { p: string }).p,
  )
  sqlite()
    .prepare('update project set reporting_periods = ?')
    .run(JSON.stringify([...periods, { label: 'Okres 12 (2036)', start: '2036-01-01', end: '2036-12-31' }]))
})

const cumulativeOf = (input: Parameters<typeof monthlyReach>[0]) => monthlyReach(input).cumulative

describe('the period of the cumulative chart', () => {
  it("follows the metric's reporting-period target, the earliest and first one, with its pace and projection", () => {
    const c = cumulativeOf({ month, metric: 'participants' })
    expect(c.target).toEqual({
      id: ids.participants,
      label: 'Uczestnicy 2036',
      value: 1200,
      periodKind: 'reporting_period',
    })
    expect(c.period).toEqual({ start: '2036-01-01', end: '2036-12-31', label: 'Uczestnicy 2036' })
    expect(c.rows).toHaveLength(12)
    // 1200 x 31 / 366 = 101.6; by 31 March (91 days) 298.4; 90 so far, 362 at this pace.
    expect(c.rows.slice(0, 4)).toEqual([
      { month: '2036-01', actual: 30, target: 101.6, projection: null },
      { month: '2036-02', actual: 30, target: 196.7, projection: null },
      { month: '2036-03', actual: 90, target: 298.4, projection: 90 },
      { month: '2036-04', actual: null, target: 396.7, projection: 119.7 },
    ])
    expect(c.rows[11]).toEqual({ month: '2036-12', actual: null, target: 1200, projection: 362 })
    expect(c.actualToDate).toBe(90)
    expect(c.projectedAtEnd).toBe(362)
  })

  it('prefers a quarter to a whole-project target, never a month', () => {
    const c = cumulativeOf({ month, metric: 'actions' })
    expect(c.target).toMatchObject({ id: ids.actionsQuarter, periodKind: 'quarter', value: 30 })
    expect(c.rows).toEqual([
      { month: '2036-01', actual: 1, target: 10.2, projection: null },
      { month: '2036-02', actual: 1, target: 19.8, projection: null },
      { month: '2036-03', actual: 2, target: 30, projection: 2 },
    ])
    expect(c.projectedAtEnd).toBe(2)
  })

  it('counts from the start of a period that began before the window and the year before', () => {
    const c = cumulativeOf({ month, metric: 'engagements' })
    expect(c.target).toMatchObject({ id: ids.engagements, label: null, periodKind: 'reporting_period' })
    expect(c.period).toEqual({ start: '2034-01-01', end: '2036-12-31', label: null })
    expect(c.rows).toHaveLength(36)
    expect(c.rows[1]).toMatchObject({ month: '2034-02', actual: 10 })
    expect(c.actualToDate).toBe(19)
  })

  it('falls back to the reporting period holding the month, without a target line', () => {
    const c = cumulativeOf({ month, metric: 'online_reach' })
    expect(c.target).toBeNull()
    expect(c.period).toEqual({ start: '2036-01-01', end: '2036-12-31', label: 'Okres 12 (2036)' })
    expect(c.rows[2]).toEqual({ month: '2036-03', actual: 900, target: null, projection: 900 })
    expect(c.projectedAtEnd).toBe(3619.8)
  })

  it('falls back to the project, with nothing to date before it starts and no projection after it ends', () => {
    const before = cumulativeOf({ month: '2024-06', metric: 'actions' })
    expect(before.period).toEqual({ start: '2025-01-01', end: '2027-12-31', label: 'Cities in Dialogue' })
    expect(before.rows).toHaveLength(36)
    expect(before.rows.every((r) => r.actual === null && r.projection === null && r.target === null)).toBe(
      true,
    )
    expect(before.actualToDate).toBe(0)
    expect(before.projectedAtEnd).toBeNull()
    const after = cumulativeOf({ month: '2038-06', metric: 'online_reach' })
    const demoReach = sqlite()
      .prepare(
        `select sum(online_reach) as n from actions where status = 'validated' and archived_at is null and month <= '2027-12'`,
      )
      .get() as { n: number }
    expect(after.actualToDate).toBe(demoReach.n)
    expect(after.rows.at(-1)).toEqual({
      month: '2027-12',
      actual: demoReach.n,
      target: null,
      projection: null,
    })
    expect(after.projectedAtEnd).toBeNull()
  })
})

describe('targets a filtered reach view does not compare', () => {
  it('sets the project-wide period target aside when filtered by partner, and says so', () => {
    const filtered = monthlyReach({ month, metric: 'participants', filters: { partner: ids.gdansk } })
    expect(filtered.cumulative.target).toBeNull()
    expect(filtered.cumulative.rows[0].target).toBeNull()
    expect(filtered.cumulativeNotCompared).toEqual({ label: 'Uczestnicy 2036', value: 1200, by: ['partner'] })
    expect(monthlyReach({ month, metric: 'participants' }).cumulativeNotCompared).toBeNull()
    expect(
      monthlyReach({ month, metric: 'online_reach', filters: { partner: ids.gdansk } }).cumulativeNotCompared,
    ).toBeNull()
  })

  it("shows a partner's own target unless another filter narrows the view", () => {
    const target = (filters: object) => {
      const r = monthlyReach({ month, filters })
      return [r.byPartner.find((p) => p.id === ids.gdansk)!.target, r.partnerTargetsNotComparedBy]
    }
    expect(target({})).toEqual([2, []])
    expect(target({ partner: ids.gdansk })).toEqual([2, []])
    expect(target({ channel: ids.linkedin })).toEqual([null, ['channel']])
    expect(target({ partner: ids.gdansk, channel: ids.linkedin })).toEqual([null, ['channel']])
  })
})
