import { z } from 'zod'

import {
  emptyToUndefined,
  filterId,
  optionalId,
  optionalText,
  requiredDate,
  requiredTitle,
} from '~/models/plan/form-fields'

/**
 * The co-creation board's forms and filters, shared by the server (the check) and the browser
 * (errors as you type). The lists mirror db/schema/ideas.ts; tests/unit/ideas.test.ts keeps them equal.
 */

export const ideaColumnList = ['partner', 'project'] as const
export const ideaStatusList = ['open', 'adopted', 'closed', 'withdrawn'] as const
export type IdeaStatusName = (typeof ideaStatusList)[number]

export const ideaFormSchema = z.object({
  column: z.enum(ideaColumnList, {
    required_error: 'common:errors.required',
    invalid_type_error: 'common:errors.choose',
  }),
  title: requiredTitle(200),
  body: optionalText(4000),
})
export type IdeaForm = z.infer<typeof ideaFormSchema>

export const commentFormSchema = z.object({
  intent: z.literal('comment'),
  body: z
    .string({ required_error: 'common:errors.required' })
    .trim()
    .min(1, 'common:errors.required')
    .max(2000, 'common:errors.tooLong'),
})

export const closeFormSchema = z.object({
  intent: z.literal('close'),
  reason: z
    .string({ required_error: 'ideas:errors.reasonRequired' })
    .trim()
    .min(1, 'ideas:errors.reasonRequired')
    .max(1000, 'common:errors.tooLong'),
})

/** Turning a proposal into a work-plan activity: what the activity needs. */
export const adoptFormSchema = z.object({
  intent: z.literal('adopt'),
  title: requiredTitle(300),
  dueDate: requiredDate,
  partnerId: optionalId,
})
export type AdoptForm = Omit<z.infer<typeof adoptFormSchema>, 'intent'>

/** The board's filters from its URL (the page and its CSV read the same ones). */
export const ideaFilterSchema = z.object({
  column: z.preprocess(emptyToUndefined, z.enum(ideaColumnList).optional()).catch(undefined),
  status: z.preprocess(emptyToUndefined, z.enum(ideaStatusList).optional()).catch(undefined),
  partner: filterId,
})
export type IdeaFilter = z.infer<typeof ideaFilterSchema>
