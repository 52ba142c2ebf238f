/** Priority stakeholders (tier A, or a group's members) not reached in the window. */
import { type SQL, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { byRegisterVersion, groupMembersWhere, reachedInMonths } from '~/models/plan/index.server'

import { hasActionFilter, reachStatuses } from '../counted.server'
import { lastDay } from '../months'
import type { ActionFilters } from '../types'

type Window = { month: string; windowStart: string; filters: ActionFilters; counted: SQL }

type UnreachedRow = {
  id: number
  name: string
  category: string
  categoryKey: string | null
  ownerId: number | null
  owner: string | null
  tier: string | null
  score: number | null
  lastReached: string | null
  total: number
  unreached: number
}

function priorityGroup(groupId: number | undefined) {
  return groupId
    ? db.get<{ id: number; name: string; filter: string }>(
        sql`select id, name, filter from stakeholder_groups where id = ${groupId} and archived_at is null`,
      )
    : undefined
}

/**
 * Without an action filter, "reached" reads the trigger-kept stakeholder_reach_months (one index
 * probe per member); with one, the counted actions' links in the window.
 */
function reachedInWindow({ month, windowStart, filters, counted }: Window): SQL {
  return hasActionFilter(filters)
    ? sql`stakeholders.id in (select x.stakeholder_id from action_stakeholders x join actions on actions.id = x.action_id
        where actions.month between ${windowStart} and ${month} and ${counted})`
    : sql`exists (select 1 from stakeholder_reach_months r where r.stakeholder_id = stakeholders.id and ${reachStatuses(filters)}
        and r.month between ${windowStart} and ${month})`
}

/**
 * The date a listed stakeholder was last reached up to the month's end. Without an action filter
 * from the latest date each stakeholder_reach_months row keeps (one index probe); with one, from
 * the counted actions' links.
 */
function lastReached({ month, filters, counted }: Window): SQL {
  return hasActionFilter(filters)
    ? sql`(select max(actions.date) from action_stakeholders x join actions on actions.id = x.action_id
        where x.stakeholder_id = cp.id and actions.date <= ${lastDay(month)} and ${counted})`
    : sql`(select max(r.last_date) from stakeholder_reach_months r where r.stakeholder_id = cp.id and ${reachStatuses(filters)}
        and r.month <= ${month})`
}

/**
 * One pass: the reached set is built once; the window functions count the whole population
 * before the unreached rows are picked, so the list and its counts always agree.
 */
function unreachedRows(w: Window, population: SQL, inCategory: SQL, limit: number) {
  return db.all<UnreachedRow>(sql`
    with pop as materialized (
      select stakeholders.id as id, stakeholders.name as name, stakeholders.category_id as categoryId,
        stakeholders.owner_partner_id as ownerId, ${reachedInWindow(w)} as isReached
      from stakeholders where ${population} and ${inCategory}
    ),
    counted_pop as (
      select pop.*, count(*) over () as total, sum(1 - pop.isReached) over () as unreached from pop
    ),
    picked as materialized (
      select cp.*, sp.tier as tier, sp.score as score from counted_pop cp
      left join stakeholder_priority sp on sp.stakeholder_id = cp.id
      where cp.isReached = 0
      order by sp.score is null, sp.score desc, cp.name, cp.id
      limit ${limit}
    )
    -- The last contact is looked up for the listed rows only, after the limit.
    select cp.id as id, cp.name as name, c.name as category, c.key as categoryKey, cp.ownerId as ownerId, p.name as owner,
      cp.tier as tier, cp.score as score, cp.total as total, cp.unreached as unreached,
      ${lastReached(w)} as lastReached
    from picked cp
    join stakeholder_categories c on c.id = cp.categoryId
    left join partners p on p.id = cp.ownerId
    order by cp.score is null, cp.score desc, cp.name, cp.id`)
}

type Member = {
  id: number
  name: string
  categoryId: number
  ownerId: number | null
  tier: string | null
  score: number | null
}

/**
 * Without an action filter, the same rows from memory: the population in list order, kept until
 * the register changes (register-cache), checked against the monthly sets of stakeholders reached
 * (reach-sets); only the listed rows' names and last contact are read. Equal to unreachedRows
 * (tested after writes of every kind).
 */
function unreachedFromSets(w: Window, key: string, population: SQL, inCategory: SQL, limit: number) {
  const members = byRegisterVersion(`priority:${key}:${w.filters.category ?? ''}`, () =>
    db.all<Member>(sql`
      select stakeholders.id as id, stakeholders.name as name, stakeholders.category_id as categoryId,
        stakeholders.owner_partner_id as ownerId, sp.tier as tier, sp.score as score
      from stakeholders left join stakeholder_priority sp on sp.stakeholder_id = stakeholders.id
      where ${population} and ${inCategory}
      order by sp.score is null, sp.score desc, stakeholders.name, stakeholders.id`),
  )
  const statuses = w.filters.validatedOnly !== false ? ['validated'] : ['submitted', 'validated']
  const reached = reachedInMonths(statuses, w.windowStart, w.month)
  const unreached = members.filter((m) => !reached.has(m.id))
  const picked = unreached.slice(0, limit)
  const details = new Map(
    (picked.length
      ? db.all<{
          id: number
          category: string
          categoryKey: string | null
          owner: string | null
          lastReached: string | null
        }>(sql`
          select cp.id as id, c.name as category, c.key as categoryKey, p.name as owner, ${lastReached(w)} as lastReached
          from stakeholders cp join stakeholder_categories c on c.id = cp.category_id
          left join partners p on p.id = cp.owner_partner_id
          where cp.id in ${picked.map((m) => m.id)}`)
      : []
    ).map((d) => [d.id, d]),
  )
  return {
    total: members.length,
    unreached: unreached.length,
    rows: picked.map((m) => {
      const d = details.get(m.id)!
      return {
        id: m.id,
        name: m.name,
        category: d.category,
        categoryKey: d.categoryKey,
        ownerId: m.ownerId,
        owner: d.owner,
        tier: m.tier,
        score: m.score,
        lastReached: d.lastReached,
      }
    }),
  }
}

/** The priority population not reached in the window: the first `limit` rows and full counts. */
export function unreachedPriority(w: Window, groupId: number | undefined, limit: number) {
  const group = priorityGroup(groupId)
  const population: SQL = group
    ? groupMembersWhere(JSON.parse(group.filter || '{}'))
    : sql`stakeholders.archived_at is null and stakeholders.merged_into_id is null and stakeholders.id in (select stakeholder_id from stakeholder_priority where tier = 'A')`
  const inCategory = w.filters.category ? sql`stakeholders.category_id = ${w.filters.category}` : sql`1`
  if (!hasActionFilter(w.filters)) {
    const found = unreachedFromSets(w, group ? `group:${group.id}` : 'tierA', population, inCategory, limit)
    return { group: group ? { id: group.id, name: group.name } : null, ...found, limit }
  }
  const rows = unreachedRows(w, population, inCategory, limit)
  // With nobody unreached the list is empty; count the population on its own then.
  const counts = rows.length
    ? { total: Number(rows[0].total), unreached: Number(rows[0].unreached) }
    : {
        total: Number(
          db.get<{ n: number }>(
            sql`select count(*) as n from stakeholders where ${population} and ${inCategory}`,
          )?.n ?? 0,
        ),
        unreached: 0,
      }
  return {
    group: group ? { id: group.id, name: group.name } : null,
    total: Number(counts.total),
    unreached: Number(counts.unreached),
    rows: rows.map(({ total: _t, unreached: _u, ...row }) => row),
    limit,
  }
}
