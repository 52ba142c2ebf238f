import { describe, expect, it } from 'vitest'
import { type z } from 'zod'

import {
  checkbox,
  emptyToUndefined,
  filterArchived,
  filterDate,
  filterId,
  filterSearch,
  isRealDate,
  optionalCount,
  optionalId,
  optionalText,
  requiredDate,
  requiredTitle,
  toArray,
} from '~/models/plan/form-fields'
import {
  activityFilterSchema,
  activityFormSchema,
  groupFormSchema,
  indicatorInputs,
  mappingFormSchema,
  metricBreakdowns,
  splitFacet,
  strategyFormSchema,
  targetFormSchema,
} from '~/models/plan/schemas'

/** The plan's form schemas: what they accept, and which message on which field they refuse with. */
function issues(schema: z.ZodTypeAny, input: unknown) {
  const result = schema.safeParse(input)
  if (result.success) return {}
  const out: Record<string, string[]> = {}
  for (const i of result.error.issues) (out[i.path.join('.')] ??= []).push(i.message)
  return out
}

describe('field helpers', () => {
  it('reads blanks as nothing and real calendar days only', () => {
    expect(emptyToUndefined('  ')).toBeUndefined()
    expect(emptyToUndefined(' Łódź ')).toBe(' Łódź ')
    expect(emptyToUndefined(0)).toBe(0)
    expect(isRealDate('2028-02-29')).toBe(true)
    expect(isRealDate('2027-02-29')).toBe(false)
    expect(isRealDate('2031-04-31')).toBe(false)
    expect(isRealDate('2031-01-32')).toBe(false)
    expect(isRealDate('2031-1-05')).toBe(false)
    expect(isRealDate('x2031-01-05')).toBe(false)
    expect(issues(requiredDate, undefined)).toEqual({ '': ['common:errors.required'] })
    expect(issues(requiredDate, '2031-02-30')).toEqual({ '': ['common:errors.date'] })
  })

  it('trims titles and texts, with their messages', () => {
    const title = requiredTitle(5)
    expect(title.parse('  Łódź ')).toBe('Łódź')
    expect(issues(title, undefined)).toEqual({ '': ['common:errors.required'] })
    expect(issues(title, '   ')).toEqual({ '': ['common:errors.required'] })
    expect(issues(title, 'Gdańsk')).toEqual({ '': ['common:errors.tooLong'] })
    const text = optionalText(5)
    expect(text.parse('')).toBeUndefined()
    expect(text.parse(' Βόλος ')).toBe('Βόλος')
    expect(issues(text, 'Θεσσαλονίκη')).toEqual({ '': ['common:errors.tooLong'] })
  })

  it('ids, counts and checkboxes', () => {
    expect(optionalId.parse('7')).toBe(7)
    expect(optionalId.parse('')).toBeUndefined()
    expect(issues(optionalId, '0')).toEqual({ '': ['common:errors.choose'] })
    expect(optionalCount.parse('0')).toBe(0)
    expect(optionalCount.parse(' ')).toBeUndefined()
    expect(optionalCount.parse('10000000')).toBe(10_000_000)
    expect(issues(optionalCount, '10000001')).toEqual({ '': [expect.any(String)] })
    expect(issues(optionalCount, '1.5')).toEqual({ '': ['common:errors.wholeNumber'] })
    expect(issues(optionalCount, 'dużo')).toEqual({ '': ['common:errors.wholeNumber'] })
    expect(issues(optionalCount, '-1')).toEqual({ '': ['common:errors.notNegative'] })
    expect(['on', 'true', '1', true, 'off', '0', undefined].map((v) => checkbox.parse(v))).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ])
    expect([undefined, null, 'a', ['a', 'b']].map(toArray)).toEqual([[], [], ['a'], ['a', 'b']])
  })

  it('list filters drop what they cannot use', () => {
    expect(filterId.parse('x')).toBeUndefined()
    expect(filterId.parse('-3')).toBeUndefined()
    expect(filterId.parse('3')).toBe(3)
    expect(filterDate.parse('2031-05-06')).toBe('2031-05-06')
    expect(filterDate.parse('6.5.2031')).toBeUndefined()
    expect(filterDate.parse('x2031-05-06')).toBeUndefined()
    expect(filterDate.parse('2031-05-06x')).toBeUndefined()
    expect(filterSearch.parse('  Târgu Mureș ')).toBe('Târgu Mureș')
    expect(filterSearch.parse('x'.repeat(201))).toBeUndefined()
    expect(filterArchived.parse('1')).toBe('1')
    expect(filterArchived.parse('yes')).toBeUndefined()
  })
})

