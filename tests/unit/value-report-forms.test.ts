import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { auditLog, valueReports } from '#db/schema'
import {
  MAX_REPORT_MONTHS,
  monthsBetween,
  parseReportQuery,
  reportQuerySchema,
  resolveReportPeriod,
  saveValueReport,
  valueReportFormSchema,
} from '~/models/reports/index.server'
import { ForbiddenError } from '~/utils/permissions'
import { InvalidReferencesError } from '~/utils/references.server'

import { demo } from '../setup/actors'
import { tx } from '../setup/db'

/* The value report's address and form value by value, and what saving the form writes and audits. */

const messages = (result: {
  success: boolean
  error?: { issues: { path: (string | number)[]; message: string }[] }
}) =>
  result.success ? {} : Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]))

describe("the report's address", () => {
  it('counts months both ends included', () => {
    expect(monthsBetween('2026-01', '2026-01')).toBe(1)
    expect(monthsBetween('2025-12', '2026-01')).toBe(2)
    expect(monthsBetween('2017-01', '2026-12')).toBe(MAX_REPORT_MONTHS)
  })

  it('reads months and a language, each with its own message', () => {
    expect(reportQuerySchema.parse({ from: ' 2026-05 ', to: '', lang: 'es' })).toEqual({
      from: '2026-05',
      to: undefined,
      lang: 'es',
    })
    expect(reportQuerySchema.parse({ lang: '' }).lang).toBeUndefined()
    for (const bad of ['2026-13', '2026-00', '26-05', 'x2026-05', '2026-05x', '2026-5'])
      expect(messages(reportQuerySchema.safeParse({ from: bad })), bad).toEqual({
        from: 'reports:errors.month',
      })
    expect(messages(reportQuerySchema.safeParse({ lang: 'pl' }))).toEqual({ lang: 'reports:errors.lang' })
    expect(messages(reportQuerySchema.safeParse({ from: '2026-05', to: '2026-04' }))).toEqual({
      to: 'reports:errors.order',
    })
    expect(reportQuerySchema.safeParse({ from: '2026-05', to: '2026-05' }).success).toBe(true)
    expect(reportQuerySchema.safeParse({ from: '2017-01', to: '2026-12' }).success).toBe(true)
    expect(messages(reportQuerySchema.safeParse({ from: '2016-12', to: '2026-12' }))).toEqual({
      from: 'reports:errors.tooLong',
    })
  })

  it('gives the first message of each field and what was typed, or the query', () => {
    expect(parseReportQuery(new URLSearchParams('from=2026-02&to=2026-04&lang=en'))).toEqual({
      ok: true,
      query: { from: '2026-02', to: '2026-04', lang: 'en' },
    })
    expect(parseReportQuery(new URLSearchParams('from=2026-14&lang=fr'))).toEqual({
      ok: false,
      errors: { from: 'reports:errors.month', lang: 'reports:errors.lang' },
      raw: { from: '2026-14', to: undefined, lang: 'fr' },
    })
  })

  it('fills a lone end from the default period, or reports that one month', () => {
    // The demo project's reporting period holding 2026-05-10 is 2026-01 to 2026-12.
    expect(resolveReportPeriod({ to: '2025-06' }, 'en', '2026-05-10')).toEqual({
      from: '2025-06',
      to: '2025-06',
      lang: 'en',
    })
    expect(resolveReportPeriod({ to: '2026-06' }, 'en', '2026-05-10')).toEqual({
      from: '2026-01',
      to: '2026-06',
      lang: 'en',
    })
    expect(resolveReportPeriod({ from: '2027-03' }, 'es', '2026-05-10')).toEqual({
      from: '2027-03',
      to: '2027-03',
      lang: 'es',
    })
    expect(resolveReportPeriod({ from: '2026-12' }, 'es', '2026-05-10')).toEqual({
      from: '2026-12',
      to: '2026-12',
      lang: 'es',
    })
  })
})

