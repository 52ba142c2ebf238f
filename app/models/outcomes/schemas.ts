import { z } from 'zod'

import { outcomeStatuses, outcomeTypes } from '#db/schema'

import {
  emptyToUndefined,
  filterId,
  filterSearch,
  optionalId,
  optionalText,
  requiredDate,
  requiredTitle,
  toArray,
} from '../plan/form-fields'

/** The outcome form and the register's filters, shared by the server and the browser. No database imports. */

const ids = z.preprocess(toArray, z.array(z.coerce.number().int().positive('common:errors.choose')).max(200))
const month = /^\d{4}-(0[1-9]|1[0-2])$/

export const outcomeFormSchema = z.object({
  type: z.enum(outcomeTypes, {
    required_error: 'common:errors.required',
    invalid_type_error: 'common:errors.choose',
  }),
  date: requiredDate,
  title: requiredTitle(300),
  description: optionalText(5000),
  evidenceUrl: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .max(2000, 'common:errors.tooLong')
      .url('results:errors.url')
      .refine((u) => /^https?:\/\//i.test(u), 'results:errors.url')
      .optional(),
  ),
  partnerId: optionalId,
  stakeholderIds: ids,
  actionIds: ids,
  eventIds: ids,
})
export type OutcomeForm = z.infer<typeof outcomeFormSchema>

/** The register's filters from its URL (the page and its CSV read the same ones); `from`/`to` are months. */
export const outcomeFilterSchema = z.object({
  type: z.preprocess(emptyToUndefined, z.enum(outcomeTypes).optional()).catch(undefined),
  status: z.preprocess(emptyToUndefined, z.enum(outcomeStatuses).optional()).catch(undefined),
  partner: filterId,
  from: z.preprocess(emptyToUndefined, z.string().regex(month).optional()).catch(undefined),
  to: z.preprocess(emptyToUndefined, z.string().regex(month).optional()).catch(undefined),
  q: filterSearch,
})
export type OutcomeFilter = z.infer<typeof outcomeFilterSchema>

export const outcomeDecisionSchema = z.object({
  intent: z.enum(['verify', 'return', 'archive', 'restore']),
  comment: optionalText(2000),
})

/** The badge tone of each status. */
export const outcomeStatusTone = { pending: 'info', verified: 'ok', returned: 'warn' } as const

export { outcomeStatuses, outcomeTypes }
