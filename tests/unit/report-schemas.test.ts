import { describe, expect, it } from 'vitest'

import {
  MAX_REPORT_MONTHS,
  monthsBetween,
  parseReportQuery,
  reportLangs,
  reportQuerySchema,
  valueReportFormSchema,
} from '~/models/reports/schemas'

/** Every issue of a failed parse as [path, message], or 'ok'. */
function issues(result: {
  success: boolean
  error?: { issues: { path: (string | number)[]; message: string }[] }
}) {
  if (result.success) return 'ok'
  return result.error!.issues.map((i) => [i.path.join('.'), i.message])
}

const validMonths = ['2026-01', '2026-09', '2026-10', '2026-12', '1999-05']
const wrongMonths = [
  '2026-00',
  '2026-13',
  '2026-1',
  '2026-001',
  '26-01',
  '20261-01',
  'x2026-01',
  '2026-01x',
  '2026/01',
  'abcd-01',
  '2026-0a',
  'maj 2026',
]

describe('monthsBetween and the cap', () => {
  it('counts the months from one to the other, both included', () => {
    expect(monthsBetween('2026-03', '2026-03')).toBe(1)
    expect(monthsBetween('2025-12', '2026-01')).toBe(2)
    expect(monthsBetween('2024-11', '2026-02')).toBe(16)
    expect(monthsBetween('2016-01', '2025-12')).toBe(120)
    expect(monthsBetween('2026-03', '2026-01')).toBe(-1)
  })

  it('caps a report at ten years, in English or Spanish', () => {
    expect(MAX_REPORT_MONTHS).toBe(120)
    expect(reportLangs).toEqual(['en', 'es'])
  })
})

describe('reportQuerySchema', () => {
  it('leaves every part out when it is missing or blank, and trims a month', () => {
    expect(reportQuerySchema.parse({})).toEqual({})
    expect(reportQuerySchema.parse({ from: '', to: '  ', lang: '' })).toEqual({})
    expect(reportQuerySchema.parse({ from: ' 2026-03 ', to: '2026-05\t', lang: 'es' })).toEqual({
      from: '2026-03',
      to: '2026-05',
      lang: 'es',
    })
    expect(reportQuerySchema.parse({ from: '2026-03' })).toEqual({ from: '2026-03' })
    expect(reportQuerySchema.parse({ to: '2026-03' })).toEqual({ to: '2026-03' })
  })

  it('takes months 01 to 12 of a four-digit year and nothing else', () => {
    for (const m of validMonths) expect(issues(reportQuerySchema.safeParse({ from: m })), m).toBe('ok')
    for (const m of wrongMonths) {
      expect(issues(reportQuerySchema.safeParse({ from: m })), m).toEqual([['from', 'reports:errors.month']])
      expect(issues(reportQuerySchema.safeParse({ to: m })), m).toEqual([['to', 'reports:errors.month']])
    }
  })

  it('takes the report languages only', () => {
    expect(reportQuerySchema.parse({ lang: 'en' })).toEqual({ lang: 'en' })
    expect(issues(reportQuerySchema.safeParse({ lang: 'pl' }))).toEqual([['lang', 'reports:errors.lang']])
    expect(issues(reportQuerySchema.safeParse({ lang: 'EN' }))).toEqual([['lang', 'reports:errors.lang']])
  })

  it('refuses an end before the start, on the end', () => {
    expect(issues(reportQuerySchema.safeParse({ from: '2026-05', to: '2026-05' }))).toBe('ok')
    expect(issues(reportQuerySchema.safeParse({ from: '2026-05', to: '2026-04' }))).toEqual([
      ['to', 'reports:errors.order'],
    ])
    expect(issues(reportQuerySchema.safeParse({ from: '2026-01', to: '2025-12' }))).toEqual([
      ['to', 'reports:errors.order'],
    ])
  })

  it('refuses more than 120 months, on the start', () => {
    expect(issues(reportQuerySchema.safeParse({ from: '2016-01', to: '2025-12' }))).toBe('ok')
    expect(issues(reportQuerySchema.safeParse({ from: '2016-01', to: '2026-01' }))).toEqual([
      ['from', 'reports:errors.tooLong'],
    ])
    expect(issues(reportQuerySchema.safeParse({ from: '1990-06', to: '2026-01' }))).toEqual([
      ['from', 'reports:errors.tooLong'],
    ])
  })
})

