import { describe, expect, it } from 'vitest'

import {
  indicatorFormSchema,
  indicatorValueSchema,
  resultIndicatorCounts,
  resultIndicatorMethods,
} from '~/models/outcomes/indicator-schemas'
import {
  outcomeDecisionSchema,
  outcomeFilterSchema,
  outcomeFormSchema,
  outcomeStatuses,
  outcomeStatusTone,
  outcomeTypes,
} from '~/models/outcomes/schemas'

/** Every issue of a failed parse as [path, message], or 'ok'. */
function issues(result: {
  success: boolean
  error?: { issues: { path: (string | number)[]; message: string }[] }
}) {
  if (result.success) return 'ok'
  return result.error!.issues.map((i) => [i.path.join('.'), i.message])
}

const outcome = { type: 'policy_changed', date: '2026-03-31', title: 'Rada Miasta Łodzi przyjęła plan' }
const parsedOutcome = { ...outcome, stakeholderIds: [], actionIds: [], eventIds: [] }
const url = (length: number) => `https://uml.lodz.pl/${'a'.repeat(length - 20)}`

describe('outcomeFormSchema: type, date, title, description', () => {
  it('reads a minimal outcome and trims the texts', () => {
    expect(outcomeFormSchema.parse(outcome)).toEqual(parsedOutcome)
    expect(
      outcomeFormSchema.parse({ ...outcome, title: '  Θεσσαλονίκη  ', description: ' Čeněk Šťastný ' }),
    ).toEqual({ ...parsedOutcome, title: 'Θεσσαλονίκη', description: 'Čeněk Šťastný' })
    expect(outcomeFormSchema.parse({ ...outcome, description: '   ' })).toEqual(parsedOutcome)
  })

  it('takes each outcome type and refuses others', () => {
    for (const type of outcomeTypes) expect(outcomeFormSchema.parse({ ...outcome, type }).type).toBe(type)
    expect(outcomeTypes).toEqual([
      'partnership',
      'practice_adopted',
      'policy_changed',
      'funding',
      'media',
      'network',
    ])
    const { type: _, ...untyped } = outcome
    expect(issues(outcomeFormSchema.safeParse(untyped))).toEqual([['type', 'common:errors.required']])
    expect(issues(outcomeFormSchema.safeParse({ ...outcome, type: 3 }))).toEqual([
      ['type', 'common:errors.choose'],
    ])
    expect(issues(outcomeFormSchema.safeParse({ ...outcome, type: 'grant' }))).toEqual([
      [
        'type',
        "Invalid enum value. Expected 'partnership' | 'practice_adopted' | 'policy_changed' | 'funding' | 'media' | 'network', received 'grant'",
      ],
    ])
  })

  it('requires a real date and a title of at most 300 characters', () => {
    expect(issues(outcomeFormSchema.safeParse({ type: 'media' }))).toEqual([
      ['date', 'common:errors.required'],
      ['title', 'common:errors.required'],
    ])
    expect(issues(outcomeFormSchema.safeParse({ ...outcome, date: '2026-02-29' }))).toEqual([
      ['date', 'common:errors.date'],
    ])
    expect(issues(outcomeFormSchema.safeParse({ ...outcome, title: '  ' }))).toEqual([
      ['title', 'common:errors.required'],
    ])
    expect(issues(outcomeFormSchema.safeParse({ ...outcome, title: 'ș'.repeat(300) }))).toBe('ok')
    expect(issues(outcomeFormSchema.safeParse({ ...outcome, title: 'ș'.repeat(301) }))).toEqual([
      ['title', 'common:errors.tooLong'],
    ])
  })

  it('limits the description to 5000 characters', () => {
    expect(issues(outcomeFormSchema.safeParse({ ...outcome, description: 'ł'.repeat(5000) }))).toBe('ok')
    expect(issues(outcomeFormSchema.safeParse({ ...outcome, description: 'ł'.repeat(5001) }))).toEqual([
      ['description', 'common:errors.tooLong'],
    ])
  })
})

