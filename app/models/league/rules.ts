/**
 * The partner league's rules: what a validated action earns, and the badges. One table read by the
 * standings query (the points) and by /league/rules (the words), so the page explains exactly what
 * is counted. Only validated, live actions count; a draft, submitted, returned or archived action
 * earns nothing.
 */

export const leagueRuleKeys = ['validated', 'tierA', 'newLanguage', 'eventPlan', 'firstChannel'] as const
export type LeagueRuleKey = (typeof leagueRuleKeys)[number]

/** At most this many tier-A stakeholders count on one action (listing fifty earns no more). */
export const TIER_A_PER_ACTION = 3

export const leagueRules: readonly { key: LeagueRuleKey; points: number }[] = [
  // Every validated action: the base point.
  { key: 'validated', points: 1 },
  // For each tier-A stakeholder the action reached (up to TIER_A_PER_ACTION per action).
  { key: 'tierA', points: 2 },
  // For each language of the action that the partner had not used in a validated action before the
  // quarter of this action; once per language (its first action earns it).
  { key: 'newLanguage', points: 2 },
  // An action at an event that has its own communication plan.
  { key: 'eventPlan', points: 2 },
  // The partner's first validated action in a channel.
  { key: 'firstChannel', points: 3 },
]

export function rulePoints(key: LeagueRuleKey): number {
  return leagueRules.find((r) => r.key === key)!.points
}

export const leagueBadgeKeys = ['trailblazer', 'allLanguages', 'threeMonths'] as const
export type LeagueBadgeKey = (typeof leagueBadgeKeys)[number]

export const leaguePeriods = ['month', 'project'] as const
export type LeaguePeriod = (typeof leaguePeriods)[number]
