import { describe, expect, it } from 'vitest'

import { dashboardFilterSchema, filtersFrom, parseDashboardParams } from '~/models/dashboards/filters'
import { actionsLink } from '~/models/dashboards/links'
import {
  addMonths,
  daysBetween,
  firstDay,
  lastCompleteMonth,
  lastDay,
  monthRange,
  proratedTarget,
  round1,
} from '~/models/dashboards/months'

/*
 * The dashboards' pure pieces (issue 18, point 3): month arithmetic across year ends and leap
 * years, prorated targets at their edges, the URL parameters (anything invalid falls back to its
 * default) and the link to the actions behind a figure.
 */

describe('dashboard months', () => {
  it('adds and subtracts months across year ends', () => {
    expect(addMonths('2025-01', 0)).toBe('2025-01')
    expect(addMonths('2025-11', 1)).toBe('2025-12')
    expect(addMonths('2025-12', 1)).toBe('2026-01')
    expect(addMonths('2025-01', -1)).toBe('2024-12')
    expect(addMonths('2025-03', 23)).toBe('2027-02')
    expect(addMonths('2025-03', -27)).toBe('2022-12')
  })

  it('lists the months of a range, both ends included', () => {
    expect(monthRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02'])
    expect(monthRange('2025-02', '2025-02')).toEqual(['2025-02'])
    expect(monthRange('2025-03', '2025-02')).toEqual([])
  })

  it('first and last day, leap years included; days between, both ends counted', () => {
    expect(firstDay('2025-07')).toBe('2025-07-01')
    expect(lastDay('2024-02')).toBe('2024-02-29')
    expect(lastDay('2025-02')).toBe('2025-02-28')
    expect(lastDay('2025-04')).toBe('2025-04-30')
    expect(lastDay('2025-12')).toBe('2025-12-31')
    expect(daysBetween('2025-03-01', '2025-03-01')).toBe(1)
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(30)
    // Across the switch to summer time: whole days, UTC.
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(3)
    expect(daysBetween('2025-01-01', '2025-12-31')).toBe(365)
  })

  it('the last complete month before a day', () => {
    expect(lastCompleteMonth('2025-01-15')).toBe('2024-12')
    expect(lastCompleteMonth('2025-03-01')).toBe('2025-02')
    expect(lastCompleteMonth()).toBe(addMonths(new Date().toISOString().slice(0, 7), -1))
  })

  it('prorates a target to the days of its period inside the range', () => {
    const target = { value: 300, periodStart: '2025-01-01', periodEnd: '2025-01-30' }
    expect(proratedTarget(target, '2025-01-01', '2025-01-30')).toBe(300)
    expect(proratedTarget(target, '2024-12-01', '2025-12-31')).toBe(300)
    expect(proratedTarget(target, '2025-01-11', '2025-01-20')).toBe(100)
    expect(proratedTarget(target, '2024-12-01', '2025-01-01')).toBe(10)
    expect(proratedTarget(target, '2025-01-30', '2025-03-01')).toBe(10)
    expect(proratedTarget(target, '2025-01-31', '2025-03-01')).toBe(0)
    expect(proratedTarget(target, '2024-11-01', '2024-12-31')).toBe(0)
  })

  it('rounds to one decimal, halves up', () => {
    expect(round1(2.25)).toBe(2.3)
    expect(round1(2.24)).toBe(2.2)
    expect(round1(7)).toBe(7)
  })
})

describe('dashboard URL parameters', () => {
  it('reads every parameter it knows', () => {
    expect(
      parseDashboardParams(
        'month=2025-05&months=24&stack=type&metric=online_reach&partner=2&channel=3&type=4&category=5&validated=0&since=36&group=6',
      ),
    ).toEqual({
      month: '2025-05',
      months: 24,
      stack: 'type',
      metric: 'online_reach',
      partner: 2,
      channel: 3,
      type: 4,
      category: 5,
      validated: '0',
      since: 36,
      group: 6,
    })
    expect(
      parseDashboardParams(new URLSearchParams('months=12&stack=channel&validated=1&since=1')),
    ).toMatchObject({
      months: 12,
      stack: 'channel',
      validated: '1',
      since: 1,
    })
  })

  it('drops what it does not know, whatever it is', () => {
    const dropped = parseDashboardParams(
      "month=2025-13&months=6&stack=partner&metric=likes&partner=-1&channel=1.5&type=x&category=0&validated=2&since=37&group=1'--",
    )
    expect(Object.values(dropped).every((v) => v === undefined)).toBe(true)
    expect(Object.keys(dropped).sort()).toEqual(
      [
        'category',
        'channel',
        'group',
        'metric',
        'month',
        'months',
        'partner',
        'since',
        'stack',
        'type',
        'validated',
      ].sort(),
    )
    for (const month of ['2025-5', 'x2025-05', '2025-05x', '2025-00', '202-05'])
      expect(parseDashboardParams(`month=${month}`).month).toBeUndefined()
    expect(parseDashboardParams('since=0').since).toBeUndefined()
    expect(parseDashboardParams('since=2.5').since).toBeUndefined()
    expect(parseDashboardParams('month=&partner=').month).toBeUndefined()
    expect(dashboardFilterSchema.parse({ partner: null, since: '' })).toMatchObject({ partner: undefined })
  })

  it('validated actions only unless asked for submitted ones too', () => {
    expect(filtersFrom(parseDashboardParams('partner=2&channel=3&type=4&category=5'))).toEqual({
      partner: 2,
      channel: 3,
      type: 4,
      category: 5,
      validatedOnly: true,
    })
    expect(filtersFrom(parseDashboardParams('validated=0')).validatedOnly).toBe(false)
    expect(filtersFrom(parseDashboardParams('validated=1')).validatedOnly).toBe(true)
  })
})

describe('the link to the actions behind a figure', () => {
  it('carries the filters and the months as days, validated unless the dashboard is not', () => {
    expect(actionsLink({ partner: 2, channel: 3, type: 4, validatedOnly: true }, '2024-02', '2024-02')).toBe(
      '/actions?partner=2&channel=3&type=4&from=2024-02-01&to=2024-02-29&status=validated',
    )
    expect(actionsLink({}, '2025-01', '2025-03')).toBe(
      '/actions?from=2025-01-01&to=2025-03-31&status=validated',
    )
    expect(actionsLink({ validatedOnly: false }, '2025-01', '2025-01')).toBe(
      '/actions?from=2025-01-01&to=2025-01-31',
    )
  })

  it('a figure’s own partner, channel, type or language wins over the filter', () => {
    expect(
      actionsLink({ partner: 2, channel: 3, type: 4, validatedOnly: true }, '2025-01', '2025-01', {
        partner: 7,
        channel: 8,
        type: '',
        language: 'eu',
      }),
    ).toBe('/actions?partner=7&channel=8&language=eu&from=2025-01-01&to=2025-01-31&status=validated')
  })
})