describe("the report's form", () => {
  const base = { from: '2035-01', to: '2035-03', lang: 'en' }

  it('reads the period, the language, the introduction and the outcomes told', () => {
    expect(
      valueReportFormSchema.parse({ ...base, intro: 'Línea 1\r\nΓραμμή 2', outcomeIds: ['4', '9'] }),
    ).toEqual({
      ...base,
      intro: 'Línea 1\nΓραμμή 2',
      outcomeIds: [4, 9],
    })
    expect(valueReportFormSchema.parse(base)).toEqual({ ...base, intro: '', outcomeIds: [] })
    expect(messages(valueReportFormSchema.safeParse({ lang: 'en' }))).toEqual({
      from: 'reports:errors.month',
      to: 'reports:errors.month',
    })
    expect(messages(valueReportFormSchema.safeParse({ ...base, from: '2035' }))).toEqual({
      from: 'reports:errors.month',
    })
    expect(messages(valueReportFormSchema.safeParse({ ...base, to: '2035-13' }))).toEqual({
      to: 'reports:errors.month',
    })
    expect(messages(valueReportFormSchema.safeParse({ ...base, lang: 'eu' }))).toEqual({
      lang: 'reports:errors.lang',
    })
    expect(messages(valueReportFormSchema.safeParse({ ...base, to: '2034-12' }))).toEqual({
      to: 'reports:errors.order',
    })
    expect(messages(valueReportFormSchema.safeParse({ ...base, intro: 'ż'.repeat(20_001) }))).toEqual({
      intro: 'common:errors.tooLong',
    })
    expect(valueReportFormSchema.safeParse({ ...base, intro: 'ż'.repeat(20_000) }).success).toBe(true)
    expect(messages(valueReportFormSchema.safeParse({ ...base, outcomeIds: ['0'] }))).toEqual({
      outcomeIds: 'common:errors.choose',
    })
    const many = Array.from({ length: 501 }, (_, i) => String(i + 1))
    expect(messages(valueReportFormSchema.safeParse({ ...base, outcomeIds: many }))).toEqual({
      outcomeIds: 'common:errors.choose',
    })
    expect(valueReportFormSchema.safeParse({ ...base, outcomeIds: many.slice(0, 500) }).success).toBe(true)
  })

  it('saving creates the period once, then changes only the report language’s introduction, audited field by field', () => {
    const audits = (id: number) =>
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, 'value_report'), eq(auditLog.entityId, id)))
        .orderBy(auditLog.id)
        .all()
    const form = (extra: Record<string, unknown>) => valueReportFormSchema.parse({ ...base, ...extra })
    const comms = demo.comms()
    const id = tx((t) => saveValueReport(t, form({ intro: 'Wstęp po polsku' }), comms))
    expect(audits(id)).toMatchObject([
      {
        action: 'create',
        userId: comms.id,
        summary: '2035-01 – 2035-03',
        after: {
          fromMonth: '2035-01',
          toMonth: '2035-03',
          introEn: 'Wstęp po polsku',
          outcomeIds: [],
          updatedBy: comms.id,
        },
      },
    ])
    const admin = demo.admin()
    expect(tx((t) => saveValueReport(t, form({ lang: 'es', intro: 'Introducción' }), admin))).toBe(id)
    expect(tx((t) => saveValueReport(t, form({ lang: 'en', intro: '   ' }), admin))).toBe(id)
    const row = db.select().from(valueReports).where(eq(valueReports.id, id)).get()!
    expect(row).toMatchObject({ introEn: null, introEs: 'Introducción', updatedBy: admin.id })
    const [, es, en] = audits(id)
    expect(es).toMatchObject({
      action: 'update',
      userId: admin.id,
      summary: '2035-01 – 2035-03',
      before: { introEs: null },
      after: { introEs: 'Introducción' },
    })
    expect(en).toMatchObject({ before: { introEn: 'Wstęp po polsku' }, after: { introEn: null } })
    expect(Object.keys(es!.after!)).toEqual(['introEs'])
  })

  it('refuses a period that ends before it starts, an outcome it may not tell, and anyone but the comms lead and admin', () => {
    const save =
      (input: Record<string, unknown>, who = demo.comms()) =>
      () =>
        tx((t) =>
          saveValueReport(t, { ...base, lang: 'en', intro: '', outcomeIds: [], ...input } as never, who),
        )
    expect(save({ from: '2035-04', to: '2035-03' })).toThrow(InvalidReferencesError)
    expect(save({ outcomeIds: [999_999] })).toThrow(InvalidReferencesError)
    for (const who of [demo.partner(), demo.viewer()]) expect(save({}, who)).toThrow(ForbiddenError)
    expect(db.select().from(valueReports).where(eq(valueReports.fromMonth, '2035-04')).all()).toEqual([])
  })
})
