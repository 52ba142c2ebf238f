import { z } from 'zod'

import { actionStatuses } from '#db/schema'

import { isRealDate } from './form'

/** An optional URL parameter that is ignored (not an error) when it does not parse. */
const lenient = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional()).catch(undefined)

const idParam = lenient(z.coerce.number().int().positive())
const dateParam = lenient(z.string().refine(isRealDate))

export const actionSorts = ['date_desc', 'date_asc'] as const

/** The URL parameters of /actions (and /actions.csv, and the dashboards' filters). */
export const actionFilterSchema = z.object({
  partner: idParam,
  type: idParam,
  channel: idParam,
  language: lenient(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z]{2,3}$/),
  ),
  status: lenient(z.enum(actionStatuses)),
  from: dateParam,
  to: dateParam,
  stakeholder: idParam,
  theme: idParam,
  event: idParam,
  q: lenient(z.string().trim().min(1).max(200)),
  mine: lenient(z.enum(['1'])),
  sort: lenient(z.enum(actionSorts)),
})
export type ActionFilter = z.infer<typeof actionFilterSchema>

/** Reads the filter from a URL's search parameters; unknown or malformed values are dropped. */
export function actionFilterFromUrl(url: URL | URLSearchParams): ActionFilter {
  const params = url instanceof URL ? url.searchParams : url
  const raw: Record<string, string> = {}
  for (const key of Object.keys(actionFilterSchema.shape)) {
    const v = params.get(key)
    if (v !== null) raw[key] = v
  }
  return actionFilterSchema.parse(raw)
}
