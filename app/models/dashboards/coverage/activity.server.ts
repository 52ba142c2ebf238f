/** Coverage of partners, working languages and materials. */
import { type SQL, sql } from 'drizzle-orm'

import { db } from '#db/client'

import { hasActionFilter, reachStatuses } from '../counted.server'
import { lastDay } from '../months'
import type { ActionFilters } from '../types'

/** Partners with no counted action in the month (and how many are active). */
export function partnerActivity(month: string, filters: ActionFilters, counted: SQL) {
  const partnersActive = db.all<{ id: number; name: string; actions: number; lastAction: string | null }>(sql`
    with monthCounts as materialized (
      select actions.partner_id as pid, count(*) as n from actions where actions.month = ${month} and ${counted} group by actions.partner_id
    )
    select p.id as id, p.name as name,
      coalesce((select a.n from monthCounts a where a.pid = p.id), 0) as actions,
      (select actions.date from actions where actions.partner_id = p.id and actions.date <= ${lastDay(month)} and ${counted}
        order by actions.date desc limit 1) as lastAction
    from partners p
    where p.archived_at is null ${filters.partner ? sql`and p.id = ${filters.partner}` : sql``}
    order by p.name`)
  const inactivePartners = partnersActive
    .filter((p) => Number(p.actions) === 0)
    .map((p) => ({ id: p.id, name: p.name, lastAction: p.lastAction }))
  return {
    total: partnersActive.length,
    active: partnersActive.length - inactivePartners.length,
    inactive: inactivePartners,
  }
}

/**
 * Working languages used by counted actions in the window. Without an action filter from the
 * trigger-kept action_language_months (a few rows a month).
 */
export function languagesUsed(
  {
    month,
    windowStart,
    filters,
    counted,
  }: { month: string; windowStart: string; filters: ActionFilters; counted: SQL },
  workingLanguages: string[],
) {
  const languageRows = hasActionFilter(filters)
    ? db.all<{ language: string; actions: number }>(sql`
        select l.language as language, count(*) as actions
        from actions join action_languages l on l.action_id = actions.id
        where actions.month between ${windowStart} and ${month} and ${counted}
        group by l.language`)
    : db.all<{ language: string; actions: number }>(sql`
        select r.language as language, sum(r.actions) as actions from action_language_months r
        where ${reachStatuses(filters)} and r.month between ${windowStart} and ${month}
        group by r.language`)
  const languages = workingLanguages.map((language) => ({
    language,
    actions: Number(languageRows.find((r) => r.language === language)?.actions ?? 0),
  }))
  return {
    working: languages,
    unused: languages.filter((l) => l.actions === 0).map((l) => l.language),
    /** Languages used that are not working languages (Catalan, Basque...): shown apart, never counted as working. */
    other: languageRows
      .filter((r) => !workingLanguages.includes(r.language) && Number(r.actions) > 0)
      .map((r) => ({ language: r.language, actions: Number(r.actions) }))
      .sort((a, b) => b.actions - a.actions || a.language.localeCompare(b.language)),
  }
}

/** Materials per language: every working language (even with none), then any other language. */
export function materialsByLanguage(workingLanguages: string[]) {
  const materialRows = db.all<{ language: string; materials: number }>(sql`
    select language, count(*) as materials from materials where archived_at is null and status = 'approved' group by language order by language`)
  const materialLanguages = [...new Set([...workingLanguages, ...materialRows.map((r) => r.language)])]
  return materialLanguages.map((language) => ({
    language,
    working: workingLanguages.includes(language),
    materials: Number(materialRows.find((r) => r.language === language)?.materials ?? 0),
  }))
}
