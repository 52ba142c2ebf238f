import type Database from 'better-sqlite3'

/**
 * The dashboard figures computed by ONE hand-written SQL statement each (the parts joined with
 * UNION ALL), straight through better-sqlite3: the floor the loaders are compared against.
 * Each statement computes the same figures as the loader with its default filters (validated
 * actions, no partner/channel/type/category filter), from the same tables: the actions through
 * their covering index and the trigger-kept pre-aggregates (action_month_totals,
 * stakeholder_reach_months, action_language_months, and the stakeholder category each link carries)
 * the loaders read.
 *
 * Reach (month M): the headline for M, M-1 and M-12 (actions, participants, online reach,
 * engagements, distinct stakeholders reached, new stakeholders engaged), the months M-12..M by
 * channel, per partner, per stakeholder category (figures and distinct stakeholders), per
 * language, and the 10 most far-reaching actions.
 *
 * Coverage (month M, window of 6 months): the actuals of the additive targets (actions,
 * participants, online reach, engagements; whole project or per partner, whole months), the
 * tier-A stakeholders not reached in the window (count, and the first 100 by score with their
 * last contact), partners with no action in M (with their last action), working-language use in
 * the window, and materials per language.
 */
export const rawQueries = {
  reach(db: Database.Database, month: string) {
    const previous = shiftMonth(month, -1)
    const yearAgo = shiftMonth(month, -12)
    const from = yearAgo
    return db
      .prepare(
        `with months(m) as (values (:month), (:previous), (:yearAgo)),
        rc as materialized (
          select a.id as aid, x.stakeholder_id as sid, x.category_id as cid, a.participants as p, a.online_reach as o, a.engagements as e
          from actions a join action_stakeholders x on x.action_id = a.id
          where a.status = 'validated' and a.archived_at is null and a.month = :month
        ),
        engaged as (
          select m, (
            select count(*) from (
              select entity_id as id from audit_log where entity = 'stakeholder' and action in ('update', 'create')
                and at >= m || '-01' and at <= m || '-31T23:59:59.999Z'
                and json_extract(after, '$.stage') in ('engaged', 'collaborating')
                and coalesce(json_extract(before, '$.stage'), '') not in ('engaged', 'collaborating')
              union
              select s2.id from stakeholders s2 where s2.created_at >= m || '-01' and s2.created_at <= m || '-31T23:59:59.999Z'
                and s2.stage in ('engaged', 'collaborating')
                and not exists (select 1 from audit_log a2 where a2.entity = 'stakeholder' and a2.entity_id = s2.id and a2.action = 'create')
            ) u join stakeholders s on s.id = u.id where s.archived_at is null and s.merged_into_id is null
          ) as n from months
        )
        select 'monthly' as part, t.month as k1, nullif(t.channel_id, 0) as k2, sum(t.actions) as a, sum(t.participants) as b,
          sum(t.online_reach) as c, sum(t.engagements) as d
          from action_month_totals t where t.status = 'validated' and t.month between :from and :month
          group by t.month, t.channel_id having sum(t.actions) > 0
        union all
        select 'reached', r.month, null, count(*), null, null, null from stakeholder_reach_months r
          where r.status = 'validated' and r.month in (:month, :previous, :yearAgo) group by r.month
        union all
        select 'new', m, null, n, null, null, null from engaged
        union all
        select 'partner', p.id, p.name, coalesce(g.n, 0), coalesce(g.p, 0), coalesce(g.o, 0), coalesce(g.e, 0)
          from partners p left join (
            select partner_id, count(*) as n, sum(participants) as p, sum(online_reach) as o, sum(engagements) as e
            from actions where status = 'validated' and archived_at is null and month = :month group by partner_id
          ) g on g.partner_id = p.id where p.archived_at is null or g.partner_id is not null
        union all
        select 'category', cid, count(*), sum(p), sum(o), sum(e), null from (select distinct aid, cid, p, o, e from rc) group by cid
        union all
        select 'categoryReached', cid, null, count(distinct sid), null, null, null from rc group by cid
        union all
        select 'language', l.language, null, count(*), sum(a.participants), sum(a.online_reach), sum(a.engagements)
          from actions a join action_languages l on l.action_id = a.id
          where a.status = 'validated' and a.archived_at is null and a.month = :month group by l.language
        union all
        select * from (
          select 'top', a.id, a.title || ' / ' || p.name || ' / ' || t.name || ' / ' || coalesce(c.name, ''), a.participants, a.online_reach,
            a.engagements, coalesce(a.online_reach, 0) + coalesce(a.participants, 0)
          from actions a join partners p on p.id = a.partner_id join action_types t on t.id = a.type_id left join channels c on c.id = a.channel_id
          where a.status = 'validated' and a.archived_at is null and a.month = :month
          order by coalesce(a.online_reach, 0) + coalesce(a.participants, 0) desc, a.id desc limit 10
        )`,
      )
      .all({ month, previous, yearAgo, from })
  },
  coverage(db: Database.Database, month: string) {
    const windowStart = shiftMonth(month, -5)
    const asOf = `${month}-31`
    return db
      .prepare(
        `with pm as materialized (
          select partner_id, month, count(*) as n, sum(participants) as p, sum(online_reach) as o, sum(engagements) as e
          from actions where status = 'validated' and archived_at is null and month <= :month group by partner_id, month
        ),
        tgt as (
          select id, metric, breakdown_value as bv, substr(period_start, 1, 7) as f, substr(min(period_end, :asOf), 1, 7) as t
          from targets where archived_at is null and metric in ('actions', 'participants', 'online_reach', 'engagements')
            and (breakdown is null or breakdown = 'partner') and period_start <= :asOf
        ),
        pop as materialized (
          select s.id, s.name, s.category_id, s.owner_partner_id,
            exists (select 1 from stakeholder_reach_months r where r.stakeholder_id = s.id and r.status = 'validated'
              and r.month between :windowStart and :month) as reached
          from stakeholders s where s.archived_at is null and s.merged_into_id is null
            and s.id in (select stakeholder_id from stakeholder_priority where tier = 'A')
        )
        select 'target' as part, tgt.id as k1, null as k2,
          sum(case tgt.metric when 'actions' then pm.n when 'participants' then pm.p when 'online_reach' then pm.o else pm.e end) as a
          from tgt join pm on pm.month between tgt.f and tgt.t and (tgt.bv is null or pm.partner_id = cast(tgt.bv as integer)) group by tgt.id
        union all
        select 'unreachedCount', count(*), null, sum(1 - reached) from pop
        union all
        select * from (
          select 'unreached', u.id, u.name || ' / ' || c.name || ' / ' || coalesce(p.name, ''),
            (select max(a.date) from action_stakeholders x join actions a on a.id = x.action_id
              where x.stakeholder_id = u.id and a.status = 'validated' and a.archived_at is null and a.date <= :asOf)
          from (select pop.*, sp.score from pop left join stakeholder_priority sp on sp.stakeholder_id = pop.id where reached = 0
                order by sp.score is null, sp.score desc, pop.name, pop.id limit 100) u
          join stakeholder_categories c on c.id = u.category_id left join partners p on p.id = u.owner_partner_id
          order by u.score is null, u.score desc, u.name, u.id
        )
        union all
        select 'partnerInactive', p.id, p.name,
          (select a.date from actions a where a.partner_id = p.id and a.status = 'validated' and a.archived_at is null and a.date <= :asOf
            order by a.date desc limit 1)
          from partners p where p.archived_at is null
            and not exists (select 1 from actions a where a.partner_id = p.id and a.status = 'validated' and a.archived_at is null and a.month = :month)
        union all
        select 'language', r.language, null, sum(r.actions) from action_language_months r
          where r.status = 'validated' and r.month between :windowStart and :month group by r.language
        union all
        select 'materials', language, null, count(*) from materials where archived_at is null group by language`,
      )
      .all({ month, windowStart, asOf })
  },
}

export function shiftMonth(month: string, delta: number) {
  const [y, m] = month.split('-').map(Number)
  const d = new Date(Date.UTC(y, m - 1 + delta, 1))
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
}