describe('outcomeFormSchema: evidence link, partner and linked records', () => {
  it('takes an optional http(s) link of at most 2000 characters', () => {
    expect(outcomeFormSchema.parse({ ...outcome, evidenceUrl: '' })).toEqual(parsedOutcome)
    for (const link of ['https://gasteiz.eus/Łódź', 'http://thessaloniki.gr', 'HTTPS://TARGUMURES.RO'])
      expect(outcomeFormSchema.parse({ ...outcome, evidenceUrl: ` ${link} ` }).evidenceUrl).toBe(link)
    expect(issues(outcomeFormSchema.safeParse({ ...outcome, evidenceUrl: url(2000) }))).toBe('ok')
    expect(issues(outcomeFormSchema.safeParse({ ...outcome, evidenceUrl: url(2001) }))).toEqual([
      ['evidenceUrl', 'common:errors.tooLong'],
    ])
    for (const link of ['ftp://uml.lodz.pl', 'mailto:rada@uml.lodz.pl', 'ftp://a.pl/?https://b.pl'])
      expect(issues(outcomeFormSchema.safeParse({ ...outcome, evidenceUrl: link })), link).toEqual([
        ['evidenceUrl', 'results:errors.url'],
      ])
    expect(issues(outcomeFormSchema.safeParse({ ...outcome, evidenceUrl: 'uml.lodz.pl' }))).toEqual([
      ['evidenceUrl', 'results:errors.url'],
      ['evidenceUrl', 'results:errors.url'],
    ])
  })

  it('takes an optional partner by positive id', () => {
    expect(outcomeFormSchema.parse({ ...outcome, partnerId: '4' }).partnerId).toBe(4)
    expect(outcomeFormSchema.parse({ ...outcome, partnerId: '' })).toEqual(parsedOutcome)
    expect(issues(outcomeFormSchema.safeParse({ ...outcome, partnerId: '0' }))).toEqual([
      ['partnerId', 'common:errors.choose'],
    ])
  })

  it('links up to 200 stakeholders, actions and events by positive id', () => {
    expect(
      outcomeFormSchema.parse({ ...outcome, stakeholderIds: '3', actionIds: ['5', '6'], eventIds: [] }),
    ).toEqual({ ...parsedOutcome, stakeholderIds: [3], actionIds: [5, 6] })
    const many = Array.from({ length: 200 }, (_, i) => String(i + 1))
    for (const field of ['stakeholderIds', 'actionIds', 'eventIds']) {
      expect(issues(outcomeFormSchema.safeParse({ ...outcome, [field]: many })), field).toBe('ok')
      expect(issues(outcomeFormSchema.safeParse({ ...outcome, [field]: [...many, '201'] })), field).toEqual([
        [field, 'Array must contain at most 200 element(s)'],
      ])
      expect(issues(outcomeFormSchema.safeParse({ ...outcome, [field]: ['2', '0'] })), field).toEqual([
        [`${field}.1`, 'common:errors.choose'],
      ])
    }
  })
})

describe('outcomeFilterSchema and outcomeDecisionSchema', () => {
  it('reads the filters and drops what it cannot use', () => {
    const filter = {
      type: 'media',
      status: 'verified',
      partner: '4',
      from: '2026-01',
      to: '2026-12',
      q: ' Łódź ',
    }
    expect(outcomeFilterSchema.parse(filter)).toEqual({ ...filter, partner: 4, q: 'Łódź' })
    expect(outcomeFilterSchema.parse({})).toEqual({})
    expect(outcomeFilterSchema.parse({ type: '', status: '', partner: '', from: '', to: '', q: '' })).toEqual(
      {},
    )
    expect(
      outcomeFilterSchema.parse({
        type: 'grant',
        status: 'done',
        partner: 'x',
        from: '2026-13',
        to: '2026-1',
        q: 'ł'.repeat(201),
      }),
    ).toEqual({})
    expect(outcomeStatuses).toEqual(['pending', 'verified', 'returned'])
  })

  it('takes months 01 to 12 of a four-digit year as from and to', () => {
    for (const m of ['2026-01', '2026-09', '2026-10', '2026-12'])
      expect(outcomeFilterSchema.parse({ from: m, to: m }), m).toEqual({ from: m, to: m })
    for (const m of ['2026-00', '2026-13', '26-01', '20261-01', 'x2026-01', '2026-01x', '2026-0a', 'abcd-01'])
      expect(outcomeFilterSchema.parse({ from: m, to: m }), m).toEqual({})
  })

  it('takes the four decisions with an optional comment of at most 2000 characters', () => {
    for (const intent of ['verify', 'return', 'archive', 'restore'])
      expect(outcomeDecisionSchema.parse({ intent, comment: ' Dobrze ' })).toEqual({
        intent,
        comment: 'Dobrze',
      })
    expect(outcomeDecisionSchema.parse({ intent: 'verify', comment: '' })).toEqual({ intent: 'verify' })
    expect(issues(outcomeDecisionSchema.safeParse({ intent: 'delete' }))).toEqual([
      [
        'intent',
        "Invalid enum value. Expected 'verify' | 'return' | 'archive' | 'restore', received 'delete'",
      ],
    ])
    expect(issues(outcomeDecisionSchema.safeParse({ intent: 'return', comment: 'ș'.repeat(2000) }))).toBe(
      'ok',
    )
    expect(issues(outcomeDecisionSchema.safeParse({ intent: 'return', comment: 'ș'.repeat(2001) }))).toEqual([
      ['comment', 'common:errors.tooLong'],
    ])
    expect(outcomeStatusTone).toEqual({ pending: 'info', verified: 'ok', returned: 'warn' })
  })
})

