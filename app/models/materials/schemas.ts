import { z } from 'zod'

import {
  emptyToUndefined,
  filterArchived,
  filterSearch,
  optionalText,
  requiredTitle,
} from '../plan/form-fields'
import { materialKindList } from '../plan/lists'

/** The material form and filters, shared by the server (the check) and the browser. No database imports. */

export { materialKindList }

/** The review statuses (as materialStatuses in db/schema; this file stays free of database imports). */
export const materialStatusList = ['pending', 'approved', 'returned'] as const

export const materialFormSchema = z.object({
  title: requiredTitle(300),
  kind: z.enum(materialKindList, {
    required_error: 'common:errors.required',
    invalid_type_error: 'common:errors.choose',
  }),
  language: z
    .string({ required_error: 'common:errors.required' })
    .trim()
    .regex(/^[a-z]{2,3}$/, 'common:errors.choose'),
  url: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .max(2000, 'common:errors.tooLong')
      .url('common:errors.url')
      .refine((u) => /^https?:\/\//i.test(u), 'common:errors.url')
      .optional(),
  ),
  version: z.preprocess(emptyToUndefined, z.string().trim().max(40, 'common:errors.tooLong').default('1')),
  description: optionalText(5000),
})
export type MaterialForm = z.infer<typeof materialFormSchema>

/** The materials list's filters from its URL (the page and its CSV read the same ones). */
export const materialFilterSchema = z.object({
  kind: z.preprocess(emptyToUndefined, z.enum(materialKindList).optional()).catch(undefined),
  language: z
    .preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[a-z]{2,3}$/)
        .optional(),
    )
    .catch(undefined),
  status: z.preprocess(emptyToUndefined, z.enum(materialStatusList).optional()).catch(undefined),
  q: filterSearch,
  archived: filterArchived,
})
export type MaterialFilter = z.infer<typeof materialFilterSchema>
