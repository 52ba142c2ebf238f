/**
 * The dashboards' URL parameters (client-safe: no database): parsed with zod, anything invalid
 * falls back to its default.
 */
import { z } from 'zod'

import { type ActionFilters, reachMetrics } from './types'

const monthRe = /^\d{4}-(0[1-9]|1[0-2])$/
const optionalId = z.coerce.number().int().positive().optional().catch(undefined)
const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v)

/** The URL parameters both dashboards share; anything invalid falls back to its default. */
export const dashboardFilterSchema = z.object({
  month: z.preprocess(emptyToUndefined, z.string().regex(monthRe).optional()).catch(undefined),
  months: z
    .preprocess(
      emptyToUndefined,
      z.coerce
        .number()
        .pipe(z.union([z.literal(12), z.literal(24)]))
        .optional(),
    )
    .catch(undefined),
  stack: z.preprocess(emptyToUndefined, z.enum(['channel', 'type']).optional()).catch(undefined),
  metric: z.preprocess(emptyToUndefined, z.enum(reachMetrics).optional()).catch(undefined),
  partner: z.preprocess(emptyToUndefined, optionalId),
  channel: z.preprocess(emptyToUndefined, optionalId),
  type: z.preprocess(emptyToUndefined, optionalId),
  category: z.preprocess(emptyToUndefined, optionalId),
  validated: z.preprocess(emptyToUndefined, z.enum(['0', '1']).optional()).catch(undefined),
  /** Coverage: "not reached in the last N months". */
  since: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(36).optional()).catch(undefined),
  group: z.preprocess(emptyToUndefined, optionalId),
})
export type DashboardParams = z.infer<typeof dashboardFilterSchema>

export function parseDashboardParams(search: URLSearchParams | string) {
  const params = new URLSearchParams(search)
  const raw = Object.fromEntries([...params.keys()].map((k) => [k, params.get(k)]))
  return dashboardFilterSchema.parse(raw)
}

export function filtersFrom(p: DashboardParams): ActionFilters {
  return {
    partner: p.partner,
    channel: p.channel,
    type: p.type,
    category: p.category,
    validatedOnly: p.validated !== '0',
  }
}
