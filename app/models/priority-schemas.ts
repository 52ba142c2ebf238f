/**
 * Form schemas of the priorities area, in a plain module so the browser can validate with the
 * same rules (a *.server module is empty in the browser bundle).
 */
import { z } from 'zod'

import { validThresholds } from './scoring'

export const criterionSchema = z.object({
  name: z
    .string({ required_error: 'common:errors.required' })
    .trim()
    .min(1, 'common:errors.required')
    .max(120, 'common:errors.tooLong'),
  description: z.string().trim().max(1000, 'common:errors.tooLong').optional(),
  weight: z.coerce
    .number({ required_error: 'common:errors.required', invalid_type_error: 'priorities:errors.weight' })
    .gt(0, 'priorities:errors.weight')
    .max(100, 'priorities:errors.weight'),
  gridAxis: z.enum(['influence', 'interest']).optional(),
})
export type CriterionInput = z.infer<typeof criterionSchema>

export const thresholdsSchema = z
  .object({
    tierA: z.coerce
      .number({ required_error: 'common:errors.required', invalid_type_error: 'priorities:errors.threshold' })
      .min(0, 'priorities:errors.threshold')
      .max(100, 'priorities:errors.threshold'),
    tierB: z.coerce
      .number({ required_error: 'common:errors.required', invalid_type_error: 'priorities:errors.threshold' })
      .min(0, 'priorities:errors.threshold')
      .max(100, 'priorities:errors.threshold'),
  })
  .refine((t) => validThresholds(t), { message: 'priorities:errors.thresholdOrder', path: ['tierA'] })
