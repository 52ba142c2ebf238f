/**
 * Names and shapes shared by the dashboard model (server) and its pages (browser): no database.
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

export type HeadlineKey =
  'actions' | 'participants' | 'onlineReach' | 'engagements' | 'stakeholdersReached' | 'newStakeholders'
export const headlineKeys: HeadlineKey[] = [
  'actions',
  'participants',
  'onlineReach',
  'engagements',
  'stakeholdersReached',
  'newStakeholders',
]
export type Headline = { key: HeadlineKey; value: number; previous: number; yearAgo: number }

/** A channel, action type or stakeholder category: built-in ones have a translation key. */
export type Named = { id: number | null; name: string; key: string | null }

/** One choice of the filter form. */
export type DashboardOption = { id: number | null; name: string; key?: string | null }
export type DashboardOptions = {
  partners: DashboardOption[]
  channels: DashboardOption[]
  types: DashboardOption[]
  categories: DashboardOption[]
  groups: { id: number; name: string }[]
}
