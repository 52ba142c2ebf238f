import { describe, expect, it } from 'vitest'

import {
  criterionSchema,
  gridCutoffsSchema,
  oneScoreSchema,
  priorityFilterFromUrl,
  priorityFilterSchema,
  rowScoreValue,
  strategySchema,
  thresholdsSchema,
} from '~/models/priorities/schemas'

/** The first issue of a failed parse as [path, message], or 'ok'. */
function issue(result: {
  success: boolean
  error?: { issues: { path: (string | number)[]; message: string }[] }
}) {
  if (result.success) return 'ok'
  const [first] = result.error!.issues
  return [first.path.join('.'), first.message]
}

describe('criterionSchema', () => {
  it('trims the name and description and coerces the weight', () => {
    expect(
      criterionSchema.parse({
        name: '  Wpływ polityczny ',
        description: ' Rada ',
        weight: '2.5',
        gridAxis: 'influence',
      }),
    ).toEqual({ name: 'Wpływ polityczny', description: 'Rada', weight: 2.5, gridAxis: 'influence' })
    expect(criterionSchema.parse({ name: 'Zájem', weight: 1, gridAxis: 'interest' }).gridAxis).toBe(
      'interest',
    )
    expect(criterionSchema.parse({ name: 'Zájem', weight: 100 })).toEqual({ name: 'Zájem', weight: 100 })
  })

  it('requires a name of at most 120 characters', () => {
    expect(issue(criterionSchema.safeParse({ weight: 1 }))).toEqual(['name', 'common:errors.required'])
    expect(issue(criterionSchema.safeParse({ name: '   ', weight: 1 }))).toEqual([
      'name',
      'common:errors.required',
    ])
    expect(issue(criterionSchema.safeParse({ name: 'ł'.repeat(120), weight: 1 }))).toBe('ok')
    expect(issue(criterionSchema.safeParse({ name: 'ł'.repeat(121), weight: 1 }))).toEqual([
      'name',
      'common:errors.tooLong',
    ])
  })

  it('limits the description to 1000 characters', () => {
    expect(issue(criterionSchema.safeParse({ name: 'A', weight: 1, description: 'ș'.repeat(1000) }))).toBe(
      'ok',
    )
    expect(
      issue(criterionSchema.safeParse({ name: 'A', weight: 1, description: ` ${'ș'.repeat(1000)} ` })),
    ).toBe('ok')
    expect(issue(criterionSchema.safeParse({ name: 'A', weight: 1, description: 'ș'.repeat(1001) }))).toEqual(
      ['description', 'common:errors.tooLong'],
    )
  })

  it('takes a weight above 0 up to 100', () => {
    expect(issue(criterionSchema.safeParse({ name: 'A', weight: '0' }))).toEqual([
      'weight',
      'priorities:errors.weight',
    ])
    expect(issue(criterionSchema.safeParse({ name: 'A', weight: '0.01' }))).toBe('ok')
    expect(issue(criterionSchema.safeParse({ name: 'A', weight: '100.5' }))).toEqual([
      'weight',
      'priorities:errors.weight',
    ])
    expect(issue(criterionSchema.safeParse({ name: 'A', weight: 'dwa' }))).toEqual([
      'weight',
      'priorities:errors.weight',
    ])
    expect(issue(criterionSchema.safeParse({ name: 'A', weight: 1, gridAxis: 'reach' }))[0]).toBe('gridAxis')
  })
})

describe('thresholdsSchema', () => {
  it('takes thresholds from 0 to 100 with A not below B', () => {
    expect(thresholdsSchema.parse({ tierA: '100', tierB: '0' })).toEqual({ tierA: 100, tierB: 0 })
    expect(issue(thresholdsSchema.safeParse({ tierA: '100.1', tierB: '10' }))).toEqual([
      'tierA',
      'priorities:errors.threshold',
    ])
    expect(issue(thresholdsSchema.safeParse({ tierA: '-1', tierB: '0' }))).toEqual([
      'tierA',
      'priorities:errors.threshold',
    ])
    expect(issue(thresholdsSchema.safeParse({ tierA: '50', tierB: '-1' }))).toEqual([
      'tierB',
      'priorities:errors.threshold',
    ])
    expect(issue(thresholdsSchema.safeParse({ tierA: '50', tierB: 'czterdzieści' }))).toEqual([
      'tierB',
      'priorities:errors.threshold',
    ])
    expect(issue(thresholdsSchema.safeParse({ tierA: '50', tierB: '101' }))).toEqual([
      'tierB',
      'priorities:errors.threshold',
    ])
    expect(issue(thresholdsSchema.safeParse({ tierA: 'siedemdziesiąt', tierB: '1' }))).toEqual([
      'tierA',
      'priorities:errors.threshold',
    ])
  })

  it('reports A below B on tierA', () => {
    expect(issue(thresholdsSchema.safeParse({ tierA: '40', tierB: '60' }))).toEqual([
      'tierA',
      'priorities:errors.thresholdOrder',
    ])
  })
})

describe('gridCutoffsSchema', () => {
  it('names the cut-off error on its axis', () => {
    expect(gridCutoffsSchema.parse({ influence: '1', interest: '4.9' })).toEqual({
      influence: 1,
      interest: 4.9,
    })
    expect(issue(gridCutoffsSchema.safeParse({ influence: '3', interest: '5' }))).toEqual([
      'interest',
      'crm:errors.cutoff',
    ])
    expect(issue(gridCutoffsSchema.safeParse({ influence: '0.9', interest: '3' }))).toEqual([
      'influence',
      'crm:errors.cutoff',
    ])
    expect(issue(gridCutoffsSchema.safeParse({ influence: 'x', interest: '3' }))).toEqual([
      'influence',
      'crm:errors.cutoff',
    ])
  })
})

