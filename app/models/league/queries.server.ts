import { type SQL, sql } from 'drizzle-orm'

import { db } from '#db/client'
import type { PartnerRole } from '#db/schema'
import { lastDay } from '~/models/dashboards/months'

import { type LeagueBadgeKey, type LeaguePeriod, rulePoints, TIER_A_PER_ACTION } from './rules'
import type { LeagueFilter } from './schemas'

/** Is the league switched on for the project (the communications lead's switch)? */
export function leagueEnabled(): boolean {
  const row = db.get<{ on: number } | undefined>(sql`select league_enabled as "on" from project where id = 1`)
  return !!row?.on
}

/** The period the filter asks for: a month (default the current one, UTC) or the whole project. */
export function leaguePeriodOf(filter: LeagueFilter, today = new Date().toISOString().slice(0, 10)) {
  const period: LeaguePeriod = filter.period ?? 'month'
  const month = filter.month ?? today.slice(0, 7)
  return { period, month, group: filter.group }
}
type Period = ReturnType<typeof leaguePeriodOf>

/**
 * The validated, live actions (`v`) and, for each, what it earns under each rule. The "first"
 * rules look at the partner's whole history, whatever the period shown: an action is the first in
 * a channel or a language because nothing validated came before it.
 */
function scoredActions(inPeriod: SQL): SQL {
  return sql`
    v as (
      select id, partner_id, date, month, channel_id, event_id from actions
      where status = 'validated' and archived_at is null
    ),
    vp as (select * from v where ${inPeriod}),
    first_language as (
      select action_id, count(*) as n from (
        select l.action_id, row_number() over (partition by v.partner_id, l.language order by v.date, v.id) as rn
        from action_languages l join v on v.id = l.action_id
      ) where rn = 1 group by action_id
    ),
    first_channel as (
      select id as action_id from (
        select id, row_number() over (partition by partner_id, channel_id order by date, id) as rn
        from v where channel_id is not null
      ) where rn = 1
    ),
    tier_a as (
      select s.action_id, min(count(*), ${TIER_A_PER_ACTION}) as n
      from action_stakeholders s join stakeholder_priority p on p.stakeholder_id = s.stakeholder_id
      where p.tier = 'A' and s.action_id in (select id from vp)
      group by s.action_id
    ),
    planned_events as (
      select e.id from events e
      where e.archived_at is null and (
        coalesce(json_array_length(e.plan_target_group_ids), 0) > 0
        or coalesce(trim(e.plan_messages), '') <> ''
        or coalesce(trim(e.plan_notes), '') <> ''
        or exists (select 1 from planned_activities pa where pa.event_id = e.id and pa.archived_at is null)
      )
    ),
    scored as (
      select vp.partner_id,
        count(*) as validated,
        coalesce(sum(ta.n), 0) as tier_a,
        coalesce(sum(fl.n), 0) as new_language,
        count(pe.id) as event_plan,
        count(fc.action_id) as first_channel
      from vp
      left join tier_a ta on ta.action_id = vp.id
      left join first_language fl on fl.action_id = vp.id
      left join first_channel fc on fc.action_id = vp.id
      left join planned_events pe on pe.id = vp.event_id
      group by vp.partner_id
    ),
    points as (
      select p.id as partner_id, p.name, p.role,
        coalesce(s.validated, 0) as validated,
        coalesce(s.tier_a, 0) as tier_a,
        coalesce(s.new_language, 0) as new_language,
        coalesce(s.event_plan, 0) as event_plan,
        coalesce(s.first_channel, 0) as first_channel,
        coalesce(s.validated, 0) * ${rulePoints('validated')}
          + coalesce(s.tier_a, 0) * ${rulePoints('tierA')}
          + coalesce(s.new_language, 0) * ${rulePoints('newLanguage')}
          + coalesce(s.event_plan, 0) * ${rulePoints('eventPlan')}
          + coalesce(s.first_channel, 0) * ${rulePoints('firstChannel')} as points
      from partners p left join scored s on s.partner_id = p.id
      where p.archived_at is null
    )`
}

