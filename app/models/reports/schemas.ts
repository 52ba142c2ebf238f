import { z } from 'zod'

import { emptyToUndefined, toArray } from '../plan/form-fields'

/** The value report's address and its editing form, shared by the server and the browser. No database imports. */

export const reportLangs = ['en', 'es'] as const
export type ReportLang = (typeof reportLangs)[number]

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/
/** The longest period one report covers (ten years): anything longer is a mistyped year. */
export const MAX_REPORT_MONTHS = 120

/** Months from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string) {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7))
  return index(to) - index(from) + 1
}

const month = z.preprocess(
  emptyToUndefined,
  z.string().trim().regex(monthPattern, 'reports:errors.month').optional(),
)

/** `?from=YYYY-MM&to=YYYY-MM&lang=en|es`: each may be left out (defaults), none may be wrong. */
export const reportQuerySchema = z
  .object({
    from: month,
    to: month,
    lang: z.preprocess(
      emptyToUndefined,
      z.enum(reportLangs, { errorMap: () => ({ message: 'reports:errors.lang' }) }).optional(),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.to < v.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'reports:errors.order' })
    else if (v.from && v.to && monthsBetween(v.from, v.to) > MAX_REPORT_MONTHS)
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'reports:errors.tooLong' })
  })
export type ReportQuery = z.infer<typeof reportQuerySchema>

/** A resolved report period: months YYYY-MM, both included, and the report's language. */
export type ReportPeriod = { from: string; to: string; lang: ReportLang }

/** The comms lead's choices for a period: the introduction (in the report's language) and the outcomes told. */
export const valueReportFormSchema = z
  .object({
  from: z.string({ required_error: 'reports:errors.month' }).regex(monthPattern, 'reports:errors.month'),
  to: z.string({ required_error: 'reports:errors.month' }).regex(monthPattern, 'reports:errors.month'),
  lang: z.enum(reportLangs, { errorMap: () => ({ message: 'reports:errors.lang' }) }),
  intro: z.preprocess(
    (v) => (typeof v === 'string' ? v.replace(/\r\n/g, '\n') : v),
    z.string().max(20_000, 'common:errors.tooLong').default(''),
  ),
  outcomeIds: z.preprocess(
    toArray,
    z.array(z.coerce.number().int().positive('common:errors.choose')).max(500, 'common:errors.choose'),
  ),
})
  .superRefine((v, ctx) => {
    if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'reports:errors.order' })
  })
export type ValueReportForm = z.infer<typeof valueReportFormSchema>

/** Reads the query's first error key (for the message next to the field), or the parsed query. */
export function parseReportQuery(search: URLSearchParams) {
  const raw = {
    from: search.get('from') ?? undefined,
    to: search.get('to') ?? undefined,
    lang: search.get('lang') ?? undefined,
  }
  const parsed = reportQuerySchema.safeParse(raw)
  if (parsed.success) return { ok: true as const, query: parsed.data }
  const errors: Record<string, string> = {}
  for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message
  return { ok: false as const, errors, raw }
}
