import { z } from 'zod'

import {
  checkbox,
  emptyToUndefined,
  filterSearch,
  isRealDate,
  optionalCount,
  optionalText,
  requiredTitle,
  toArray,
} from '../plan/form-fields'

/** The forms of an event's people, shared by the server (the check) and the browser. No database imports. */

const id = z.coerce
  .number({ invalid_type_error: 'common:errors.choose' })
  .int()
  .positive('common:errors.choose')
const ids = z.preprocess(toArray, z.array(z.coerce.number().int().positive()).max(5000))

export const registrationFormSchema = z
  .object({
    name: requiredTitle(200),
    email: z.preprocess(
      emptyToUndefined,
      z.string().trim().max(254, 'common:errors.tooLong').email('common:errors.email').optional(),
    ),
    organisation: optionalText(300),
    consent: checkbox,
    consentAt: z.preprocess(emptyToUndefined, z.string().refine(isRealDate, 'common:errors.date').optional()),
    consentWording: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.consent && !v.consentAt)
      ctx.addIssue({ code: 'custom', path: ['consentAt'], message: 'people:errors.consentDate' })
    if (v.consent && !v.consentWording)
      ctx.addIssue({ code: 'custom', path: ['consentWording'], message: 'people:errors.consentWording' })
  })
export type RegistrationInput = z.infer<typeof registrationFormSchema>

/** The attendance checklist: `shown` are the registrants listed on the page, `attended` the ticked ones. */
export const attendanceFormSchema = z.object({ shown: ids, attended: ids })

export const linkFormSchema = z.object({ registrationId: id, contactId: id })
export const proposeFormSchema = z.object({ registrationId: id, stakeholderId: id })
export const registrationIdSchema = z.object({ registrationId: id })

export const consultationFormSchema = z.object({
  participantIds: ids,
  conclusions: optionalText(5000),
})
export type ConsultationInput = z.infer<typeof consultationFormSchema>

export const satisfactionFormSchema = z
  .object({
    satisfactionResponses: optionalCount,
    satisfactionAverage: z.preprocess(
      (v) => (typeof v === 'string' ? emptyToUndefined(v.replace(',', '.')) : v),
      z.coerce
        .number({ invalid_type_error: 'people:errors.score' })
        .min(1, 'people:errors.score')
        .max(5, 'people:errors.score')
        .optional(),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.satisfactionAverage !== undefined && !v.satisfactionResponses)
      ctx.addIssue({ code: 'custom', path: ['satisfactionResponses'], message: 'people:errors.responses' })
    if (v.satisfactionResponses && v.satisfactionAverage === undefined)
      ctx.addIssue({ code: 'custom', path: ['satisfactionAverage'], message: 'people:errors.score' })
  })
export type SatisfactionInput = z.infer<typeof satisfactionFormSchema>

export const attendanceStates = ['attended', 'absent'] as const
export const consentStates = ['yes', 'no'] as const

/** The registrations list's filters from its URL (the page and its CSV read the same ones). */
export const registrationFilterSchema = z.object({
  q: filterSearch,
  attended: z.preprocess(emptyToUndefined, z.enum(attendanceStates).optional()).catch(undefined),
  consent: z.preprocess(emptyToUndefined, z.enum(consentStates).optional()).catch(undefined),
})
export type RegistrationFilter = z.infer<typeof registrationFilterSchema>
