/** The short "record an interaction" form of a stakeholder's page, shared by browser and server. */
import { z } from 'zod'

import { isRealDate } from './form'

export const interactionSchema = z.object({
  kind: z.enum(['meeting', 'call', 'email'], {
    required_error: 'common:errors.choose',
    invalid_type_error: 'common:errors.choose',
  }),
  date: z
    .string({ required_error: 'common:errors.required' })
    .trim()
    .refine(isRealDate, 'crm:errors.date')
    .refine((d) => d <= new Date().toISOString().slice(0, 10), 'crm:errors.futureDate'),
  note: z.string().trim().max(2000, 'common:errors.tooLong').optional(),
})
