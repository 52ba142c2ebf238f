import { z } from 'zod'

/**
 * The quick form's schema (/actions/new and /actions/:id/edit), shared by the server and the
 * browser. Errors are i18n keys, translated next to their field.
 */

const isoDate = /^\d{4}-\d{2}-\d{2}$/

/** True for a real calendar date in YYYY-MM-DD form (2026-02-30 is not). */
export function isRealDate(value: string): boolean {
  if (!isoDate.test(value)) return false
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && !!url.hostname
  } catch {
    return false
  }
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A submission key as phones make them (crypto.randomUUID()). */
export function isClientKey(value: string): boolean {
  return uuid.test(value)
}

/** A link typed without its scheme ("www.x.eu/…", "linkedin.com/posts/…") gets https:// in front. */
export function withLinkScheme(value: string): string {
  if (/^[a-z][a-z\d+.-]*:/i.test(value) && !/^[^\s/:]+\.[^\s/:]+:\d+(\/|$)/.test(value)) return value
  return /^[^\s/:@]+\.[^\s/:@.]{2,}(:\d+)?([/?#]|$)/u.test(value) ? `https://${value}` : value
}

const requiredId = z
  .number({ required_error: 'common:errors.required', invalid_type_error: 'common:errors.choose' })
  .int('common:errors.choose')
  .positive('common:errors.choose')
const optionalId = z
  .number({ invalid_type_error: 'common:errors.choose' })
  .int('common:errors.choose')
  .positive('common:errors.choose')
  .optional()

/** People and reach figures: optional, whole, never negative. */
const count = z
  .number({ invalid_type_error: 'common:errors.wholeNumber' })
  .int('common:errors.wholeNumber')
  .min(0, 'common:errors.notNegative')
  .max(1_000_000_000, 'common:errors.invalid')
  .optional()

export const actionIntents = ['submit', 'draft', 'another', 'searchStakeholders'] as const

export const actionFormSchema = z.object({
  typeId: requiredId,
  date: z
    .string({ required_error: 'common:errors.required' })
    .trim()
    .refine(isRealDate, 'common:errors.date'),
  title: z
    .string({ required_error: 'common:errors.required' })
    .trim()
    .min(1, 'common:errors.required')
    .max(300, 'actions:errors.titleTooLong'),
  channelId: optionalId,
  partnerId: optionalId,
  languages: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z]{2,3}$/, 'common:errors.invalid'),
    )
    .max(40)
    .default([]),
  participants: count,
  onlineReach: count,
  engagements: count,
  evidenceUrl: z
    .string()
    .trim()
    .max(2000, 'actions:errors.urlTooLong')
    .transform(withLinkScheme)
    .refine(isHttpUrl, 'common:errors.url')
    .optional(),
  stakeholderIds: z.array(z.number().int().positive()).max(500).default([]),
  themeIds: z.array(z.number().int().positive()).max(50).default([]),
  eventId: optionalId,
  activityId: optionalId,
  materialId: optionalId,
  description: z.string().trim().max(5000, 'actions:errors.descriptionTooLong').optional(),
  intent: z.enum(actionIntents).default('submit'),
  /** The key of this submission (new form only): a resend of the same key logs nothing new. */
  clientKey: z.string().trim().refine(isClientKey, 'actions:errors.clientKey').optional(),
  /** The stakeholder search box (used without JavaScript: the form comes back with results). */
  stakeholderQuery: z.string().trim().max(200).optional(),
})
export type ActionFormValue = z.infer<typeof actionFormSchema>

/** The shared text fields of a submitted form as the domain's input. */
export function toActionInput(value: ActionFormValue, partnerId: number) {
  return {
    partnerId,
    typeId: value.typeId,
    date: value.date,
    title: value.title,
    channelId: value.channelId ?? null,
    languages: value.languages,
    participants: value.participants ?? null,
    onlineReach: value.onlineReach ?? null,
    engagements: value.engagements ?? null,
    evidenceUrl: value.evidenceUrl ?? null,
    stakeholderIds: value.stakeholderIds,
    themeIds: value.themeIds,
    eventId: value.eventId ?? null,
    activityId: value.activityId ?? null,
    materialId: value.materialId ?? null,
    description: value.description ?? null,
  }
}

/** Today as YYYY-MM-DD (UTC, as every stored date). */
export function today() {
  return new Date().toISOString().slice(0, 10)
}

/** How each status is shown (always with its name, never by colour alone). */
export const statusTone = { draft: 'neutral', submitted: 'info', validated: 'ok', returned: 'warn' } as const
