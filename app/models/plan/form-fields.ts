import { z } from 'zod'

/** Field helpers shared by the plan, event and material form schemas (client-safe). */

export const isoDate = /^\d{4}-\d{2}-\d{2}$/
export const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
export const optionalText = (max: number) =>
  z.preprocess(emptyToUndefined, z.string().trim().max(max, 'common:errors.tooLong').optional())
export const optionalId = z.preprocess(
  emptyToUndefined,
  z.coerce.number().int().positive('common:errors.choose').optional(),
)
export const optionalCount = z.preprocess(
  emptyToUndefined,
  z.coerce
    .number({ invalid_type_error: 'common:errors.wholeNumber' })
    .int('common:errors.wholeNumber')
    .min(0, 'common:errors.notNegative')
    .max(10_000_000)
    .optional(),
)
export const checkbox = z.preprocess(
  (v) => v === 'on' || v === 'true' || v === '1' || v === true,
  z.boolean(),
)
export const toArray = (v: unknown) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v])
/** A calendar day as YYYY-MM-DD that exists (not 2031-02-30); a day past any month's end (…-32) is no date. */
export function isRealDate(v: string) {
  if (!isoDate.test(v)) return false
  const day = new Date(`${v}T00:00:00Z`)
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === v
}
export const requiredDate = z
  .string({ required_error: 'common:errors.required' })
  .refine(isRealDate, 'common:errors.date')
export const requiredTitle = (max: number) =>
  z
    .string({ required_error: 'common:errors.required' })
    .trim()
    .min(1, 'common:errors.required')
    .max(max, 'common:errors.tooLong')

/** A list filter's optional value: anything unusable is dropped rather than refused. */
export const filterId = z
  .preprocess(emptyToUndefined, z.coerce.number().int().positive().optional())
  .catch(undefined)
export const filterDate = z
  .preprocess(emptyToUndefined, z.string().regex(isoDate).optional())
  .catch(undefined)
export const filterSearch = z
  .preprocess(emptyToUndefined, z.string().trim().max(200).optional())
  .catch(undefined)
export const filterArchived = z.preprocess(emptyToUndefined, z.literal('1').optional()).catch(undefined)
