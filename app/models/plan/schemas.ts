import { z } from 'zod'

import {
  emptyToUndefined,
  filterArchived,
  filterDate,
  filterId,
  filterSearch,
  optionalId,
  optionalText,
  requiredDate,
  requiredTitle,
  toArray,
} from './form-fields'
import {
  activityPhaseList,
  activityStateList,
  eventKindList,
  indicatorCodeList,
  metricBreakdowns,
  scaleList,
  stageList,
  type TargetBreakdown,
  targetBreakdownList,
  targetMetricList,
  targetPeriodKindList,
  tierList,
} from './lists'

/**
 * The plan area's form schemas, shared by the server (the check) and the browser (errors as you
 * type). No database imports here.
 */

export * from './lists'

const isoMonth = /^\d{4}-(0[1-9]|1[0-2])$/
const isoQuarter = /^\d{4}-Q[1-4]$/

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

export const activityFormSchema = z.object({
  title: requiredTitle(300),
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

/** The work plan's filters from its URL (the page and its CSV read the same ones). */
export const activityFilterSchema = z.object({
  partner: filterId,
  group: filterId,
  event: filterId,
  type: filterId,
  channel: filterId,
  state: z.preprocess(emptyToUndefined, z.enum(activityStateList).optional()).catch(undefined),
  from: filterDate,
  to: filterDate,
  q: filterSearch,
  archived: filterArchived,
})
export type ActivityFilter = z.infer<typeof activityFilterSchema>

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
  name: requiredTitle(200),
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

/** One indicator's mapping: which event kinds and action types count towards it. */
export const mappingFormSchema = z.object({
  indicator: z.enum(indicatorCodeList),
  eventKinds: z.preprocess(toArray, z.array(z.enum(eventKindList))),
  typeIds: z.preprocess(toArray, z.array(z.coerce.number().int().positive())),
})
export type MappingForm = z.infer<typeof mappingFormSchema>

/** The options the activity form chooses from (planFormOptions on the server). */
type Option = { value: number; label: string; key?: string | null }
export type ActivityFormOptions = {
  partners: Option[]
  groups: Option[]
  types: Option[]
  channels: Option[]
  events: Option[]
}

/** The options the group filter form chooses from (groupFilterOptions on the server). */
export type GroupFilterOptions = {
  categories: Option[]
  partners: Option[]
  themes: Option[]
  stages: readonly string[]
  tiers: readonly string[]
  scales: readonly string[]
}

/** What the target form needs (targetFormData on the server). */
export type TargetFormData = {
  metrics: readonly string[]
  periodKinds: readonly string[]
  quarters: string[]
  reportingPeriods: { label: string }[]
  facets: { breakdown: string; options: { value: string; label: string }[] }[]
}
