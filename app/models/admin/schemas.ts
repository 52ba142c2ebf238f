/**
 * What the administration pages share between the server (validation) and the browser (forms):
 * the language and country lists, social account kinds, and the zod schemas of the admin forms.
 */
import { z } from 'zod'

import { locales, partnerRoles, type Role, roles, stakeholderEditPolicies } from '#db/schema/core'
import { roleActsForOnePartner } from '~/utils/permissions'

/** ISO 639-1 codes offered as working languages: every official EU language plus a few regional ones. Labels: common:languages. */
export const languageCodes = [
  'en',
  'es',
  'fr',
  'de',
  'it',
  'pt',
  'nl',
  'pl',
  'fi',
  'sv',
  'da',
  'el',
  'ro',
  'hr',
  'cs',
  'hu',
  'lt',
  'lv',
  'et',
  'sk',
  'sl',
  'bg',
  'ga',
  'mt',
  'eu',
  'ca',
  'gl',
] as const

/** ISO 3166-1 alpha-2 codes; names come from Intl.DisplayNames in the user's language. */
export const countryCodes = (
  'AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD CF CG CH CI CL CM CN CO CR CU CV ' +
  'CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA GB GD GE GH GM GN GQ GR GT GW GY HN HR HT HU ID IE IL IN IQ IR IS ' +
  'IT JM JO JP KE KG KH KI KM KN KP KR KW KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MR MT MU MV MW MX ' +
  'MY MZ NA NE NG NI NL NO NP NR NZ OM PA PE PG PH PK PL PS PT PW PY QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN SO SR SS ' +
  'ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT TV TZ UA UG US UY UZ VA VC VE VN VU WS XK YE ZA ZM ZW'
).split(' ')

const localeTag: Record<string, string> = { en: 'en-GB', es: 'es-ES' }

/**
 * Names on which Node's ICU and the browser's ICU disagree (the page is rendered by both, and a
 * different text breaks hydration): fixed here. Checked against Debian's chromium for en and es.
 */
export const regionNameOverrides: Record<string, Record<string, string>> = {
  FK: { en: 'Falkland Islands', es: 'Islas Malvinas' },
  HK: { en: 'Hong Kong', es: 'Hong Kong' },
  MO: { en: 'Macao', es: 'Macao' },
  PS: { en: 'Palestine', es: 'Palestina' },
}

/** Country options sorted by their name in the given interface language. */
export function countryOptions(locale: string) {
  const names = new Intl.DisplayNames([localeTag[locale] ?? locale], { type: 'region' })
  return countryCodes
    .map((code) => ({ value: code, label: regionNameOverrides[code]?.[locale] ?? names.of(code) ?? code }))
    .sort((a, b) => a.label.localeCompare(b.label, locale))
}

export function countryName(code: string, locale: string) {
  try {
    return (
      regionNameOverrides[code]?.[locale] ??
      new Intl.DisplayNames([localeTag[locale] ?? locale], { type: 'region' }).of(code) ??
      code
    )
  } catch {
    return code
  }
}

export const socialKinds = [
  'linkedin',
  'x',
  'facebook',
  'instagram',
  'mastodon',
  'bluesky',
  'youtube',
] as const

const required = 'common:errors.required'

