import { z } from 'zod'

/**
 * The plan area's form schemas, shared by the server (the check) and the browser (errors as you
 * type). No database imports here: the lists mirror db/schema/plan.ts, and tests/unit/plan.test.ts
 * checks they stay equal.
 */

export const targetMetricList = [
  'actions',
  'participants',
  'online_reach',
  'engagements',
  'stakeholders_reached',
  'group_share_reached',
  'languages_covered',
  'new_stakeholders_engaged',
  'funded_project_links',
  'partners_active',
] as const
export type TargetMetricName = (typeof targetMetricList)[number]
export const targetPeriodKindList = ['month', 'quarter', 'reporting_period', 'project'] as const
export const targetBreakdownList = [
  'partner',
  'type',
  'channel',
  'category',
  'group',
  'tier',
  'language',
] as const
export type TargetBreakdown = (typeof targetBreakdownList)[number]
export const eventKindList = [
  'partner_meeting',
  'policy_clinic',
  'webinar',
  'conference',
  'site_visit',
  'consultation',
  'campaign',
] as const
export const activityPhaseList = ['before', 'during', 'after'] as const
export const materialKindList = [
  'presentation',
  'logo',
  'template',
  'key_messages',
  'video',
  'brochure',
  'other',
] as const
export const stageList = ['identified', 'contacted', 'engaged', 'collaborating', 'dormant'] as const
export const scaleList = ['local', 'regional', 'national', 'european', 'global'] as const
export const tierList = ['A', 'B', 'C'] as const

/** Breakdowns that make sense for each metric (the target form offers only these). */
export const metricBreakdowns: Record<TargetMetricName, readonly TargetBreakdown[]> = {
  actions: targetBreakdownList,
  participants: targetBreakdownList,
  online_reach: targetBreakdownList,
  engagements: targetBreakdownList,
  stakeholders_reached: targetBreakdownList,
  group_share_reached: targetBreakdownList,
  languages_covered: targetBreakdownList,
  partners_active: targetBreakdownList,
  // These count stakeholders by their stage, not actions: only stakeholder facets (partner = owner).
  new_stakeholders_engaged: ['partner', 'category', 'group', 'tier'],
  funded_project_links: ['partner', 'category', 'group', 'tier'],
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/
const isoMonth = /^\d{4}-(0[1-9]|1[0-2])$/
const isoQuarter = /^\d{4}-Q[1-4]$/
export const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
const optionalText = (max: number) =>
  z.preprocess(emptyToUndefined, z.string().trim().max(max, 'common:errors.tooLong').optional())
const optionalId = z.preprocess(
  emptyToUndefined,
  z.coerce.number().int().positive('common:errors.choose').optional(),
)
const optionalCount = z.preprocess(
  emptyToUndefined,
  z.coerce
    .number({ invalid_type_error: 'common:errors.wholeNumber' })
    .int('common:errors.wholeNumber')
    .min(0, 'common:errors.notNegative')
    .max(10_000_000)
    .optional(),
)
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === '1' || v === true, z.boolean())
const toArray = (v: unknown) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v])
const isRealDate = (v: string) =>
  isoDate.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v
const requiredDate = z
  .string({ required_error: 'common:errors.required' })
  .refine(isRealDate, 'common:errors.date')

export function splitFacet(facet: string | null | undefined): [TargetBreakdown | null, string | null] {
  if (!facet) return [null, null]
  const i = facet.indexOf(':')
  const breakdown = facet.slice(0, i) as TargetBreakdown
  const value = facet.slice(i + 1)
  if (i < 1 || !(targetBreakdownList as readonly string[]).includes(breakdown) || !value) return [null, null]
  return [breakdown, value]
}