describe('splitFacet', () => {
  it('splits "<breakdown>:<value>" and refuses anything else', () => {
    expect(splitFacet('partner:7')).toEqual(['partner', '7'])
    expect(splitFacet('language:pl')).toEqual(['language', 'pl'])
    expect(splitFacet('tier:A:B')).toEqual(['tier', 'A:B'])
    for (const bad of [null, undefined, '', 'partner', 'partner:', ':7', 'city:7'])
      expect(splitFacet(bad)).toEqual([null, null])
  })
})

describe('targetFormSchema', () => {
  const base = { metric: 'actions', periodKind: 'project', value: '10' }

  it('parses a target with its period and facet', () => {
    expect(
      targetFormSchema.parse({
        ...base,
        label: ' Łódź ',
        periodKind: 'month',
        month: '2026-12',
        facet: 'tier:A',
      }),
    ).toEqual({
      label: 'Łódź',
      metric: 'actions',
      periodKind: 'month',
      month: '2026-12',
      facet: 'tier:A',
      value: 10,
    })
    expect(
      targetFormSchema.parse({ ...base, periodKind: 'reporting_period', reportingPeriod: '0' }),
    ).toMatchObject({
      reportingPeriod: 0,
    })
  })

  it('names the field and the message of each refusal', () => {
    expect(issues(targetFormSchema, { value: '1' })).toEqual({
      metric: ['common:errors.required'],
      periodKind: ['common:errors.required'],
    })
    expect(issues(targetFormSchema, { ...base, metric: 3, periodKind: true })).toEqual({
      metric: ['common:errors.choose'],
      periodKind: ['common:errors.choose'],
    })
    // A value outside the list (no select sends one) gets zod's own message.
    expect(Object.keys(issues(targetFormSchema, { ...base, metric: 'likes', periodKind: 'week' }))).toEqual([
      'metric',
      'periodKind',
    ])
    // z.coerce reads a missing figure as NaN: an invalid number, never a missing one.
    expect(issues(targetFormSchema, { ...base, value: undefined })).toEqual({
      value: ['common:errors.invalid'],
    })
    expect(issues(targetFormSchema, { ...base, value: 'dużo' })).toEqual({ value: ['common:errors.invalid'] })
    expect(issues(targetFormSchema, { ...base, value: '-1' })).toEqual({
      value: ['common:errors.notNegative'],
    })
    expect(issues(targetFormSchema, { ...base, value: '1000000000001' })).toEqual({
      value: ['common:errors.invalid'],
    })
    expect(targetFormSchema.parse({ ...base, value: '1000000000000' }).value).toBe(1e12)
    expect(issues(targetFormSchema, { ...base, periodKind: 'month', month: '2026-13' })).toEqual({
      month: ['plan:targets.errors.month'],
    })
    expect(issues(targetFormSchema, { ...base, periodKind: 'month' })).toEqual({
      month: ['plan:targets.errors.month'],
    })
    expect(issues(targetFormSchema, { ...base, periodKind: 'quarter', quarter: '2026-Q5' })).toEqual({
      quarter: ['plan:targets.errors.quarter'],
    })
    expect(issues(targetFormSchema, { ...base, periodKind: 'quarter' })).toEqual({
      quarter: ['plan:targets.errors.quarter'],
    })
    expect(issues(targetFormSchema, { ...base, periodKind: 'quarter', quarter: '2026-Q4' })).toEqual({})
    // Whole values only: nothing before or after a month or a quarter (which also makes it too long).
    expect(issues(targetFormSchema, { ...base, periodKind: 'month', month: '2026-00' })).toEqual({
      month: ['plan:targets.errors.month'],
    })
    for (const month of ['x2026-12', '2026-12x'])
      expect(issues(targetFormSchema, { ...base, periodKind: 'month', month })).toEqual({
        month: ['common:errors.tooLong', 'plan:targets.errors.month'],
      })
    for (const quarter of ['x2026-Q1', '2026-Q1x'])
      expect(issues(targetFormSchema, { ...base, periodKind: 'quarter', quarter })).toEqual({
        quarter: ['common:errors.tooLong', 'plan:targets.errors.quarter'],
      })
    expect(
      targetFormSchema.parse({ ...base, periodKind: 'reporting_period', reportingPeriod: '2' }),
    ).toMatchObject({
      reportingPeriod: 2,
    })
    expect(issues(targetFormSchema, { ...base, periodKind: 'reporting_period' })).toEqual({
      reportingPeriod: ['plan:targets.errors.reportingPeriod'],
    })
    expect(issues(targetFormSchema, { ...base, facet: 'city:7' })).toEqual({
      facet: ['common:errors.choose'],
    })
    expect(issues(targetFormSchema, { ...base, metric: 'funded_project_links', facet: 'channel:1' })).toEqual(
      {
        facet: ['plan:targets.errors.facetMetric'],
      },
    )
    expect(issues(targetFormSchema, { ...base, metric: 'funded_project_links', facet: 'tier:A' })).toEqual({})
  })

  it('a share is at most 100%, any other figure may be more', () => {
    expect(issues(targetFormSchema, { ...base, metric: 'group_share_reached', value: '101' })).toEqual({
      value: ['plan:targets.errors.percentage'],
    })
    expect(issues(targetFormSchema, { ...base, metric: 'group_share_reached', value: '100' })).toEqual({})
    expect(issues(targetFormSchema, { ...base, value: '101' })).toEqual({})
  })
})

