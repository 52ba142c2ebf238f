import { z } from 'zod'

import { partnerRoles } from '#db/schema/core'
import { emptyToUndefined } from '~/models/plan/form-fields'

import { leaguePeriods } from './rules'

const monthRe = /^\d{4}-(0[1-9]|1[0-2])$/

/**
 * The league's filters, as in /league?period=month&month=2026-05&group=lead. An unknown value is
 * dropped (the page falls back to the current month, all partners) rather than refused.
 */
export const leagueFilterSchema = z.object({
  period: z.preprocess(emptyToUndefined, z.enum(leaguePeriods).optional()).catch(undefined),
  month: z.preprocess(emptyToUndefined, z.string().regex(monthRe).optional()).catch(undefined),
  group: z.preprocess(emptyToUndefined, z.enum(partnerRoles).optional()).catch(undefined),
})
export type LeagueFilter = z.infer<typeof leagueFilterSchema>

/** The communications lead's switch on /admin/project. */
export const leagueSwitchSchema = z.object({
  intent: z.literal('league'),
  // A checkbox: present ("on") when ticked, absent when not; anything else is refused.
  leagueEnabled: z
    .enum(['on', 'true'])
    .optional()
    .transform((v) => v !== undefined),
})