/** The target form: `facet` is "<breakdown>:<value>" (e.g. "partner:3", "tier:A") or empty. */
export const targetFormSchema = z
  .object({
    label: optionalText(200),
    metric: z.enum(targetMetricList, {
      required_error: 'common:errors.required',
      invalid_type_error: 'common:errors.choose',
    }),
    periodKind: z.enum(targetPeriodKindList, {
      required_error: 'common:errors.required',
      invalid_type_error: 'common:errors.choose',
    }),
    month: optionalText(7),
    quarter: optionalText(7),
    reportingPeriod: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).optional()),
    facet: optionalText(100),
    value: z.coerce
      .number({ required_error: 'common:errors.required', invalid_type_error: 'common:errors.invalid' })
      .min(0, 'common:errors.notNegative')
      .max(1e12, 'common:errors.invalid'),
  })
  .superRefine((v, ctx) => {
    if (v.periodKind === 'month' && !(v.month && isoMonth.test(v.month)))
      ctx.addIssue({ code: 'custom', path: ['month'], message: 'plan:targets.errors.month' })
    if (v.periodKind === 'quarter' && !(v.quarter && isoQuarter.test(v.quarter)))
      ctx.addIssue({ code: 'custom', path: ['quarter'], message: 'plan:targets.errors.quarter' })
    if (v.periodKind === 'reporting_period' && v.reportingPeriod === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['reportingPeriod'],
        message: 'plan:targets.errors.reportingPeriod',
      })
    if (v.facet) {
      const [breakdown] = splitFacet(v.facet)
      if (!breakdown) ctx.addIssue({ code: 'custom', path: ['facet'], message: 'common:errors.choose' })
      else if (!metricBreakdowns[v.metric].includes(breakdown))
        ctx.addIssue({ code: 'custom', path: ['facet'], message: 'plan:targets.errors.facetMetric' })
    }
    if (v.metric === 'group_share_reached' && v.value > 100)
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'plan:targets.errors.percentage' })
  })
export type TargetForm = z.infer<typeof targetFormSchema>

export const eventFormSchema = z
  .object({
    kind: z.enum(eventKindList, {
      required_error: 'common:errors.required',
      invalid_type_error: 'common:errors.choose',
    }),
    title: z
      .string({ required_error: 'common:errors.required' })
      .trim()
      .min(1, 'common:errors.required')
      .max(300, 'common:errors.tooLong'),
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

export const activityFormSchema = z.object({
  title: z
    .string({ required_error: 'common:errors.required' })
    .trim()
    .min(1, 'common:errors.required')
    .max(300, 'common:errors.tooLong'),
  description: optionalText(5000),
  partnerId: optionalId,
  dueDate: requiredDate,
  typeId: optionalId,
  channelId: optionalId,
  groupId: optionalId,
  eventId: optionalId,
  phase: z.preprocess(
    emptyToUndefined,
    z.enum(activityPhaseList, { invalid_type_error: 'common:errors.choose' }).optional(),
  ),
})
export type ActivityForm = z.infer<typeof activityFormSchema>

export const groupFilterKeys = [
  'q',
  'category',
  'country',
  'stage',
  'owner',
  'theme',
  'tier',
  'scale',
] as const

export const groupFormSchema = z.object({
  name: z
    .string({ required_error: 'common:errors.required' })
    .trim()
    .min(1, 'common:errors.required')
    .max(200, 'common:errors.tooLong'),
  description: optionalText(2000),
  q: optionalText(200),
  category: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional()),
  country: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'plan:groups.errors.country')
      .optional(),
  ),
  stage: z.preprocess(emptyToUndefined, z.enum(stageList).optional()),
  owner: z.preprocess(
    emptyToUndefined,
    z.union([z.literal('none'), z.coerce.number().int().positive()]).optional(),
  ),
  theme: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional()),
  tier: z.preprocess(emptyToUndefined, z.enum([...tierList, 'none']).optional()),
  scale: z.preprocess(emptyToUndefined, z.enum(scaleList).optional()),
})
export type GroupForm = z.infer<typeof groupFormSchema>

export const strategyFormSchema = z.object({
  methods: optionalText(10_000),
  messages: z.record(z.string(), optionalText(5000)).default({}),
})
export type StrategyForm = z.infer<typeof strategyFormSchema>

export const materialFormSchema = z.object({
  title: z
    .string({ required_error: 'common:errors.required' })
    .trim()
    .min(1, 'common:errors.required')
    .max(300, 'common:errors.tooLong'),
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

export const activityStateList = ['planned', 'awaiting_validation', 'done', 'overdue'] as const
export type ActivityState = (typeof activityStateList)[number]

export const indicatorCodeList = ['RCO115', 'RCO81', 'RCO87'] as const
export type IndicatorCode = (typeof indicatorCodeList)[number]

/**
 * Which inputs each indicator takes from the mappings:
 * RCO115 counts cross-border events of the mapped kinds; RCO81 sums attendance of those events and
 * participants of actions of the mapped types; RCO87 counts organisations (partners + stakeholders
 * collaborating) and takes no mapping.
 */
export const indicatorInputs: Record<IndicatorCode, { eventKinds: boolean; actionTypes: boolean }> = {
  RCO115: { eventKinds: true, actionTypes: false },
  RCO81: { eventKinds: true, actionTypes: true },
  RCO87: { eventKinds: false, actionTypes: false },
}
