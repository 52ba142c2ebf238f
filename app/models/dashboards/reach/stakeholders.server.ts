/** Reach figures that join actions to the stakeholders they reached. */
import { type SQL, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { computeMetric } from '~/models/plan/index.server'

import { hasActionFilter, reachStatuses } from '../counted.server'
import { firstDay, lastDay } from '../months'
import { type FigureRow, figures } from '../shared.server'
import type { ActionFilters } from '../types'

/**
 * Distinct stakeholders reached in each month. Without an action filter from the trigger-kept
 * stakeholder_reach_months (index entries only); with one, each month on its own (an equality on
 * month lets the covering index drive the join).
 */
export function reachedPerMonth(months: string[], filters: ActionFilters, counted: SQL) {
  return months.map((m) => ({
    month: m,
    reached: Number(
      db.get<{ n: number }>(
        hasActionFilter(filters)
          ? sql`select count(distinct x.stakeholder_id) as n
              from actions join action_stakeholders x on x.action_id = actions.id
              where actions.month = ${m} and ${counted}`
          : sql`select count(distinct r.stakeholder_id) as n from stakeholder_reach_months r where ${reachStatuses(filters)} and r.month = ${m}`,
      )?.n ?? 0,
    ),
  }))
}

export type StakeholderFact = FigureRow & { kind: 'reached' | 'category'; k: string | number; n: number }

/**
 * The month's figures per stakeholder category: distinct stakeholders reached and the actions'
 * figures (an action reaching two categories counts in both; stakeholders are distinct per
 * category). Without an action filter from the trigger-kept roll-ups (migration 0020, a few rows
 * a month); with one, one statement over the month's links.
 */
export function stakeholderFacts(month: string, filters: ActionFilters, counted: SQL) {
  if (hasActionFilter(filters)) return stakeholderFactsFromLinks(month, counted)
  const statuses = reachStatuses(filters)
  // Distinct stakeholders add up across categories but not across statuses: with submitted
  // actions counted too, a stakeholder reached under both statuses is counted once.
  const reached =
    filters.validatedOnly !== false
      ? sql`select 'reached' as kind, r.category_id as k, sum(r.stakeholders) as n, 0 as actions, 0 as participants,
            0 as onlineReach, 0 as engagements
          from category_reach_months r where ${statuses} and r.month = ${month} group by r.category_id`
      : sql`select 'reached' as kind, s.category_id as k, count(distinct r.stakeholder_id) as n, 0 as actions,
            0 as participants, 0 as onlineReach, 0 as engagements
          from stakeholder_reach_months r join stakeholders s on s.id = r.stakeholder_id
          where ${statuses} and r.month = ${month} group by s.category_id`
  return db.all<StakeholderFact>(sql`
    ${reached}
    union all
    select 'category', r.category_id, 0, sum(r.actions), sum(r.participants), sum(r.online_reach), sum(r.engagements)
      from action_category_months r where ${statuses} and r.month = ${month} group by r.category_id`)
}

function stakeholderFactsFromLinks(month: string, counted: SQL) {
  return db.all<StakeholderFact>(sql`
    with rc as materialized (
      select actions.id as aid, x.stakeholder_id as sid, x.category_id as cid, actions.participants as p,
        actions.online_reach as o, actions.engagements as e
      from actions join action_stakeholders x on x.action_id = actions.id
      where actions.month = ${month} and ${counted}
    )
    select 'reached' as kind, cid as k, count(distinct sid) as n, 0 as actions, 0 as participants, 0 as onlineReach, 0 as engagements
      from rc group by cid
    union all
    select 'category', cid, 0, count(*), coalesce(sum(p), 0), coalesce(sum(o), 0), coalesce(sum(e), 0)
      from (select distinct aid, cid, p, o, e from rc) group by cid`)
}

/**
 * Stakeholders newly engaged in a month, from the plan's own metric so the dashboard and the
 * targets agree.
 */
export function newlyEngaged(m: string, filters: ActionFilters) {
  // A stakeholder-state metric: the partner filter means the owner partner, the category filter the category.
  const facet = filters.partner
    ? { breakdown: 'partner' as const, breakdownValue: filters.partner }
    : filters.category
      ? { breakdown: 'category' as const, breakdownValue: filters.category }
      : {}
  return computeMetric({
    metric: 'new_stakeholders_engaged',
    from: firstDay(m),
    to: lastDay(m),
    includeSubmitted: filters.validatedOnly === false,
    ...facet,
  })
}

/** Per stakeholder category (from `stakeholderFacts`), every live category listed. */
export function categoryBreakdown(facts: StakeholderFact[], filters: ActionFilters) {
  const categoryFigures = facts.filter((f) => f.kind === 'category').map((f) => ({ ...f, cid: Number(f.k) }))
  const categoryReached = facts
    .filter((f) => f.kind === 'reached')
    .map((f) => ({ cid: Number(f.k), n: Number(f.n) }))
  const categoryList = db.all<{ id: number; name: string; key: string | null; archived: string | null }>(
    sql`select id, name, key, archived_at as archived from stakeholder_categories order by sort_order, name`,
  )
  return categoryList
    .filter((c) =>
      filters.category
        ? c.id === filters.category
        : !c.archived || categoryFigures.some((f) => f.cid === c.id),
    )
    .map((c) => ({
      id: c.id,
      name: c.name,
      key: c.key,
      ...figures(categoryFigures.find((f) => f.cid === c.id)),
      stakeholders: Number(categoryReached.find((r) => r.cid === c.id)?.n ?? 0),
    }))
}