describe('priorityFilterSchema and priorityFilterFromUrl', () => {
  it('reads every filter from the URL, trimming the search', () => {
    const url = new URL(
      'http://x/priorities?q=%20%C5%81%C3%B3d%C5%BA%20&category=3&owner=2&stage=engaged&tier=B&quadrant=keep_informed&unscored=on',
    )
    expect(priorityFilterFromUrl(url)).toEqual({
      q: 'Łódź',
      category: 3,
      owner: 2,
      stage: 'engaged',
      tier: 'B',
      quadrant: 'keep_informed',
      unscored: true,
    })
  })

  it('drops empty and invalid values instead of failing', () => {
    const url = new URL(
      `http://x/priorities?q=&category=0&owner=-2&stage=asleep&tier=D&quadrant=everywhere&unscored=no&page=3`,
    )
    expect(priorityFilterFromUrl(url)).toEqual({})
    expect(priorityFilterFromUrl(new URL('http://x/priorities?category=1.5&owner=abc'))).toEqual({})
    expect(priorityFilterFromUrl(new URL(`http://x/p?q=${'a'.repeat(201)}`))).toEqual({})
    expect(priorityFilterFromUrl(new URL(`http://x/p?q=${'a'.repeat(200)}`))).toEqual({ q: 'a'.repeat(200) })
  })

  it('takes 1, true and on as "unscored"', () => {
    for (const v of ['1', 'true', 'on'])
      expect(priorityFilterSchema.parse({ unscored: v })).toEqual({ unscored: true })
  })
})

describe('oneScoreSchema and rowScoreValue', () => {
  const base = { intent: 'one', stakeholderId: '7', criterionId: '2', value: '4' }

  it('parses one score with its reason', () => {
    expect(
      oneScoreSchema.parse({ ...base, rationale: '  Σημαντικός φορέας ', back: '/priorities/score' }),
    ).toEqual({
      intent: 'one',
      stakeholderId: 7,
      criterionId: 2,
      value: 4,
      rationale: 'Σημαντικός φορέας',
      back: '/priorities/score',
    })
  })

  it('refuses values off the 1-5 scale, other intents and too long reasons', () => {
    expect(issue(oneScoreSchema.safeParse({ ...base, value: '0' }))).toEqual([
      'value',
      'priorities:errors.value',
    ])
    expect(issue(oneScoreSchema.safeParse({ ...base, value: '6' }))).toEqual([
      'value',
      'priorities:errors.value',
    ])
    expect(issue(oneScoreSchema.safeParse({ ...base, value: 'pięć' }))).toEqual([
      'value',
      'priorities:errors.value',
    ])
    expect(issue(oneScoreSchema.safeParse({ ...base, value: '1' }))).toBe('ok')
    expect(issue(oneScoreSchema.safeParse({ ...base, value: '5' }))).toBe('ok')
    expect(issue(oneScoreSchema.safeParse({ ...base, value: '2.5' }))[0]).toBe('value')
    expect(issue(oneScoreSchema.safeParse({ ...base, intent: 'row' }))[0]).toBe('intent')
    expect(issue(oneScoreSchema.safeParse({ ...base, stakeholderId: '0' }))[0]).toBe('stakeholderId')
    expect(issue(oneScoreSchema.safeParse({ ...base, criterionId: '-1' }))[0]).toBe('criterionId')
    expect(issue(oneScoreSchema.safeParse({ ...base, rationale: 'ž'.repeat(2000) }))).toBe('ok')
    expect(issue(oneScoreSchema.safeParse({ ...base, rationale: 'ž'.repeat(2001) }))).toEqual([
      'rationale',
      'common:errors.tooLong',
    ])
  })

  it('takes an empty cell or a whole value from 1 to 5', () => {
    expect(rowScoreValue.parse('')).toBe('')
    expect(rowScoreValue.parse('3')).toBe(3)
    for (const bad of ['0', '6', '2.5', 'x']) expect(rowScoreValue.safeParse(bad).success).toBe(false)
  })
})

describe('strategySchema', () => {
  // Built in each test, not at collection, so a broken build fails a test.
  const form = () => strategySchema(['pl', 'el'])

  it('has one message field per working language, trimmed', () => {
    expect(
      form().parse({
        target: 'quadrant:monitor',
        methods: ' Spotkania ',
        message_pl: ' Cześć ',
        message_el: 'Γεια',
      }),
    ).toEqual({ target: 'quadrant:monitor', methods: 'Spotkania', message_pl: 'Cześć', message_el: 'Γεια' })
    expect(form().parse({ target: 'group:12', message_eu: 'Kaixo' })).toEqual({ target: 'group:12' })
  })

  it('takes a quadrant or a group as the target, nothing else', () => {
    for (const q of ['manage_closely', 'keep_satisfied', 'keep_informed', 'monitor'])
      expect(form().safeParse({ target: `quadrant:${q}` }).success).toBe(true)
    for (const bad of ['quadrant:everyone', 'group:', 'group:7x', 'xgroup:7', 'quadrant:monitor '])
      expect(issue(form().safeParse({ target: bad }))).toEqual(['target', 'common:errors.invalid'])
  })

  it('limits the methods to 5000 and each message to 2000 characters', () => {
    expect(
      form().safeParse({ target: 'group:1', methods: 'm'.repeat(5000), message_pl: 'ą'.repeat(2000) })
        .success,
    ).toBe(true)
    expect(issue(form().safeParse({ target: 'group:1', methods: 'm'.repeat(5001) }))).toEqual([
      'methods',
      'common:errors.tooLong',
    ])
    expect(issue(form().safeParse({ target: 'group:1', message_el: 'α'.repeat(2001) }))).toEqual([
      'message_el',
      'common:errors.tooLong',
    ])
  })
})