describe('the other plan forms', () => {
  it('activity form and filter', () => {
    expect(issues(activityFormSchema, { title: '', dueDate: '2026-02-30', phase: 2 })).toEqual({
      title: ['common:errors.required'],
      dueDate: ['common:errors.date'],
      phase: ['common:errors.choose'],
    })
    expect(
      activityFormSchema.parse({ title: 'Łódź', dueDate: '2026-02-28', phase: '', partnerId: '7' }),
    ).toEqual({
      title: 'Łódź',
      dueDate: '2026-02-28',
      partnerId: 7,
    })
    expect(activityFilterSchema.parse({ state: 'overdue', partner: 'x', archived: '1' })).toEqual({
      state: 'overdue',
      archived: '1',
    })
    expect(activityFilterSchema.parse({ state: 'lost' }).state).toBeUndefined()
  })

  it('group form', () => {
    expect(
      groupFormSchema.parse({
        name: 'Gasteizko Udala',
        country: ' pl ',
        owner: 'none',
        tier: 'none',
        category: '2',
      }),
    ).toEqual({ name: 'Gasteizko Udala', country: 'PL', owner: 'none', tier: 'none', category: 2 })
    expect(groupFormSchema.parse({ name: 'x', owner: '7', theme: '', scale: '' })).toEqual({
      name: 'x',
      owner: 7,
    })
    expect(
      issues(groupFormSchema, { name: 'x', country: 'POL', tier: 'D', stage: 'won', scale: 'cosmic' }),
    ).toEqual({
      country: ['plan:groups.errors.country'],
      tier: [expect.any(String)],
      stage: [expect.any(String)],
      scale: [expect.any(String)],
    })
  })

  it('strategy and mapping forms', () => {
    expect(strategyFormSchema.parse({})).toEqual({ messages: {} })
    expect(strategyFormSchema.parse({ methods: '', messages: { pl: ' Cześć ', el: '' } })).toEqual({
      messages: { pl: 'Cześć' },
    })
    expect(
      mappingFormSchema.parse({ indicator: 'RCO81', eventKinds: 'webinar', typeIds: ['2', '3'] }),
    ).toEqual({
      indicator: 'RCO81',
      eventKinds: ['webinar'],
      typeIds: [2, 3],
    })
    expect(mappingFormSchema.parse({ indicator: 'RCO87' })).toEqual({
      indicator: 'RCO87',
      eventKinds: [],
      typeIds: [],
    })
    expect(issues(mappingFormSchema, { indicator: 'RCO1', typeIds: '0' })).toEqual({
      indicator: [expect.any(String)],
      'typeIds.0': [expect.any(String)],
    })
  })

  it('the lists: breakdowns per metric and the inputs of each indicator', () => {
    expect(metricBreakdowns.new_stakeholders_engaged).toEqual(['partner', 'category', 'group', 'tier'])
    expect(metricBreakdowns.funded_project_links).toEqual(['partner', 'category', 'group', 'tier'])
    expect(metricBreakdowns.actions).toEqual([
      'partner',
      'type',
      'channel',
      'category',
      'group',
      'tier',
      'language',
    ])
    expect(indicatorInputs).toEqual({
      RCO115: { eventKinds: true, actionTypes: false },
      RCO81: { eventKinds: true, actionTypes: true },
      RCO87: { eventKinds: false, actionTypes: false },
    })
  })
})
