/**
 * The plan area's enumerated lists, shared by the server and the browser. No database imports
 * here: the lists mirror db/schema/plan.ts, and tests/unit/plan.test.ts checks they stay equal.
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
