/**
 * Month arithmetic, figure names and links shared by the dashboard model (server) and its pages
 * (browser): pure functions, no database.
 */
export const reachMetrics = ['actions', 'participants', 'online_reach', 'engagements'] as const
export type ReachMetric = (typeof reachMetrics)[number]

export type ActionFilters = {
  partner?: number
  channel?: number
  type?: number
  /** Stakeholder category: actions that reached at least one stakeholder of it. */
  category?: number
  /** true (default): validated actions only; false: submitted and validated. */
  validatedOnly?: boolean
}

export type Figures = { actions: number; participants: number; onlineReach: number; engagements: number }

export const figureKey: Record<ReachMetric, keyof Figures> = {
  actions: 'actions',
  participants: 'participants',
  online_reach: 'onlineReach',
  engagements: 'engagements',
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number)
  const total = y * 12 + (m - 1) + n
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`
}

export function monthRange(from: string, to: string): string[] {
  const out: string[] = []
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m)
  return out
}

export function firstDay(month: string) {
  return `${month}-01`
}

export function lastDay(month: string) {
  const [y, m] = month.split('-').map(Number)
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`
}

const dayMs = 86_400_000
/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs) + 1
}

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
