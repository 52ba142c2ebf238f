import { type SQL, sql } from 'drizzle-orm'

import { db } from '#db/client'
import type { PartnerRole } from '#db/schema'
import { firstDay, lastDay } from '~/models/dashboards/months'

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

/** The project period has no "before": no action is dated earlier than this. */
// Stryker disable next-line StringLiteral: '' is as early as this date (no action date sorts below either)
const BEFORE_ANY_ACTION = '0000-01-01'

/**
 * What each live partner earned in the period under each rule, from its validated, live actions
 * there (`vp`). The "first" rules ask whether the partner had a validated action in that channel
 * or language before the period began: the first action of a channel or language is in the period
 * exactly when none came before it. Each check walks one partner's earlier actions by index, so a
 * month costs the month's actions, not the project's history.
 */
function scoredActions(p: Period): SQL {
  const inPeriod = p.period === 'month' ? sql`month = ${p.month}` : sql`1 = 1`
  const start = p.period === 'month' ? firstDay(p.month) : BEFORE_ANY_ACTION
  return sql`
    vp as (
      select id, partner_id, channel_id from actions
      where status = 'validated' and archived_at is null and ${inPeriod}
    ),
    first_channel as (
      select c.partner_id, count(*) as n from (
        select distinct partner_id, channel_id from vp where channel_id is not null
      ) c
      where not exists (
        select 1 from actions b
        where b.partner_id = c.partner_id and b.status = 'validated' and b.archived_at is null
          and b.date < ${start} and b.channel_id = c.channel_id
      )
      group by c.partner_id
    ),
    first_language as (
      select pl.partner_id, count(*) as n from (
        select distinct vp.partner_id, l.language from vp join action_languages l on l.action_id = vp.id
      ) pl
      where not exists (
        select 1 from actions b join action_languages bl on bl.action_id = b.id and bl.language = pl.language
        where b.partner_id = pl.partner_id and b.status = 'validated' and b.archived_at is null and b.date < ${start}
      )
      group by pl.partner_id
    ),
    tier_a as (
      select vp.partner_id, sum(t.n) as n from vp join (
        select s.action_id, min(count(*), ${TIER_A_PER_ACTION}) as n
        from action_stakeholders s join stakeholder_priority sp on sp.stakeholder_id = s.stakeholder_id
        where sp.tier = 'A' and s.action_id in (select id from vp)
        group by s.action_id
      ) t on t.action_id = vp.id
      group by vp.partner_id
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
    at_planned_events as (
      select a.partner_id, count(*) as n from actions a
      where a.event_id in (select id from planned_events)
        and a.status = 'validated' and a.archived_at is null and ${inPeriod}
      group by a.partner_id
    ),
    counted as (select partner_id, count(*) as validated from vp group by partner_id),
    points as (
      select p.id as partner_id, p.name, p.role,
        coalesce(c.validated, 0) as validated,
        coalesce(ta.n, 0) as tier_a,
        coalesce(fl.n, 0) as new_language,
        coalesce(pe.n, 0) as event_plan,
        coalesce(fc.n, 0) as first_channel,
        coalesce(c.validated, 0) * ${rulePoints('validated')}
          + coalesce(ta.n, 0) * ${rulePoints('tierA')}
          + coalesce(fl.n, 0) * ${rulePoints('newLanguage')}
          + coalesce(pe.n, 0) * ${rulePoints('eventPlan')}
          + coalesce(fc.n, 0) * ${rulePoints('firstChannel')} as points
      from partners p
      left join counted c on c.partner_id = p.id
      left join tier_a ta on ta.partner_id = p.id
      left join first_language fl on fl.partner_id = p.id
      left join first_channel fc on fc.partner_id = p.id
      left join at_planned_events pe on pe.partner_id = p.id
      where p.archived_at is null
    )`
}

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
    with ${scoredActions(p)}
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
    with ${scoredActions(p)}
    select role, count(*) as partners, sum(points) as points, sum(validated) as validated,
      round(avg(points), 1) as average
    from points group by role
    order by case role when 'lead' then 0 when 'partner' then 1 else 2 end`)
}

/** Each partner's badges, from the validated, live actions dated up to `end`. */
function leagueBadges(end: string): Map<number, LeagueBadgeKey[]> {
  const earned = new Map<number, LeagueBadgeKey[]>()
  const add = (key: LeagueBadgeKey, ids: { partnerId: number | null }[]) => {
    for (const { partnerId } of ids)
      if (partnerId != null) earned.set(partnerId, [...(earned.get(partnerId) ?? []), key])
  }
  const live = sql`a.status = 'validated' and a.archived_at is null and a.date <= ${end}`
  // Stryker disable next-line MethodExpression: a YYYY-MM month sorts against the day YYYY-MM-DD as against its month
  const endMonth = end.slice(0, 7)
  // The first partner of the project to have a validated action in a channel.
  add(
    'trailblazer',
    db.all(sql`select distinct (
        select a.partner_id from actions a where a.channel_id = c.id and ${live} order by a.date, a.id limit 1
      ) as partnerId from channels c`),
  )
  // Validated actions in every working language of the project.
  add(
    'allLanguages',
    db.all(sql`with wl as (
        select value as language from json_each((select working_languages from project where id = 1))
      )
      select p.id as partnerId from partners p
      where p.archived_at is null and exists (select 1 from wl) and not exists (
        select 1 from wl where not exists (
          select 1 from actions a join action_languages l on l.action_id = a.id and l.language = wl.language
          where a.partner_id = p.id and ${live}
        )
      )`),
  )
  // Validated actions in three calendar months in a row (the per-partner month totals, kept by triggers).
  add(
    'threeMonths',
    db.all(sql`with m as (
        select partner_id, cast(substr(month, 1, 4) as integer) * 12 + cast(substr(month, 6, 2) as integer) as n
        from action_partner_months where status = 'validated' and actions > 0 and month <= ${endMonth}
      )
      select distinct a.partner_id as partnerId from m a
      join m b on b.partner_id = a.partner_id and b.n = a.n + 1
      join m c on c.partner_id = a.partner_id and c.n = a.n + 2`),
  )
  return earned
}