describe('parseReportQuery', () => {
  it('returns the parsed query', () => {
    expect(parseReportQuery(new URLSearchParams('from=2026-01&to=2026-06&lang=es'))).toEqual({
      ok: true,
      query: { from: '2026-01', to: '2026-06', lang: 'es' },
    })
    expect(parseReportQuery(new URLSearchParams(''))).toEqual({ ok: true, query: {} })
  })

  it('returns the first error of each field and what was typed', () => {
    expect(parseReportQuery(new URLSearchParams('from=2026-13&lang=pl'))).toEqual({
      ok: false,
      errors: { from: 'reports:errors.month', lang: 'reports:errors.lang' },
      raw: { from: '2026-13', to: undefined, lang: 'pl' },
    })
    // 2010-00 is no month, and 2010-00..2026-01 is also too long: the field shows the first error.
    expect(parseReportQuery(new URLSearchParams('from=2010-00&to=2026-01'))).toEqual({
      ok: false,
      errors: { from: 'reports:errors.month' },
      raw: { from: '2010-00', to: '2026-01', lang: undefined },
    })
    expect(parseReportQuery(new URLSearchParams('from=2026-04&to=2026-02&lang=en'))).toEqual({
      ok: false,
      errors: { to: 'reports:errors.order' },
      raw: { from: '2026-04', to: '2026-02', lang: 'en' },
    })
  })
})

const form = { from: '2026-01', to: '2026-03', lang: 'es' }

describe('valueReportFormSchema: period and language', () => {
  it('reads the period, language, introduction and outcomes', () => {
    expect(
      valueReportFormSchema.parse({ ...form, intro: 'Gasteizko Udala\r\nŁódź\r\n', outcomeIds: ['3', '7'] }),
    ).toEqual({ ...form, intro: 'Gasteizko Udala\nŁódź\n', outcomeIds: [3, 7] })
    expect(valueReportFormSchema.parse(form)).toEqual({ ...form, intro: '', outcomeIds: [] })
  })

  it('requires both months and the language', () => {
    expect(issues(valueReportFormSchema.safeParse({}))).toEqual([
      ['from', 'reports:errors.month'],
      ['to', 'reports:errors.month'],
      ['lang', 'reports:errors.lang'],
    ])
    expect(issues(valueReportFormSchema.safeParse({ ...form, from: ' 2026-01' }))).toEqual([
      ['from', 'reports:errors.month'],
    ])
    for (const m of wrongMonths)
      expect(issues(valueReportFormSchema.safeParse({ ...form, from: '2025-01', to: m })), m).toEqual([
        ['to', 'reports:errors.month'],
      ])
    for (const m of validMonths)
      expect(issues(valueReportFormSchema.safeParse({ ...form, from: m, to: m })), m).toBe('ok')
    expect(issues(valueReportFormSchema.safeParse({ ...form, lang: 'el' }))).toEqual([
      ['lang', 'reports:errors.lang'],
    ])
  })

  it('refuses an end before the start, on the end', () => {
    expect(issues(valueReportFormSchema.safeParse({ ...form, to: '2026-01' }))).toBe('ok')
    expect(issues(valueReportFormSchema.safeParse({ ...form, to: '2025-12' }))).toEqual([
      ['to', 'reports:errors.order'],
    ])
  })
})

describe('valueReportFormSchema: introduction and outcomes', () => {
  it('limits the introduction to 20 000 characters, a Windows line break counting as one', () => {
    expect(issues(valueReportFormSchema.safeParse({ ...form, intro: 'ł'.repeat(20_000) }))).toBe('ok')
    expect(issues(valueReportFormSchema.safeParse({ ...form, intro: 'ł'.repeat(20_001) }))).toEqual([
      ['intro', 'common:errors.tooLong'],
    ])
    const lines = valueReportFormSchema.parse({ ...form, intro: 'ș\r\n'.repeat(7000) })
    expect(lines.intro).toBe('ș\n'.repeat(7000))
  })

  it('takes up to 500 outcomes by positive id', () => {
    expect(valueReportFormSchema.parse({ ...form, outcomeIds: '12' }).outcomeIds).toEqual([12])
    const many = Array.from({ length: 500 }, (_, i) => String(i + 1))
    expect(valueReportFormSchema.parse({ ...form, outcomeIds: many }).outcomeIds).toHaveLength(500)
    expect(issues(valueReportFormSchema.safeParse({ ...form, outcomeIds: [...many, '501'] }))).toEqual([
      ['outcomeIds', 'common:errors.choose'],
    ])
    expect(issues(valueReportFormSchema.safeParse({ ...form, outcomeIds: ['4', '0', '-2'] }))).toEqual([
      ['outcomeIds.1', 'common:errors.choose'],
      ['outcomeIds.2', 'common:errors.choose'],
    ])
    expect(issues(valueReportFormSchema.safeParse({ ...form, outcomeIds: ['abc', '1.5'] }))).toEqual([
      ['outcomeIds.0', 'Expected number, received nan'],
      ['outcomeIds.1', 'Expected integer, received float'],
    ])
  })
})
