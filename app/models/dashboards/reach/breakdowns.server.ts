/** The month's reach per partner (with each partner's target) and per language. */
import { type SQL, sql } from 'drizzle-orm'

import { db } from '#db/client'

import { hasActionFilter, reachStatuses } from '../counted.server'
import { firstDay, lastDay, proratedTarget, round1 } from '../months'
import { activeTargets, figureColumns, type FigureRow, figures } from '../shared.server'
import type { ActionFilters, ReachMetric } from '../types'

/** Per partner for the month, with each partner's target for the chosen metric. */
export function partnerBreakdown(month: string, metric: ReachMetric, filters: ActionFilters, counted: SQL) {
  const partnerRows = db.all<FigureRow & { id: number; name: string }>(sql`
    select p.id as id, p.name as name, coalesce(a.actions, 0) as actions, coalesce(a.participants, 0) as participants,
      coalesce(a.onlineReach, 0) as onlineReach, coalesce(a.engagements, 0) as engagements
    from partners p
    left join (
      select actions.partner_id as pid, ${figureColumns} from actions
      where actions.month = ${month} and ${counted}
      group by actions.partner_id
    ) a on a.pid = p.id
    where ${filters.partner ? sql`p.id = ${filters.partner}` : sql`(p.archived_at is null or a.pid is not null)`}
    order by p.name`)
  const partnerTargets = activeTargets(metric, firstDay(month), lastDay(month), 'partner')
  return partnerRows.map((p) => {
    const own = partnerTargets.filter((t) => t.breakdownValue === String(p.id))
    const target = own.length
      ? round1(own.reduce((s, t) => s + proratedTarget(t, firstDay(month), lastDay(month)), 0))
      : null
    return { id: p.id, name: p.name, ...figures(p), target }
  })
}

/**
 * Per language: an action in two languages counts in both; working languages always listed.
 * Without an action filter from the trigger-kept action_language_months (migration 0020).
 */
export function languageBreakdown(
  month: string,
  filters: ActionFilters,
  counted: SQL,
  workingLanguages: string[],
) {
  const languageRows = hasActionFilter(filters)
    ? db.all<FigureRow & { language: string }>(sql`
        select l.language as language, ${figureColumns}
        from actions join action_languages l on l.action_id = actions.id
        where actions.month = ${month} and ${counted}
        group by l.language`)
    : db.all<FigureRow & { language: string }>(sql`
        select r.language as language, sum(r.actions) as actions, sum(r.participants) as participants,
          sum(r.online_reach) as onlineReach, sum(r.engagements) as engagements
        from action_language_months r where ${reachStatuses(filters)} and r.month = ${month}
        group by r.language`)
  const languages = [...new Set([...workingLanguages, ...languageRows.map((r) => r.language)])]
  return languages.map((language) => ({
    language,
    working: workingLanguages.includes(language),
    ...figures(languageRows.find((r) => r.language === language)),
  }))
}
