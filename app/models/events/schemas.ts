import { z } from 'zod'

import {
  checkbox,
  emptyToUndefined,
  filterArchived,
  filterDate,
  filterId,
  filterSearch,
  isRealDate,
  optionalCount,
  optionalId,
  optionalText,
  requiredDate,
  requiredTitle,
  toArray,
} from '../plan/form-fields'
import { eventKindList } from '../plan/lists'

/** The event forms and filters, shared by the server (the check) and the browser. No database imports. */

export { eventKindList }

export const eventFormSchema = z
  .object({
    kind: z.enum(eventKindList, {
      required_error: 'common:errors.required',
      invalid_type_error: 'common:errors.choose',
    }),
    title: requiredTitle(300),
    themeId: optionalId,
    startDate: requiredDate,
    endDate: z.preprocess(emptyToUndefined, z.string().refine(isRealDate, 'common:errors.date').optional()),
    place: optionalText(300),
    online: checkbox,
    hostPartnerId: optionalId,
    registrations: optionalCount,
    attendance: optionalCount,
    description: optionalText(5000),
    crossBorder: checkbox,
    planTargetGroupIds: z.preprocess(toArray, z.array(z.coerce.number().int().positive())),
    planMessages: optionalText(10_000),
    planNotes: optionalText(10_000),
  })
  .superRefine((v, ctx) => {
    if (v.endDate && v.endDate < v.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'common:errors.dateOrder' })
    if (v.kind === 'campaign' && !v.endDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'plan:events.errors.campaignEnd' })
    if (!v.online && !v.place)
      ctx.addIssue({ code: 'custom', path: ['place'], message: 'plan:events.errors.placeOrOnline' })
  })
export type EventForm = z.infer<typeof eventFormSchema>

/** The events list's filters from its URL (the page and its CSV read the same ones). */
export const eventFilterSchema = z.object({
  kind: z.preprocess(emptyToUndefined, z.enum(eventKindList).optional()).catch(undefined),
  from: filterDate,
  to: filterDate,
  partner: filterId,
  q: filterSearch,
  archived: filterArchived,
})
export type EventFilter = z.infer<typeof eventFilterSchema>

/** The options the event form chooses from (planFormOptions on the server). */
export type EventFormOptions = {
  partners: { value: number; label: string }[]
  themes: { value: number; label: string }[]
  groups: { value: number; label: string }[]
}
