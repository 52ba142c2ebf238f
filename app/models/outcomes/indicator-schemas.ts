import { z } from 'zod'

import { outcomeTypes, resultIndicatorCounts, resultIndicatorMethods } from '#db/schema'

import {
  emptyToUndefined,
  isRealDate,
  optionalText,
  requiredDate,
  requiredTitle,
  toArray,
} from '../plan/form-fields'

/** The result indicator and value forms, shared by the server and the browser. */

const figure = z.coerce
  .number({ invalid_type_error: 'results:errors.number' })
  .min(0, 'common:errors.notNegative')
  .max(1_000_000_000, 'results:errors.number')
const optionalDate = z.preprocess(
  emptyToUndefined,
  z.string().refine(isRealDate, 'common:errors.date').optional(),
)
const link = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .trim()
    .max(2000, 'common:errors.tooLong')
    .url('results:errors.url')
    .refine((u) => /^https?:\/\//i.test(u), 'results:errors.url')
    .optional(),
)

export const indicatorFormSchema = z.object({
  code: z
    .string({ required_error: 'common:errors.required' })
    .trim()
    .min(1, 'common:errors.required')
    .max(20, 'common:errors.tooLong')
    .regex(/^[\p{L}\p{N}_.-]+$/u, 'results:errors.code'),
  name: requiredTitle(300),
  definition: requiredTitle(5000),
  unit: requiredTitle(100),
  baselineValue: z.preprocess(emptyToUndefined, figure.default(0)),
  baselineDate: optionalDate,
  target: z.preprocess(emptyToUndefined, figure.optional()),
  source: optionalText(500),
  method: z.enum(resultIndicatorMethods, { errorMap: () => ({ message: 'common:errors.choose' }) }),
  outcomeTypes: z.preprocess(toArray, z.array(z.enum(outcomeTypes)).max(outcomeTypes.length)),
  counts: z.enum(resultIndicatorCounts, { errorMap: () => ({ message: 'common:errors.choose' }) }),
})
export type IndicatorForm = z.infer<typeof indicatorFormSchema>

export const indicatorValueSchema = z
  .object({
    date: requiredDate,
    value: z
      .preprocess(emptyToUndefined, figure.optional())
      .refine((v) => v !== undefined, 'common:errors.required'),
    evidenceUrl: link,
    note: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (!v.evidenceUrl && !v.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'results:errors.evidenceNeeded' })
  })
export type IndicatorValueForm = z.infer<typeof indicatorValueSchema>

export { resultIndicatorCounts, resultIndicatorMethods }
