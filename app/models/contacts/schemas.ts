import { z } from 'zod'

import { emptyToUndefined, languageCodes, optionalText } from '~/models/stakeholders/schemas'

/* The contact form's schema, shared by the server (the check) and the browser. No database import. */

// A copy of the schema enum (db/schema/stakeholders.ts), so Drizzle stays out of the browser bundle.
export const lawfulBases = ['consent', 'legitimate_interest', 'public_task'] as const

/** A person at a stakeholder, with the GDPR record of why we may hold their data. */
export const contactInputSchema = z.object({
  name: z
    .string({ required_error: 'common:errors.required' })
    .trim()
    .min(1, 'common:errors.required')
    .max(200, 'common:errors.tooLong'),
  position: optionalText(200),
  email: z.preprocess(
    emptyToUndefined,
    z.string().trim().max(254, 'common:errors.tooLong').email('common:errors.email').optional(),
  ),
  phone: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .max(40, 'common:errors.tooLong')
      .regex(/^[+()\d][\d\s().\-/]*$/, 'common:errors.invalid')
      .optional(),
  ),
  languages: languageCodes,
  lawfulBasis: z.enum(lawfulBases, { errorMap: () => ({ message: 'common:errors.choose' }) }),
  basisObtainedAt: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'common:errors.date')
      .refine(
        (d) =>
          !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
          new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
        'common:errors.date',
      )
      .optional(),
  ),
  basisSource: optionalText(500),
  doNotContact: z
    .preprocess((v) => v === 'on' || v === 'true' || v === true || v === '1', z.boolean())
    .default(false),
  notes: optionalText(5000),
})
export type ContactInput = z.infer<typeof contactInputSchema>
