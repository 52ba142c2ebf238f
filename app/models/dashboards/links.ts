import { firstDay, lastDay } from './months'
import type { ActionFilters } from './types'

/** The action list's URL for the actions behind a figure (validated only when the dashboard is). */
export function actionsLink(
  filters: ActionFilters,
  from: string,
  to: string,
  extra: Record<string, string | number | undefined> = {},
) {
  const params = new URLSearchParams()
  const put = (k: string, v: string | number | undefined) => {
    if (v !== undefined && v !== '') params.set(k, String(v))
  }
  put('partner', extra.partner ?? filters.partner)
  put('channel', extra.channel ?? filters.channel)
  put('type', extra.type ?? filters.type)
  put('language', extra.language)
  put('from', firstDay(from))
  put('to', lastDay(to))
  if (filters.validatedOnly !== false) params.set('status', 'validated')
  return `/actions?${params.toString()}`
}