const indicator = {
  code: 'RI-1',
  name: 'Polityki zmienione',
  definition: 'Liczba polityk',
  unit: 'polityki',
  method: 'entered',
  counts: 'outcomes',
}
const parsedIndicator = { ...indicator, baselineValue: 0, outcomeTypes: [] }

describe('indicatorFormSchema: code and texts', () => {
  it('reads a minimal indicator with a zero baseline', () => {
    expect(indicatorFormSchema.parse(indicator)).toEqual(parsedIndicator)
    expect(
      indicatorFormSchema.parse({ ...indicator, baselineValue: '', target: '', baselineDate: '' }),
    ).toEqual(parsedIndicator)
  })

  it('requires a code of letters, digits, _ . - of at most 20 characters', () => {
    for (const code of ['ŁÓDŹ', '2026', 'RI_1.a-b', 'Θ'.repeat(20)])
      expect(indicatorFormSchema.parse({ ...indicator, code: ` ${code} ` }).code, code).toBe(code)
    const { code: _, ...uncoded } = indicator
    expect(issues(indicatorFormSchema.safeParse(uncoded))).toEqual([['code', 'common:errors.required']])
    expect(issues(indicatorFormSchema.safeParse({ ...indicator, code: '  ' }))).toEqual([
      ['code', 'common:errors.required'],
      ['code', 'results:errors.code'],
    ])
    expect(issues(indicatorFormSchema.safeParse({ ...indicator, code: 'Θ'.repeat(21) }))).toEqual([
      ['code', 'common:errors.tooLong'],
    ])
    for (const code of ['RI 1', '!RI', 'RI!', 'RI/1'])
      expect(issues(indicatorFormSchema.safeParse({ ...indicator, code })), code).toEqual([
        ['code', 'results:errors.code'],
      ])
  })

  it('requires a name (300), definition (5000) and unit (100); the source (500) is optional', () => {
    const limits = { name: 300, definition: 5000, unit: 100, source: 500 }
    for (const [field, max] of Object.entries(limits)) {
      expect(issues(indicatorFormSchema.safeParse({ ...indicator, [field]: 'ă'.repeat(max) })), field).toBe(
        'ok',
      )
      expect(
        issues(indicatorFormSchema.safeParse({ ...indicator, [field]: 'ă'.repeat(max + 1) })),
        field,
      ).toEqual([[field, 'common:errors.tooLong']])
    }
    expect(
      issues(indicatorFormSchema.safeParse({ ...indicator, name: ' ', definition: ' ', unit: ' ' })),
    ).toEqual([
      ['name', 'common:errors.required'],
      ['definition', 'common:errors.required'],
      ['unit', 'common:errors.required'],
    ])
    expect(indicatorFormSchema.parse({ ...indicator, source: ' Eurostat ' }).source).toBe('Eurostat')
  })
})

