const D=require('better-sqlite3');const db=new D('bench-data/ripple-bench.db',{readonly:true});db.pragma('cache_size=-64000')
const q=(l,s)=>{let best=1e9,r;for(let i=0;i<4;i++){const t=performance.now();r=db.prepare(s).all();best=Math.min(best,performance.now()-t)}console.log(l.padEnd(12),best.toFixed(1),'ms',JSON.stringify(r).slice(0,150))}
const popsql=`select stakeholders.id as id, stakeholders.name as name, stakeholders.category_id as categoryId,
        stakeholders.owner_partner_id as ownerId, exists (select 1 from stakeholder_reach_months r where r.stakeholder_id = stakeholders.id and r.status='validated' and r.month between '2026-05' and '2026-10') as isReached
      from stakeholders where stakeholders.archived_at is null and stakeholders.merged_into_id is null and stakeholders.id in (select stakeholder_id from stakeholder_priority where tier = 'A')`
q('pop', `select count(*), sum(isReached) from (${popsql})`)
const counted=`actions.status='validated' and actions.archived_at is null`
const full=`
    with pop as materialized (${popsql}),
    counted_pop as (
      select pop.*, count(*) over () as total, sum(1 - pop.isReached) over () as unreached from pop
    ),
    picked as materialized (
      select cp.*, sp.tier as tier, sp.score as score from counted_pop cp
      left join stakeholder_priority sp on sp.stakeholder_id = cp.id
      where cp.isReached = 0
      order by sp.score is null, sp.score desc, cp.name, cp.id
      limit 100
    )
    select cp.id as id, cp.name as name, c.name as category, c.key as categoryKey, cp.ownerId as ownerId, p.name as owner,
      cp.tier as tier, cp.score as score, cp.total as total, cp.unreached as unreached,
      (select max(actions.date) from action_stakeholders x join actions on actions.id = x.action_id
        where x.stakeholder_id = cp.id and actions.date <= '2026-10-31' and ${counted}) as lastReached
    from picked cp
    join stakeholder_categories c on c.id = cp.categoryId
    left join partners p on p.id = cp.ownerId
    order by cp.score is null, cp.score desc, cp.name, cp.id`
q('full', full)
q('full-nolast', full.replace(/\(select max\(actions.date\)[\s\S]*?as lastReached/, 'null as lastReached'))
for (const r of db.prepare('explain query plan '+full).all()) console.log(r.detail)