/** A real calendar date as YYYY-MM-DD. */
export const isoDate = z
  .string({ required_error: required })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'common:errors.date')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`)
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v
  }, 'common:errors.date')

const webUrl = z
  .string()
  .trim()
  .max(500, 'common:errors.invalid')
  .url('common:errors.url')
  .refine((v) => /^https?:\/\//i.test(v), 'common:errors.url')

const name = (max: number) =>
  z.string({ required_error: required }).trim().min(1, required).max(max, 'common:errors.invalid')

const periodRow = z
  .object({ label: z.string().trim().max(80).optional(), start: isoDate.optional(), end: isoDate.optional() })
  .superRefine((row, ctx) => {
    const filled = row.label || row.start || row.end
    if (!filled) return
    if (!row.label) ctx.addIssue({ code: 'custom', path: ['label'], message: required })
    if (!row.start) ctx.addIssue({ code: 'custom', path: ['start'], message: required })
    if (!row.end) ctx.addIssue({ code: 'custom', path: ['end'], message: required })
    if (row.start && row.end && row.end < row.start)
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'common:errors.dateOrder' })
  })

export const projectSchema = z
  .object({
    intent: z.literal('project'),
    name: name(200),
    acronym: z.string().trim().max(30, 'common:errors.invalid').optional(),
    description: z.string().trim().max(4000, 'common:errors.invalid').optional(),
    startDate: isoDate,
    endDate: isoDate,
    workingLanguages: z
      .array(z.enum(languageCodes, { errorMap: () => ({ message: 'common:errors.choose' }) }))
      .min(1, 'admin:project.errors.oneLanguage'),
    stakeholderEditPolicy: z.enum(stakeholderEditPolicies, {
      errorMap: () => ({ message: 'common:errors.choose' }),
    }),
    reportingPeriods: z.array(periodRow).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.endDate < v.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'common:errors.dateOrder' })
  })
  .transform((v) => ({
    ...v,
    reportingPeriods: v.reportingPeriods
      .filter((r) => r.label && r.start && r.end)
      .map((r) => ({ label: r.label!, start: r.start!, end: r.end! }))
      .sort((a, b) => a.start.localeCompare(b.start)),
  }))

export const themeAddSchema = z.object({ intent: z.literal('theme-add'), name: name(120) })
export const themeRenameSchema = z.object({
  intent: z.literal('theme-rename'),
  id: z.coerce.number().int().positive(),
  name: name(120),
})
export const themeArchiveSchema = z.object({
  intent: z.enum(['theme-archive', 'theme-restore']),
  id: z.coerce.number().int().positive(),
})

const choose = { errorMap: () => ({ message: 'common:errors.choose' }) }

export const partnerSchema = z.object({
  name: name(200),
  country: z.enum(countryCodes as [string, ...string[]], choose),
  city: z.string().trim().max(200, 'common:errors.invalid').optional(),
  role: z.enum(partnerRoles, choose),
  website: webUrl.optional(),
  linkedin: webUrl.optional(),
  x: webUrl.optional(),
  facebook: webUrl.optional(),
  instagram: webUrl.optional(),
  mastodon: webUrl.optional(),
  bluesky: webUrl.optional(),
  youtube: webUrl.optional(),
})
export type PartnerInput = z.infer<typeof partnerSchema>

export const password = z
  .string({ required_error: required })
  .min(10, 'admin:users.errors.passwordShort')
  .max(200, 'common:errors.invalid')

const userFields = {
  name: name(200),
  role: z.enum(roles, choose),
  partnerId: z.coerce.number().int().positive().optional(),
  locale: z.enum(locales, choose),
}

/** A user of a role that acts for one partner must name it; any other role must not. */
function partnerMatchesRole(v: { role: Role; partnerId?: number }, ctx: z.RefinementCtx) {
  const needsPartner = roleActsForOnePartner(v.role)
  if (needsPartner && !v.partnerId)
    ctx.addIssue({ code: 'custom', path: ['partnerId'], message: 'common:errors.partnerRequired' })
  if (!needsPartner && v.partnerId)
    ctx.addIssue({ code: 'custom', path: ['partnerId'], message: 'admin:users.errors.partnerForbidden' })
}

const email = z
  .string({ required_error: required })
  .trim()
  .email('common:errors.email')
  .max(254, 'common:errors.invalid')

export const userCreateSchema = z.object({ email, ...userFields, password }).superRefine(partnerMatchesRole)
/** The same form sent with "Invite by e-mail": no password, the user sets it from the link. */
export const userInviteSchema = z
  .object({ intent: z.literal('invite'), email, ...userFields })
  .superRefine(partnerMatchesRole)

export const userEditSchema = z
  .object({ intent: z.literal('edit'), ...userFields })
  .superRefine(partnerMatchesRole)
export const userPasswordSchema = z.object({ intent: z.literal('password'), password })
export const userActiveSchema = z.object({ intent: z.enum(['deactivate', 'reactivate']) })