describe('indicatorFormSchema: figures, method and types', () => {
  it('takes a baseline and target from 0 to 1 000 000 000', () => {
    expect(
      indicatorFormSchema.parse({
        ...indicator,
        baselineValue: '12.5',
        target: '1000000000',
        baselineDate: '2028-02-29',
      }),
    ).toEqual({ ...parsedIndicator, baselineValue: 12.5, target: 1_000_000_000, baselineDate: '2028-02-29' })
    expect(indicatorFormSchema.parse({ ...indicator, target: '0' }).target).toBe(0)
    expect(
      issues(indicatorFormSchema.safeParse({ ...indicator, baselineValue: '-1', target: '1000000001' })),
    ).toEqual([
      ['baselineValue', 'common:errors.notNegative'],
      ['target', 'results:errors.number'],
    ])
    expect(
      issues(indicatorFormSchema.safeParse({ ...indicator, baselineValue: 'dużo', target: 'x' })),
    ).toEqual([
      ['baselineValue', 'results:errors.number'],
      ['target', 'results:errors.number'],
    ])
    expect(issues(indicatorFormSchema.safeParse({ ...indicator, baselineDate: '2026-02-29' }))).toEqual([
      ['baselineDate', 'common:errors.date'],
    ])
  })

  it('requires a method and what it counts, and takes outcome types', () => {
    expect(resultIndicatorMethods).toEqual(['computed', 'entered'])
    expect(resultIndicatorCounts).toEqual(['organisations', 'outcomes'])
    expect(indicatorFormSchema.parse({ ...indicator, method: 'computed', counts: 'organisations' })).toEqual({
      ...parsedIndicator,
      method: 'computed',
      counts: 'organisations',
    })
    expect(issues(indicatorFormSchema.safeParse({ ...indicator, method: 'guessed', counts: '' }))).toEqual([
      ['method', 'common:errors.choose'],
      ['counts', 'common:errors.choose'],
    ])
    expect(indicatorFormSchema.parse({ ...indicator, outcomeTypes: 'media' }).outcomeTypes).toEqual(['media'])
    expect(indicatorFormSchema.parse({ ...indicator, outcomeTypes: [...outcomeTypes] }).outcomeTypes).toEqual(
      outcomeTypes,
    )
    expect(
      issues(indicatorFormSchema.safeParse({ ...indicator, outcomeTypes: [...outcomeTypes, 'media'] })),
    ).toEqual([['outcomeTypes', 'Array must contain at most 6 element(s)']])
    expect(
      issues(indicatorFormSchema.safeParse({ ...indicator, outcomeTypes: ['media', 'grant'] }))[0],
    ).toEqual([
      'outcomeTypes.1',
      "Invalid enum value. Expected 'partnership' | 'practice_adopted' | 'policy_changed' | 'funding' | 'media' | 'network', received 'grant'",
    ])
  })
})

describe('indicatorValueSchema', () => {
  const value = { date: '2026-06-30', value: '7', note: 'Protokół Rady Miasta' }

  it('reads a value with a note or a link as evidence', () => {
    expect(indicatorValueSchema.parse(value)).toEqual({ ...value, value: 7 })
    expect(
      indicatorValueSchema.parse({
        ...value,
        value: '0',
        note: '',
        evidenceUrl: ' https://vitoria-gasteiz.org ',
      }),
    ).toEqual({
      date: '2026-06-30',
      value: 0,
      evidenceUrl: 'https://vitoria-gasteiz.org',
    })
  })

  it('requires a date and a value from 0 to 1 000 000 000', () => {
    expect(issues(indicatorValueSchema.safeParse({ note: 'x' }))).toEqual([
      ['date', 'common:errors.required'],
      ['value', 'common:errors.required'],
    ])
    expect(issues(indicatorValueSchema.safeParse({ ...value, date: '2026-13-01', value: '' }))).toEqual([
      ['date', 'common:errors.date'],
      ['value', 'common:errors.required'],
    ])
    expect(issues(indicatorValueSchema.safeParse({ ...value, value: '-0.5' }))).toEqual([
      ['value', 'common:errors.notNegative'],
    ])
    expect(issues(indicatorValueSchema.safeParse({ ...value, value: '1000000001' }))).toEqual([
      ['value', 'results:errors.number'],
    ])
  })

  it('requires a note (2000) or an http(s) link (2000) as evidence', () => {
    expect(issues(indicatorValueSchema.safeParse({ ...value, note: '  ' }))).toEqual([
      ['note', 'results:errors.evidenceNeeded'],
    ])
    expect(issues(indicatorValueSchema.safeParse({ ...value, note: 'ł'.repeat(2001) }))).toEqual([
      ['note', 'common:errors.tooLong'],
    ])
    expect(
      issues(indicatorValueSchema.safeParse({ ...value, note: 'ł'.repeat(2000), evidenceUrl: url(2000) })),
    ).toBe('ok')
    expect(issues(indicatorValueSchema.safeParse({ ...value, evidenceUrl: url(2001) }))).toEqual([
      ['evidenceUrl', 'common:errors.tooLong'],
    ])
    for (const link of ['ftp://uml.lodz.pl', 'ftp://a.pl/?https://b.pl'])
      expect(issues(indicatorValueSchema.safeParse({ ...value, evidenceUrl: link })), link).toEqual([
        ['evidenceUrl', 'results:errors.url'],
      ])
    expect(indicatorValueSchema.parse({ ...value, evidenceUrl: 'HTTP://LODZ.PL' }).evidenceUrl).toBe(
      'HTTP://LODZ.PL',
    )
  })
})
