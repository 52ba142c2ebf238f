import { parseWithZod, unstable_coerceFormValue as coerceFormValue } from '@conform-to/zod'
import type { ZodTypeAny } from 'zod'

const coerced = new WeakMap<ZodTypeAny, ZodTypeAny>()

/**
 * Conform's `parseWithZod`, with its form-value coercion (empty strings to undefined, text to
 * numbers, booleans and dates) built once per schema. `parseWithZod` rebuilds the coerced
 * schema on every submission, which was a tenth of the server's time per logged action
 * (see BENCHMARKS.md). Same result, same types.
 */
export function parseForm<Schema extends ZodTypeAny>(
  payload: FormData | URLSearchParams,
  options: { schema: Schema },
) {
  let schema = coerced.get(options.schema)
  if (!schema) {
    schema = coerceFormValue(options.schema)
    coerced.set(options.schema, schema)
  }
  return parseWithZod(payload, { schema: schema as Schema, disableAutoCoercion: true })
}
