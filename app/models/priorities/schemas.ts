/**
 * Form and URL schemas of the priorities area, in a plain module so the browser can validate with
 * the same rules (a *.server module is empty in the browser bundle). No database import.
 */
import { z } from 'zod'

import { QUADRANTS, SCORE_MAX, SCORE_MIN, STAGES, TIERS, validThresholds } from './scoring'

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

const cutoff = z.coerce
  .number({ required_error: 'common:errors.required', invalid_type_error: 'crm:errors.cutoff' })
  .min(SCORE_MIN, 'crm:errors.cutoff')
  .lt(SCORE_MAX, 'crm:errors.cutoff')

/** The power/interest grid's cut-offs: an axis average strictly above is high. */
export const gridCutoffsSchema = z.object({ influence: cutoff, interest: cutoff })

/** The URL filter of the ranking, the scoring grid and the power/interest grid (lenient). */
export const priorityFilterSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  category: z.coerce.number().int().positive().optional().catch(undefined),
  owner: z.coerce.number().int().positive().optional().catch(undefined),
  stage: z.enum(STAGES).optional().catch(undefined),
  tier: z.enum(TIERS).optional().catch(undefined),
  quadrant: z.enum(QUADRANTS).optional().catch(undefined),
  unscored: z
    .enum(['1', 'true', 'on'])
    .transform(() => true)
    .optional()
    .catch(undefined),
})
export type PriorityFilter = z.infer<typeof priorityFilterSchema>

export function priorityFilterFromUrl(url: URL): PriorityFilter {
  const raw: Record<string, string> = {}
  for (const key of Object.keys(priorityFilterSchema.shape)) {
    const v = url.searchParams.get(key)
    if (v !== null && v !== '') raw[key] = v
  }
  return priorityFilterSchema.parse(raw)
}

/** One score with its reason, from the history panel of the scoring grid. */
export const oneScoreSchema = z.object({
  intent: z.literal('one'),
  stakeholderId: z.coerce.number().int().positive(),
  criterionId: z.coerce.number({ required_error: 'common:errors.required' }).int().positive(),
  value: z.coerce
    .number({ required_error: 'common:errors.required', invalid_type_error: 'priorities:errors.value' })
    .int()
    .min(1, 'priorities:errors.value')
    .max(5, 'priorities:errors.value'),
  rationale: z.string().trim().max(2000, 'common:errors.tooLong').optional(),
  back: z.string().optional(),
})

/** One cell of a scoring-grid row: empty clears the score. */
export const rowScoreValue = z.union([z.literal(''), z.coerce.number().int().min(1).max(5)])

/** The strategy form of a quadrant or a group, with one message field per working language. */
export function strategySchema(langs: string[]) {
  return z.object({
    target: z
      .string()
      .regex(
        /^(quadrant:(manage_closely|keep_satisfied|keep_informed|monitor)|group:\d+)$/,
        'common:errors.invalid',
      ),
    methods: z.string().trim().max(5000, 'common:errors.tooLong').optional(),
    ...Object.fromEntries(
      langs.map((l) => [`message_${l}`, z.string().trim().max(2000, 'common:errors.tooLong').optional()]),
    ),
  })
}