const periodCondition = (p: Period) => (p.period === 'month' ? sql`month = ${p.month}` : sql`1 = 1`)
/** Badges are earned by what was validated up to the period's end (any time, for the project). */
const periodEnd = (p: Period) => (p.period === 'month' ? lastDay(p.month) : '9999-12-31')

export type LeagueRow = {
  rank: number
  partnerId: number
  name: string
  role: PartnerRole
  points: number
  validated: number
  tierA: number
  newLanguage: number
  eventPlan: number
  firstChannel: number
  badges: LeagueBadgeKey[]
}

/**
 * The standings of the live partners for the period: points, validated actions, what each rule
 * gave, the rank (equal points share a rank) and the badges; highest first, then by name.
 */
export function leagueStandings(
  p: Period,
  page: { limit: number; offset: number } = { limit: 1000, offset: 0 },
): { rows: LeagueRow[]; total: number } {
  const group = p.group ? sql`where role = ${p.group}` : sql``
  const rows = db.all<Omit<LeagueRow, 'badges'>>(sql`
    with ${scoredActions(periodCondition(p))}
    select rank() over (order by points desc) as rank, partner_id as partnerId, name, role, points, validated,
      tier_a as tierA, new_language as newLanguage, event_plan as eventPlan, first_channel as firstChannel
    from points ${group}
    order by points desc, validated desc, name collate nocase, partner_id
    limit ${page.limit} offset ${page.offset}`)
  const total = db.get<{ n: number }>(
    sql`select count(*) as n from partners where archived_at is null ${p.group ? sql`and role = ${p.group}` : sql``}`,
  )!.n
  const badges = leagueBadges(periodEnd(p))
  return { rows: rows.map((r) => ({ ...r, badges: badges.get(r.partnerId) ?? [] })), total }
}

export type LeagueGroupRow = {
  role: PartnerRole
  partners: number
  points: number
  validated: number
  average: number
}

/** The same points added up per partner group (lead partner, partners, associated partners). */
export function leagueGroups(p: Period): LeagueGroupRow[] {
  return db.all<LeagueGroupRow>(sql`
    with ${scoredActions(periodCondition(p))}
    select role, count(*) as partners, sum(points) as points, sum(validated) as validated,
      round(avg(points), 1) as average
    from points group by role
    order by case role when 'lead' then 0 when 'partner' then 1 else 2 end`)
}

/** Each partner's badges, from the validated, live actions dated up to `end`. */
function leagueBadges(end: string): Map<number, LeagueBadgeKey[]> {
  const earned = new Map<number, LeagueBadgeKey[]>()
  const add = (key: LeagueBadgeKey, ids: { partnerId: number }[]) => {
    for (const { partnerId } of ids) earned.set(partnerId, [...(earned.get(partnerId) ?? []), key])
  }
  const v = sql`v as (
    select id, partner_id, date, month, channel_id from actions
    where status = 'validated' and archived_at is null and date <= ${end}
  )`
  // The first partner of the project to have a validated action in a channel.
  add(
    'trailblazer',
    db.all(sql`with ${v}
      select distinct partner_id as partnerId from (
        select partner_id, row_number() over (partition by channel_id order by date, id) as rn
        from v where channel_id is not null
      ) where rn = 1`),
  )
  // Validated actions in every working language of the project.
  add(
    'allLanguages',
    db.all(sql`with ${v}, wl as (
        select value as language from json_each((select working_languages from project where id = 1))
      )
      select v.partner_id as partnerId from v join action_languages l on l.action_id = v.id
      where l.language in (select language from wl)
      group by v.partner_id
      having count(distinct l.language) = (select count(*) from wl)`),
  )
  // Validated actions in three calendar months in a row.
  add(
    'threeMonths',
    db.all(sql`with ${v}, m as (
        select distinct partner_id, cast(substr(month, 1, 4) as integer) * 12 + cast(substr(month, 6, 2) as integer) as n
        from v
      )
      select distinct a.partner_id as partnerId from m a
      join m b on b.partner_id = a.partner_id and b.n = a.n + 1
      join m c on c.partner_id = a.partner_id and c.n = a.n + 2`),
  )
  return earned
}
