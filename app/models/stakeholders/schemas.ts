import { z } from 'zod'

import { webDomainFrom } from '~/utils/text'

/*
 * The input schemas of the stakeholder register, shared by the server (the check) and the
 * browser (Conform's client validation). No database import here: this file ships to the browser.
 */

/** The built-in categories: `key` is translated in the interface and drives rules (funded projects). */
export const builtInCategories = [
  { key: 'university', name: 'University', isFundedProject: false },
  { key: 'interreg_project', name: 'Interreg project', isFundedProject: true },
  { key: 'urbact_network', name: 'URBACT network', isFundedProject: true },
  { key: 'horizon_project', name: 'Horizon / H2020 project', isFundedProject: true },
  { key: 'eu_funded_project', name: 'Other EU-funded project', isFundedProject: true },
  { key: 'city_network', name: 'Network or association of cities', isFundedProject: false },
  { key: 'local_authority', name: 'Local or regional authority', isFundedProject: false },
  { key: 'national_authority', name: 'National authority', isFundedProject: false },
  { key: 'eu_institution', name: 'EU institution or Urban Agenda partnership', isFundedProject: false },
  { key: 'media', name: 'Media', isFundedProject: false },
  { key: 'ngo', name: 'NGO / civil society', isFundedProject: false },
  { key: 'business', name: 'Business', isFundedProject: false },
  { key: 'citizen_group', name: 'Citizen group', isFundedProject: false },
  { key: 'other', name: 'Other', isFundedProject: false },
] as const
export type CategoryKey = (typeof builtInCategories)[number]['key']

// Copies of the schema enums (db/schema), so Drizzle stays out of the browser bundle.
export const scales = ['local', 'regional', 'national', 'european', 'global'] as const
export const stages = ['identified', 'contacted', 'engaged', 'collaborating', 'dormant'] as const
export const tiers = ['A', 'B', 'C'] as const
/** Who may edit which stakeholders (the project setting): the owner partner, any partner, or none. */
export type StakeholderEditPolicy = 'owner' | 'any_partner' | 'none'

/** ISO 3166-1 alpha-2 codes; names are shown with Intl.DisplayNames in the user's language. */
export const countryCodes = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ ' +
  'DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ ' +
  'OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ ' +
  'UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'
).split(' ')

// ---------------------------------------------------------------------------------------------
// Input (the helpers are shared with the contact schema)

export const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
export const optionalText = (max: number) =>
  z.preprocess(emptyToUndefined, z.string().trim().max(max, 'common:errors.tooLong').optional())
const toArray = (v: unknown) =>
  v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]
/** Language codes from a group of checkboxes. */
export const languageCodes = z.preprocess(
  toArray,
  z
    .array(
      z
        .string()
        .trim()
        .regex(/^[a-z]{2,3}$/, 'common:errors.invalid'),
    )
    .max(30),
)

/** What a person (form) or an import gives to create or edit a stakeholder. */
export const stakeholderInputSchema = z.object({
  name: z
    .string({ required_error: 'common:errors.required' })
    .trim()
    .min(1, 'common:errors.required')
    .max(300, 'common:errors.tooLong'),
  acronym: optionalText(60),
  categoryId: z.coerce
    // z.coerce reads a missing category as NaN, an invalid type: "choose one" is the message then.
    .number({ invalid_type_error: 'common:errors.choose' })
    .int()
    .positive('common:errors.choose'),
  programme: optionalText(200),
  period: optionalText(60),
  scale: z.preprocess(
    emptyToUndefined,
    z.enum(scales, { errorMap: () => ({ message: 'common:errors.choose' }) }).optional(),
  ),
  country: z.preprocess(
    (v) => (typeof v === 'string' ? emptyToUndefined(v.trim().toUpperCase()) : v),
    z
      .string()
      .refine((c) => countryCodes.includes(c), 'common:errors.choose')
      .optional(),
  ),
  city: optionalText(120),
  website: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .max(500, 'common:errors.tooLong')
      .transform((v) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? v : `https://${v}`))
      .refine((v) => /^https?:\/\//i.test(v) && webDomainFrom(v) !== null, 'common:errors.url')
      .optional(),
  ),
  description: optionalText(5000),
  themeIds: z.preprocess(toArray, z.array(z.coerce.number().int().positive()).max(50)),
  languages: languageCodes,
  ownerPartnerId: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional()),
  stage: z.preprocess(
    emptyToUndefined,
    z.enum(stages, { errorMap: () => ({ message: 'common:errors.choose' }) }).default('identified'),
  ),
})
export type StakeholderInput = z.infer<typeof stakeholderInputSchema>

// ---------------------------------------------------------------------------------------------
// The register's URL: filters and sort

const optionalParam = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess(emptyToUndefined, schema.optional()).catch(undefined)

export const stakeholderSorts = [
  'name',
  '-name',
  'created',
  '-created',
  'updated',
  '-updated',
  'stage',
  'country',
  'score',
  'tier',
  'lastContact',
  '-lastContact',
] as const
export type StakeholderSort = (typeof stakeholderSorts)[number]

/** The register's URL parameters; anything unreadable is ignored rather than an error page. */
export const stakeholderFilterSchema = z.object({
  q: optionalParam(z.string().trim().max(200)),
  category: optionalParam(z.coerce.number().int().positive()),
  country: optionalParam(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/),
  ),
  stage: optionalParam(z.enum(stages)),
  owner: optionalParam(z.union([z.literal('none'), z.coerce.number().int().positive()])),
  theme: optionalParam(z.coerce.number().int().positive()),
  tier: optionalParam(z.enum([...tiers, 'none'])),
  scale: optionalParam(z.enum(scales)),
  archived: optionalParam(z.enum(['1', 'only'])),
  /** Stakeholders with no contact (a live action with them) on or after this day, never contacted included. */
  notContactedSince: optionalParam(z.string().trim().refine(isRealDay)),
  sort: optionalParam(z.enum(stakeholderSorts)),
})
export type StakeholderFilter = z.infer<typeof stakeholderFilterSchema>

/** A real calendar day written YYYY-MM-DD: only such a day comes back unchanged from the ISO round trip. */
function isRealDay(v: string) {
  const d = new Date(`${v}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v
}

export function parseStakeholderFilter(params: URLSearchParams): StakeholderFilter {
  return stakeholderFilterSchema.parse(Object.fromEntries(params))
}

/**
 * The URL parameters given but not readable (so left out of the filter), for a message beside
 * the field: today only the "not contacted since" day can be mistyped.
 */
export function unreadableFilterParams(
  params: URLSearchParams,
  filter: StakeholderFilter,
): 'notContactedSince'[] {
  const given = params.get('notContactedSince')?.trim()
  return given && filter.notContactedSince === undefined ? ['notContactedSince'] : []
}

// ---------------------------------------------------------------------------------------------
// Merging two records

/** The fields a person chooses between when merging; themes and languages are united. */
export const mergeFields = [
  'name',
  'acronym',
  'categoryId',
  'programme',
  'period',
  'scale',
  'country',
  'city',
  'website',
  'description',
  'ownerPartnerId',
  'stage',
] as const
export type MergeField = (typeof mergeFields)[number]

export type MergeInput = {
  survivorId: number
  loserId: number
  picks: Partial<Record<MergeField, 'survivor' | 'loser'>>
}
